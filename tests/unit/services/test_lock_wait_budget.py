"""A WHMCS request that waits for a service lock held by another invocation spends WHMCS's
budget waiting: it waits only as long as still leaves time for one slow Contabo call, so the
wait and every call it starts end within the budget; a lock not free by then is answered the
way a request past its budget is (queued or recorded, WHMCS told truthfully), never a 503.
Once ChangePackage waited 1.5 s, then started a 3 s Contabo call: 5.9 s at +3 s (issue 14)."""

from __future__ import annotations

import time
from datetime import date
from types import SimpleNamespace

import pytest

from contabo_reseller import invocation
from contabo_reseller.adapters import job_queue, service_store, worker_trigger
from contabo_reseller.domain.errors import ServiceBusy
from contabo_reseller.domain.service import (
    ChangePackageRequest,
    RenewRequest,
    SuspendRequest,
    TerminateRequest,
)
from contabo_reseller.services import manage_service
from contabo_reseller.services.jobs.action_queue import QueuedJob
from contabo_reseller.services.object_storage import management as object_storage
from contabo_reseller.services.object_storage import provisioning as object_storage_provisioning
from tests.unit.fakes.contabo import FakeContaboGateway
from tests.unit.fakes.object_storage import FakeObjectStorages
from tests.unit.services.test_object_storage_worker import _active as active_storage
from tests.unit.services.test_purchases_with_fake_contabo import SERVICE_ID, _active, _ordered

CONTEXT = SimpleNamespace(get_remaining_time_in_millis=lambda: 10_000)
# Contabo at +3 s against WHMCS's 4.5 s budget, scaled down (as in test_time_budget.py): every
# call takes 0.8 s of a 1.4 s budget. Another invocation holds the service for 1.0 s, inside
# the 1.5 s a billing action waits, but past the 0.6 s that leave room for one slow call.
SLOW_CALL_SECONDS = 0.8
SCALED_BUDGET_SECONDS = 1.4
HELD_SECONDS = 1.0
HOLDER = "customer:restart"


@pytest.fixture
def slow_contabo(
    contabo: FakeContaboGateway, monkeypatch: pytest.MonkeyPatch
) -> list[tuple[str, float]]:
    """Every Contabo call is checked against the budget first, as the transport does; returns
    each call made within a budget with what was left of it when the call ended."""
    ended: list[tuple[str, float]] = []
    record = FakeContaboGateway._record
    monkeypatch.setattr(invocation, "ASSUMED_CALL_SECONDS", 0.1)
    monkeypatch.setattr(invocation, "SLOW_CALL_SECONDS", SLOW_CALL_SECONDS)

    def slow(self: FakeContaboGateway, operation: str, *args: object) -> None:
        if invocation.budget_left() is not None:
            invocation.require_time_for_call()
            time.sleep(SLOW_CALL_SECONDS)
            invocation.note_call(SLOW_CALL_SECONDS)
            ended.append((operation, invocation.budget_left() or 0.0))
        record(self, operation, *args)

    _ordered()
    _active(contabo)  # bought and installed outside any budget
    monkeypatch.setattr(FakeContaboGateway, "_record", slow)
    return ended


# The budget arithmetic ----------------------------------------------------------------------


def test_outside_a_whmcs_request_a_lock_wait_is_not_cut() -> None:
    assert invocation.time_to_wait(20.0) == 20.0  # workers and jobs wait as long as they ask


def test_a_lock_wait_leaves_one_slow_call_of_the_budget() -> None:
    with invocation.running(CONTEXT, budget_seconds=invocation.WHMCS_BUDGET_SECONDS):
        waited = invocation.time_to_wait(manage_service.BILLING_WAIT_SECONDS)
    # 4.5 s budget - 3 s for a slow call = 1.5 s, less the moment already spent
    assert 1.4 < waited <= invocation.WHMCS_BUDGET_SECONDS - invocation.SLOW_CALL_SECONDS


def test_a_lock_wait_leaves_room_for_the_slowest_call_timed_so_far() -> None:
    with invocation.running(CONTEXT, budget_seconds=invocation.WHMCS_BUDGET_SECONDS):
        invocation.note_call(4.0)  # a sign-in another invocation made took this long
        assert 0.4 < invocation.time_to_wait(1.5) <= 0.5


def test_a_request_with_no_time_for_a_slow_call_does_not_wait_at_all() -> None:
    with invocation.running(CONTEXT, budget_seconds=2.0):
        assert invocation.time_to_wait(1.5) == 0.0


def test_a_short_wait_asked_is_kept() -> None:
    with invocation.running(CONTEXT, budget_seconds=invocation.WHMCS_BUDGET_SECONDS):
        assert invocation.time_to_wait(0.3) == 0.3


