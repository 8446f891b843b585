"""Crash consistency: the function is killed at every step boundary of create (server and
object storage), upgrade and terminate, then runs again; the service must converge with
nothing bought twice and nothing lost.

The action runs in its own process (tests/chaos/crash_worker.py) against the shared local
stack and dies there with ``os._exit`` right after the step, as Lambda kills an invocation
(its lock stays held, its audit row is never written). Between Contabo committing a purchase
or a cancellation and its answer arriving, the simulator itself kills the process. Then, as
in production: the lock is held until it expires (a retry before that is refused as busy),
and the next worker run, or WHMCS asking again, finishes the job.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from contabo_reseller.adapters import service_store, worker_trigger
from contabo_reseller.domain.service import display_name_for
from contabo_reseller.services import manage_service, provisioning
from contabo_reseller.services.object_storage.provisioning import pool_display_name
from local.stack.template import REPO_ROOT
from tests.chaos import crash_worker
from tests.chaos.conftest import (
    active_services,
    ask,
    expire_lock,
    lock_holder,
    new_service_id,
    record_figures,
)
from tests.chaos.test_exactly_once import _after_cleanup
from tests.integration.lifecycle.test_create_and_provision import order
from tests.integration.object_storage.conftest import clear_account, storage_order

pytestmark = pytest.mark.slow

CASES = [
    ("create", "lock_taken"),
    ("create", "secrets_created"),
    ("create", "secrets_recorded"),
    ("create", "intent_recorded"),
    ("create", "purchase_sent"),
    ("create", "purchase_answered"),
    ("create", "record_linked"),
    ("create", "tagged"),
    ("create", "tag_recorded"),
    ("create", "active_recorded"),
    ("storage", "lock_taken"),
    ("storage", "intent_recorded"),
    ("storage", "purchase_sent"),
    ("storage", "purchase_answered"),
    ("storage", "record_linked"),
    ("storage", "active_recorded"),
    ("upgrade", "lock_taken"),
    ("upgrade", "pending_recorded"),
    ("upgrade", "upgrade_sent"),
    ("upgrade", "upgrade_answered"),
    ("upgrade", "add_ons_recorded"),
    ("terminate", "lock_taken"),
    ("terminate", "stop_answered"),
    ("terminate", "cancel_sent"),
    ("terminate", "cancel_answered"),
    ("terminate", "cancel_recorded"),
    ("terminate", "cleanup_done"),
    ("terminate", "terminated_recorded"),
]
# The action's last write also releases its lock (service_store.update(release=True)): killed
# right after it, the action is done and no lock is left to wait for.
RELEASED_BY_LAST_WRITE = {("upgrade", "add_ons_recorded"), ("terminate", "terminated_recorded")}
# Which Contabo operation the simulator answers by killing the caller, per boundary.
KILLING_OPERATION = {
    ("create", "purchase_sent"): "createInstance",
    ("storage", "purchase_sent"): "createObjectStorage",
    ("upgrade", "upgrade_sent"): "upgradeInstance",
    ("terminate", "cancel_sent"): "cancelInstance",
}
RESULTS: list[str] = []
ORPHANED_SECRETS: dict[str, int] = {}


@pytest.fixture(autouse=True)
def no_reconcile_wait(monkeypatch):
    """The reconcile grace period has passed by the rerun (time is not what is tested)."""
    monkeypatch.setattr(provisioning, "RECONCILE_GRACE_SECONDS", 0)
    # Likewise an upgrade killed before it was sent: its settle window has passed.
    monkeypatch.setattr(manage_service, "UPGRADE_SETTLE_SECONDS", 0)


@pytest.fixture
def no_wake_ups(monkeypatch):
    """The order's own wake-up of the worker is lost: only the process under test works on
    it (the schedule would pick it up otherwise)."""
    monkeypatch.setattr(worker_trigger, "trigger_provisioning", lambda service_id: None)


@pytest.fixture(scope="module", autouse=True)
def summary() -> Iterator[None]:
    yield
    if RESULTS:
        orphans = sum(ORPHANED_SECRETS.values())
        record_figures(
            f"crash consistency: {len(RESULTS)} kills at step boundaries, "
            f"{sum('converged' in r for r in RESULTS)} converged with one purchase each; "
            f"orphaned Contabo secrets left: {orphans} {ORPHANED_SECRETS or ''}".rstrip(),
        )


@pytest.mark.parametrize(("operation", "boundary"), CASES, ids=lambda v: str(v))
def test_killed_at_a_step_boundary_the_service_converges_exactly_once(
    stack, whmcs, sim, ledger, suite_output, no_wake_ups, operation, boundary
):
    pools_before = ledger.bought("createObjectStorage", pool_display_name("EU"))  # same name
    sid = _service_for(stack, whmcs, sim, operation, boundary)
    instance_id = service_store.get(sid).resource_id
    purchases_before = sum(ledger.purchases.values())

    status, output = _run_and_kill(stack, operation, sid, boundary)
    suite_output.sink(output)  # its logs count for the secrets scan too
    killed_by_contabo = (operation, boundary) in KILLING_OPERATION
    expected = -signal.SIGKILL if killed_by_contabo else crash_worker.DIED
    assert status != crash_worker.NEVER_REACHED, f"{boundary} was never reached:\n{output}"
    assert status == expected, output[-3000:]

    if (operation, boundary) in RELEASED_BY_LAST_WRITE:
        assert lock_holder(sid) is None, "the last write released the lock"
    else:
        assert lock_holder(sid), "a killed invocation cannot have released its lock"
        assert _retry_now(whmcs, operation, sid) == "busy", "the held lock must keep others out"
        expire_lock(sid)
    _converge(stack, whmcs, sim, operation, sid)

    if operation in ("create", "storage"):
        _assert_one_purchase_linked(stack, ledger, operation, sid, pools_before)
        ORPHANED_SECRETS.update(_orphaned_secrets(stack, sid, operation))
    elif operation == "upgrade":
        _assert_upgraded_once(stack, ledger, sid, instance_id)
    else:
        _assert_cancelled_once(stack, ledger, sid, instance_id, purchases_before)
    assert lock_holder(sid) is None
    RESULTS.append(f"{operation}/{boundary}: converged")


def _service_for(stack, whmcs, sim, operation: str, boundary: str) -> str:
    if operation in ("upgrade", "terminate"):
        return active_services(stack, whmcs, 1)[0]
    sid = new_service_id()
    if operation == "storage":
        clear_account(stack)
        created = whmcs.request("POST", f"/services/{sid}/object-storage", storage_order())
    else:
        created = whmcs.request("POST", f"/services/{sid}/create", order())
    assert created.status_code == 202, created.text
    if boundary == "active_recorded":  # bought and linked by a run that went well; installed
        for _ in range(4):
            provisioning.advance(sid)
            if service_store.get(sid).state == "provisioning":
                break
        sim.post("/clock/advance", json={"seconds": 120})
    return sid


def _run_and_kill(stack, operation: str, sid: str, boundary: str) -> tuple[int, str]:
    env = {
        **os.environ,
        **stack.functions["ProvisioningWorkerFunction"].environment,
        "PYTHONPATH": os.pathsep.join([str(REPO_ROOT / "layers" / "common"), str(REPO_ROOT)]),
    }
    command = [sys.executable, "-m", "tests.chaos.crash_worker", operation, sid, boundary]
    killing = KILLING_OPERATION.get((operation, boundary))
    with _contabo_kills(killing, _resource_matcher(operation, sid)) as target:
        process = subprocess.Popen(  # noqa: S603 - our interpreter and module
            command,
            cwd=REPO_ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        target.append(process.pid)
        output, _ = process.communicate(timeout=180)
    return process.returncode, output


def _resource_matcher(operation: str, sid: str) -> Callable[[Any], bool]:
    record = service_store.get(sid)

    def matches(ctx: Any) -> bool:
        if operation == "create":
            return (ctx.body or {}).get("displayName") == display_name_for(sid)
        if operation == "storage":  # the first order of a region buys its pool
            return (ctx.body or {}).get("displayName") == pool_display_name("EU")
        return str(ctx.path.get("instanceId")) == str(record.resource_id)

    return matches


class _contabo_kills:
    """While active, the simulator kills the process under test right after committing
    ``operation`` for its resource, before the answer is sent."""

    def __init__(self, operation: str | None, matches: Callable[[Any], bool]) -> None:
        self.operation = operation
        self.matches = matches
        self.pids: list[int] = []
        self._original: Any = None
        self._done = threading.Event()

    def __enter__(self) -> list[int]:
        if self.operation:
            from local.contabo_sim.routes import HANDLERS

            self._original = HANDLERS[self.operation]

            def commit_then_kill(ctx: Any) -> Any:
                reply = self._original(ctx)
                if self.pids and self.matches(ctx) and not self._done.is_set():
                    self._done.set()
                    os.kill(self.pids[0], signal.SIGKILL)
                return reply

            HANDLERS[self.operation] = commit_then_kill
        return self.pids

    def __exit__(self, *exc: object) -> None:
        if self.operation:
            from local.contabo_sim.routes import HANDLERS

            HANDLERS[self.operation] = self._original


def _retry_now(whmcs, operation: str, sid: str) -> str:
    """A retry before the lock expires applies nothing. The worker finds the service busy;
    WHMCS asking again is not refused (a billing action is recorded, a package change queued:
    docs/reliability.md) but the dead invocation's lock stays its own until it expires."""
    if operation in ("create", "storage"):
        return provisioning._advance_safely(sid)
    holder = lock_holder(sid)
    path, body = _whmcs_call(operation, sid)
    answer = whmcs.request("POST", path, body)
    if answer.status_code == 409:
        return "busy"
    if answer.status_code < 300 and lock_holder(sid) == holder:
        return "busy"  # recorded or queued for when the lock frees, not applied
    return f"not kept out: {answer.status_code} {answer.text[:200]}"


