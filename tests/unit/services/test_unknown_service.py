"""A service the backend never ordered (no row, or a row that only ever held a lock) is
refused the same way by every lifecycle path, whether it runs at once under the lock or is
recorded for later because the lock is busy: NotFound with the code service_unknown."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from contabo_reseller.adapters import job_queue, service_store
from contabo_reseller.domain.errors import NotFound
from contabo_reseller.domain.service import (
    ChangePackageRequest,
    RenewRequest,
    SuspendRequest,
    TerminateRequest,
)
from contabo_reseller.domain.tags import SetTagsRequest
from contabo_reseller.services import manage_service, service_policy, tags
from contabo_reseller.services.billing import actions as billing_actions
from contabo_reseller.services.object_storage import management as object_storage
from tests.unit.fakes.contabo import FakeContaboGateway

UNKNOWN = "4711"
ACTOR = "whmcs:test"


def _change() -> None:
    with service_policy.changing(UNKNOWN, "set_reverse_dns", ACTOR):
        pass


CALLS: dict[str, Callable[[], object]] = {
    "suspend": lambda: manage_service.suspend(UNKNOWN, SuspendRequest(), ACTOR),
    "unsuspend": lambda: manage_service.unsuspend(UNKNOWN, ACTOR),
    "terminate": lambda: manage_service.terminate(UNKNOWN, TerminateRequest(), ACTOR),
    "power": lambda: manage_service.power(UNKNOWN, "restart", ACTOR),
    "change_package": lambda: manage_service.change_package(UNKNOWN, ChangePackageRequest(), ACTOR),
    "renew": lambda: manage_service.renew(UNKNOWN, RenewRequest(), ACTOR),
    "record_for_later": lambda: billing_actions.record_for_later(
        UNKNOWN, "suspend", {}, ACTOR, manage_service.BILLING_JOB
    ),
    "object_storage_suspend": lambda: object_storage.suspend(UNKNOWN, SuspendRequest(), ACTOR),
    "object_storage_migrate": lambda: object_storage.migrate_to_pool(UNKNOWN, ACTOR),
    "service_policy_change": _change,
    "set_tags": lambda: tags.set_extra_tags(UNKNOWN, SetTagsRequest(tags=[]), ACTOR),
}


def _refused_as_unknown(call: Callable[[], object]) -> None:
    with pytest.raises(NotFound) as refused:
        call()
    assert refused.value.message_code == "service_unknown"
    assert refused.value.params == {"service_id": UNKNOWN}


@pytest.mark.parametrize("name", sorted(CALLS))
def test_a_service_never_ordered_is_unknown_to_every_path(
    contabo: FakeContaboGateway, name: str
) -> None:
    _refused_as_unknown(CALLS[name])
    service_store.acquire_lock(UNKNOWN, "create", "test")  # a row that only held a lock
    service_store.release_lock(UNKNOWN, "test")
    _refused_as_unknown(CALLS[name])


@pytest.mark.parametrize("name", ["suspend", "terminate", "unsuspend", "change_package"])
def test_a_service_never_ordered_is_unknown_while_its_lock_is_held(
    contabo: FakeContaboGateway, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """The busy path (recorded or queued for later) refuses it too, and queues nothing."""
    monkeypatch.setattr(manage_service, "BILLING_WAIT_SECONDS", 0.2)
    service_store.acquire_lock(UNKNOWN, "create", "someone else", seconds=30)
    _refused_as_unknown(CALLS[name])
    for job in (manage_service.BILLING_JOB, manage_service.UPGRADE_JOB):
        assert job_queue.get(f"{job}-{UNKNOWN}") is None