def test_the_service_lock_is_waited_for_only_within_the_budget(aws: None) -> None:
    service_store.acquire_lock(SERVICE_ID, "restart", HOLDER, seconds=30)
    started = time.monotonic()
    with (
        invocation.running(CONTEXT, budget_seconds=invocation.SLOW_CALL_SECONDS + 0.3),
        pytest.raises(ServiceBusy),
    ):
        service_store.acquire_lock(SERVICE_ID, "suspend", "whmcs:suspend", wait_seconds=1.5)
    assert time.monotonic() - started < 1.0  # gave up after about 0.3 s, not 1.5 s


# Lifecycle calls while another invocation holds the service ------------------------------


def test_a_change_package_waiting_for_the_lock_is_queued_within_the_budget(
    slow_contabo: list[tuple[str, float]], contabo: FakeContaboGateway
) -> None:
    service_store.acquire_lock(SERVICE_ID, "restart", HOLDER, seconds=HELD_SECONDS)
    request = ChangePackageRequest(add_ons={"backup": True})

    with invocation.running(CONTEXT, budget_seconds=SCALED_BUDGET_SECONDS):
        view = manage_service.change_package(SERVICE_ID, request, "whmcs:test")
        left = invocation.budget_left()

    # WHMCS is told, truthfully
    assert view.status_message_code == manage_service.CHANGE_QUEUED.code
    assert left is not None and left > 0  # answered within the budget
    assert all(after >= 0 for _, after in slow_contabo), slow_contabo
    assert contabo.called("upgradeInstance") == []
    job = job_queue.get(f"{manage_service.UPGRADE_JOB}-{SERVICE_ID}")
    assert job is not None and job.status == "queued"

    time.sleep(HELD_SECONDS)  # the holder is done (or its lock expired)
    assert manage_service.apply_settled_upgrade(_queued(job)) == "add-ons applied"
    again = manage_service.change_package(SERVICE_ID, request, "whmcs:test")
    assert again.service_id == SERVICE_ID
    assert len(contabo.called("upgradeInstance")) == 1  # bought once, never twice


def test_an_earlier_upgrade_is_checked_only_as_far_as_the_budget_allows_and_never_bought_twice(
    slow_contabo: list[tuple[str, float]], contabo: FakeContaboGateway
) -> None:
    """An earlier upgrade whose answer was lost (bought at Contabo, its audit entry not listed
    yet): after a short lock wait the audit list is read, the instance read that would settle it
    no longer fits, so the change is queued; the job settles it and buys nothing again."""
    record = service_store.require(SERVICE_ID)
    instance_id = int(record.resource_id or 0)
    before = len(contabo.get_instance(instance_id).add_ons)
    contabo.upgrade_instance(instance_id, private_networking=False, backup=True, request_id="r-1")
    contabo.account.audits.pop()  # Contabo's audit list lags the purchase
    pending = {"add_ons_before": before, "backup": True, "private_networking": False}
    lock = service_store.acquire_lock(SERVICE_ID, "change_package", "earlier")
    service_store.update(
        lock,
        details={"upgrade_pending": {**pending, "request_id": "r-1", "started_at": time.time()}},
    )
    service_store.release_lock(SERVICE_ID, "earlier", lock)
    service_store.acquire_lock(SERVICE_ID, "restart", HOLDER, seconds=0.3)  # frees in time
    request = ChangePackageRequest(add_ons={"backup": True})

    with invocation.running(CONTEXT, budget_seconds=SCALED_BUDGET_SECONDS):
        view = manage_service.change_package(SERVICE_ID, request, "whmcs:test")

    assert view.status_message_code == manage_service.CHANGE_QUEUED.code
    # The lock wait and the read it made fit the budget; queueing is the answer's own margin.
    assert [name for name, _ in slow_contabo] == ["retrieveInstancesAuditsList"], slow_contabo
    assert all(after >= 0 for _, after in slow_contabo), slow_contabo
    job = job_queue.get(f"{manage_service.UPGRADE_JOB}-{SERVICE_ID}")
    assert job is not None and job.status == "queued"

    assert manage_service.apply_settled_upgrade(_queued(job)) == "add-ons applied"
    assert len(contabo.called("upgradeInstance")) == 1  # the earlier one, settled, not again
    assert service_store.require(SERVICE_ID).details["add_ons"]["backup"] is True


def _unsuspend() -> None:
    manage_service.suspend(SERVICE_ID, SuspendRequest(reason="overdue"), "whmcs:test")