def _whmcs_call(operation: str, sid: str) -> tuple[str, dict[str, Any]]:
    if operation == "upgrade":
        return f"/services/{sid}/change-package", {"add_ons": {"backup": True}}
    return f"/services/{sid}/terminate", {}


def _converge(stack, whmcs, sim, operation: str, sid: str) -> None:
    if operation in ("create", "storage"):
        for _ in range(8):  # the next scheduled runs, Contabo installing in between
            if service_store.get(sid).state == "active":
                return
            stack.run_job("ProvisioningWorkerFunction")
            sim.post("/clock/advance", json={"seconds": 120})
        assert service_store.get(sid).state == "active", service_store.get(sid).attribute_values
        return
    path, body = _whmcs_call(operation, sid)
    answer = ask(whmcs, "POST", path, body)
    assert answer.status_code == 200, answer.text
    # What the retry queued while the lock was held runs on the queue's next minute.
    for _ in range(3):
        stack.run_job("ActionQueueWorkerFunction")
    if operation == "terminate":
        _after_cleanup(stack, sid)


def _assert_one_purchase_linked(
    stack, ledger, operation: str, sid: str, pools_before: int = 0
) -> None:
    name = display_name_for(sid)
    record = service_store.get(sid)
    if operation == "create":
        bought = ledger.bought("createInstance", name)
        found = [i for i in stack.sim.state.instances.values() if i["displayName"] == name]
        linked = [str(i["instanceId"]) for i in found]
    else:
        pool = pool_display_name("EU")  # storage_order's region
        bought = ledger.bought("createObjectStorage", pool) - pools_before
        found = [s for s in stack.sim.state.object_storages.values() if s["displayName"] == pool]
        linked = [s["objectStorageId"] for s in found]
        clear_account(stack)
    assert bought == 1, f"bought {bought} times"
    assert len(found) == 1, found
    assert record.resource_id == linked[0], (record.resource_id, linked)


