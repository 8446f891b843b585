"""Runs one action against the local stack in this process and dies at a step boundary, the
way Lambda kills an invocation: ``os._exit`` (no ``finally``, no lock release, no audit row).

    python -m tests.chaos.crash_worker <operation> <service_id> <boundary>

Exit status 137: died at the boundary; 3: the action finished without reaching it (the
boundary no longer exists: the test says so). Boundaries that fall between Contabo receiving
a request and its answer arriving are the test's to cause (it kills this process from the
simulator), so here they run the action untouched.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any

DIED = 137
NEVER_REACHED = 3
# Caused from the simulator's side: Contabo committed, this process dies before the answer.
KILLED_BY_CONTABO = ("purchase_sent", "upgrade_sent", "cancel_sent")


def main(argv: list[str]) -> int:
    operation, service_id, boundary = argv
    if boundary not in KILLED_BY_CONTABO:
        _die_at(boundary)
    _run(operation, service_id)
    return NEVER_REACHED


def _run(operation: str, service_id: str) -> None:
    from contabo_reseller.domain.service import ChangePackageRequest, TerminateRequest
    from contabo_reseller.services import manage_service, provisioning

    if operation in ("create", "storage"):
        provisioning.advance(service_id)  # what the worker does for a woken service
    elif operation == "upgrade":
        request = ChangePackageRequest.model_validate({"add_ons": {"backup": True}})
        manage_service.change_package(service_id, request, "whmcs:crash-test")
    elif operation == "terminate":
        manage_service.terminate(service_id, TerminateRequest(), "whmcs:crash-test")
    else:
        raise SystemExit(f"unknown operation {operation}")


def _die() -> None:
    sys.stdout.flush()
    os._exit(DIED)


def _die_after(owner: Any, name: str, when: Callable[..., bool] = lambda *a, **k: True) -> None:
    real = getattr(owner, name)

    def call_then_die(*args: Any, **kwargs: Any) -> Any:
        result = real(*args, **kwargs)
        if when(*args, **kwargs):
            _die()
        return result

    setattr(owner, name, call_then_die)


def _die_after_write(predicate: Callable[[dict[str, Any], dict[str, Any]], bool]) -> None:
    """Dies right after a service-row write that matches (fields set, details merged)."""
    from contabo_reseller.adapters import service_store

    real = service_store.update

    def update_then_die(record: Any, *, condition: Any = None, details: Any = None, **fields: Any):
        written = real(record, condition=condition, details=details, **fields)
        if written and predicate(fields, details or {}):
            _die()
        return written

    service_store.update = update_then_die  # type: ignore[assignment]


def _die_at(boundary: str) -> None:
    from contabo_reseller.adapters import service_store
    from contabo_reseller.adapters.contabo.gateway import ClientGateway
    from contabo_reseller.adapters.contabo.object_storage import ClientObjectStorage
    from contabo_reseller.services import terminate_cleanup

    def state_is(state: str) -> Callable[[dict[str, Any], dict[str, Any]], bool]:
        return lambda fields, details: fields.get("state") == state

    boundaries: dict[str, Callable[[], None]] = {
        "lock_taken": lambda: _die_after(service_store, "acquire_lock"),
        "secrets_created": lambda: _die_after(ClientGateway, "create_secret"),
        "secrets_recorded": lambda: _die_after_write(lambda f, d: "secret_ids" in d),
        "intent_recorded": lambda: _die_after_write(state_is("purchasing")),
        "purchase_answered": lambda: (
            _die_after(ClientGateway, "create_instance"),
            _die_after(ClientObjectStorage, "create"),
        ),
        "record_linked": lambda: _die_after_write(state_is("provisioning")),
        "tagged": lambda: _die_after(ClientGateway, "tag_instance"),
        "tag_recorded": lambda: _die_after_write(lambda f, d: d.get("tagged") is True),
        "active_recorded": lambda: _die_after_write(state_is("active")),
        "pending_recorded": lambda: _die_after_write(lambda f, d: bool(d.get("upgrade_pending"))),
        "upgrade_answered": lambda: _die_after(ClientGateway, "upgrade_instance"),
        "add_ons_recorded": lambda: _die_after_write(
            lambda f, d: "add_ons" in d and d.get("upgrade_pending") is None
        ),
        "stop_answered": lambda: _die_after(
            ClientGateway, "power", lambda self, instance_id, action: action == "stop"
        ),
        "cancel_answered": lambda: _die_after(ClientGateway, "cancel_instance"),
        "cancel_recorded": lambda: _die_after_write(lambda f, d: bool(d.get("cancel_date"))),
        "cleanup_done": lambda: _die_after(terminate_cleanup, "clean_up"),
        "terminated_recorded": lambda: _die_after_write(state_is("terminated")),
    }
    boundaries[boundary]()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