@pytest.mark.parametrize(
    ("call", "before", "recorded", "job_action", "not_called"),
    [
        (
            lambda: manage_service.suspend(SERVICE_ID, SuspendRequest(reason="overdue"), "w"),
            None,
            "suspend",
            manage_service.BILLING_JOB,
            "stopInstance",
        ),
        (
            lambda: manage_service.unsuspend(SERVICE_ID, "w"),
            _unsuspend,
            "unsuspend",
            manage_service.BILLING_JOB,
            "startInstance",
        ),
        (
            lambda: manage_service.renew(
                SERVICE_ID, RenewRequest(next_due_date=date(2030, 1, 1)), "w"
            ),
            None,
            None,
            manage_service.RENEW_JOB,
            "retrieveInstance",
        ),
        (
            lambda: manage_service.terminate(SERVICE_ID, TerminateRequest(), "w"),
            None,
            "terminate",
            manage_service.BILLING_JOB,
            "cancelInstance",
        ),
    ],
    ids=["SuspendAccount", "UnsuspendAccount", "Renew", "TerminateAccount"],
)
def test_billing_actions_and_renew_waiting_for_the_lock_are_recorded_within_the_budget(
    slow_contabo: list[tuple[str, float]],
    contabo: FakeContaboGateway,
    call,  # type: ignore[no-untyped-def]
    before,  # type: ignore[no-untyped-def]
    recorded: str | None,
    job_action: str,
    not_called: str,
) -> None:
    if before:
        before()  # outside any budget: done at once
    calls_before = len(contabo.called(not_called))
    service_store.acquire_lock(SERVICE_ID, "restart", HOLDER, seconds=HELD_SECONDS)

    with invocation.running(CONTEXT, budget_seconds=SCALED_BUDGET_SECONDS):
        view = call()
        left = invocation.budget_left()

    assert view.service_id == SERVICE_ID  # WHMCS gets its success
    assert left is not None and left > 0
    assert all(after >= 0 for _, after in slow_contabo), slow_contabo
    assert len(contabo.called(not_called)) == calls_before  # nothing started past the budget
    assert service_store.require(SERVICE_ID).billing_action == recorded
    job = job_queue.get(f"{job_action}-{SERVICE_ID}")
    assert job is not None and job.status == "queued"
    if job_action == manage_service.RENEW_JOB:
        assert view.status_message_code == manage_service.RENEWAL_QUEUED.code


def test_a_lock_freed_early_enough_is_still_taken_and_the_action_done_now(
    slow_contabo: list[tuple[str, float]], contabo: FakeContaboGateway
) -> None:
    service_store.acquire_lock(SERVICE_ID, "restart", HOLDER, seconds=0.2)

    with invocation.running(CONTEXT, budget_seconds=SCALED_BUDGET_SECONDS):
        manage_service.suspend(SERVICE_ID, SuspendRequest(reason="overdue"), "whmcs:test")

    record = service_store.require(SERVICE_ID)
    assert record.details.get("suspended") is True and not record.billing_action
    assert [name for name, _ in slow_contabo] == ["stopInstance"]
    assert all(after >= 0 for _, after in slow_contabo), slow_contabo


def test_an_object_storage_suspend_waiting_for_the_lock_is_recorded_within_the_budget(
    aws: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    storages = FakeObjectStorages()
    monkeypatch.setattr(object_storage, "object_storage_port_for", lambda *_: storages)
    monkeypatch.setattr(object_storage_provisioning, "object_storage_port_for", lambda *_: storages)
    monkeypatch.setattr(worker_trigger, "trigger_provisioning", lambda _sid: None)
    storage_id = active_storage("7", storages)  # bought outside any budget
    keys_before = storages.key_store[storage_id]
    ended: list[tuple[str, float]] = []
    monkeypatch.setattr(invocation, "ASSUMED_CALL_SECONDS", 0.1)
    monkeypatch.setattr(invocation, "SLOW_CALL_SECONDS", SLOW_CALL_SECONDS)
    for name in ("get", "credential_ref", "keys", "regenerate_keys", "cancel"):
        monkeypatch.setattr(storages, name, _slow(getattr(storages, name), name, ended))
    service_store.acquire_lock("7", "resize", HOLDER, seconds=HELD_SECONDS)

    with invocation.running(CONTEXT, budget_seconds=SCALED_BUDGET_SECONDS):
        view = object_storage.suspend("7", SuspendRequest(reason="overdue"), "whmcs:test")
        left = invocation.budget_left()

    assert view.service_id == "7"
    assert left is not None and left > 0
    assert ended == []  # no call to the provider started past the budget
    assert service_store.require("7").billing_action == "suspend"
    assert storages.key_store[storage_id] == keys_before  # the keys are replaced by the job
    job = job_queue.get(f"{object_storage.BILLING_JOB}-7")
    assert job is not None and job.status == "queued"


def _slow(call, name: str, ended: list[tuple[str, float]]):  # type: ignore[no-untyped-def]
    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        if invocation.budget_left() is not None:
            invocation.require_time_for_call()
            time.sleep(SLOW_CALL_SECONDS)
            invocation.note_call(SLOW_CALL_SECONDS)
            ended.append((name, invocation.budget_left() or 0.0))
        return call(*args, **kwargs)

    return slow


def _queued(job) -> QueuedJob:  # type: ignore[no-untyped-def]
    return QueuedJob(
        job.job_id, job.service_id, job.action, dict(job.payload), 1, job.actor, job, "owner"
    )