def _orphaned_secrets(stack, sid: str, operation: str) -> dict[str, int]:
    """Contabo secrets named for the service that its record does not know (not purchases:
    reported, not asserted)."""
    if operation != "create":
        return {}
    known = service_store.get(sid).details.get("secret_ids") or {}
    ids = {known.get("root_password"), *known.get("ssh_keys", [])}
    named = [
        s["secretId"]
        for s in list(stack.sim.state.secrets.values())
        if s["name"].startswith(display_name_for(sid))
    ]
    orphans = [secret_id for secret_id in named if secret_id not in ids]
    return {sid: len(orphans)} if orphans else {}


def _assert_upgraded_once(stack, ledger, sid: str, instance_id: str) -> None:
    assert ledger.bought("upgradeInstance", instance_id) == 1
    add_ons = {a["id"] for a in stack.sim.state.instances[int(instance_id)]["addOns"]}
    assert 1470 in add_ons  # backup, as the simulator numbers it
    details = service_store.get(sid).details
    assert details["add_ons"]["backup"] is True
    assert not details.get("upgrade_pending")


def _assert_cancelled_once(stack, ledger, sid: str, instance_id: str, purchases: int) -> None:
    assert ledger.cancelled(instance_id) == 1
    assert sum(ledger.purchases.values()) == purchases, "terminate bought something"
    instance = stack.sim.state.instances[int(instance_id)]
    record = service_store.get(sid)
    assert record.state == "terminated"
    assert record.details.get("cancel_date") == instance["cancelDate"]
    assert "cleanup pending" not in (record.status_message or "")
    leftovers = [
        s
        for s in list(stack.sim.state.secrets.values())
        if s["name"].startswith(display_name_for(sid))
    ]
    assert leftovers == []
