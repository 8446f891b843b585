"""Billing actions always win: WHMCS retries a refused Suspend or Terminate only the next
day, so a customer's action (or Contabo's throttling) holding the lock must never make them
fail. Locks end with their holder's invocation, and an action that outlived its lock cannot
overwrite the row of the action that took it over (fencing)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from types import SimpleNamespace

import pytest

from contabo_reseller import invocation
from contabo_reseller.adapters import job_queue, service_store
from contabo_reseller.adapters.tables import JobRecord
from contabo_reseller.domain.errors import ActionRefused, ServiceBusy
from contabo_reseller.domain.service import ServiceState, SuspendRequest, TerminateRequest
from contabo_reseller.services import manage_service, provisioning
from contabo_reseller.services.actions import service_action
from contabo_reseller.services.jobs import action_queue
from tests.unit.fakes.contabo import FakeContaboGateway
from tests.unit.services.test_purchases_with_fake_contabo import SERVICE_ID, _active, _ordered


@pytest.fixture
def contabo(aws: None, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeContaboGateway]:
    fake = FakeContaboGateway()
    monkeypatch.setattr(manage_service, "gateway_for", fake.for_service)
    monkeypatch.setattr(provisioning, "gateway_for", fake.for_service)
    monkeypatch.setattr(manage_service, "BILLING_WAIT_SECONDS", 0.3)
    _ordered()
    _active(fake)
    yield fake


def _run_billing_job() -> str:
    job = job_queue.get(f"{manage_service.BILLING_JOB}-{SERVICE_ID}")
    assert job is not None
    job.update(actions=[JobRecord.run_after.set(0)])  # due now, whatever it waits for
    return action_queue.work_one(job.job_id, 60_000)


def _held_by_a_customer_restart(seconds: float = 30) -> str:
    owner = "restart:customer"
    service_store.acquire_lock(SERVICE_ID, "restart", owner, seconds=seconds)
    return owner


def test_suspend_while_a_customer_action_holds_the_lock_is_accepted_and_applied_after_it(
    contabo: FakeContaboGateway,
) -> None:
    owner = _held_by_a_customer_restart()

    view = manage_service.suspend(SERVICE_ID, SuspendRequest(reason="overdue"), "whmcs:test")

    assert view.suspended  # the customer is locked out from now on
    assert _run_billing_job() == "waiting"  # the restart still runs
    service_store.release_lock(SERVICE_ID, owner)
    with pytest.raises(ActionRefused, match="suspended"):
        manage_service.power(SERVICE_ID, "restart", "customer")
    assert _run_billing_job() == "done"
    (instance,) = contabo.account.instances.values()
    assert instance.status == "stopped"
    record = service_store.require(SERVICE_ID)
    assert record.details["suspended"] is True and record.billing_action is None


def test_terminate_while_a_customer_action_holds_the_lock_is_accepted_and_cancels_after_it(
    contabo: FakeContaboGateway,
) -> None:
    owner = _held_by_a_customer_restart()
    manage_service.terminate(SERVICE_ID, TerminateRequest(), "whmcs:test")
    service_store.release_lock(SERVICE_ID, owner)
    with pytest.raises(ActionRefused, match="terminated"):
        manage_service.power(SERVICE_ID, "start", "customer")
    assert _run_billing_job() == "done"
    assert service_store.require(SERVICE_ID).state == ServiceState.TERMINATED
    assert len(contabo.called("cancelInstance")) == 1


def test_a_suspend_waits_briefly_and_runs_at_once_when_the_holder_finishes(
    contabo: FakeContaboGateway, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(manage_service, "BILLING_WAIT_SECONDS", 5.0)
    owner = "restart:customer"
    service_store.acquire_lock(SERVICE_ID, "restart", owner, seconds=0.5)  # ends in 0.5 s
    manage_service.suspend(SERVICE_ID, SuspendRequest(), "whmcs:test")
    assert job_queue.get(f"{manage_service.BILLING_JOB}-{SERVICE_ID}") is None
    (instance,) = contabo.account.instances.values()
    assert instance.status == "stopped"


def test_unsuspend_withdraws_a_suspension_not_applied_yet(contabo: FakeContaboGateway) -> None:
    owner = _held_by_a_customer_restart()
    manage_service.suspend(SERVICE_ID, SuspendRequest(), "whmcs:test")
    service_store.release_lock(SERVICE_ID, owner)
    manage_service.unsuspend(SERVICE_ID, "whmcs:test")
    assert _run_billing_job() == "done"
    (instance,) = contabo.account.instances.values()
    assert instance.status == "running"
    assert not service_store.require(SERVICE_ID).details.get("suspended")


def test_a_lock_ends_with_its_holders_invocation(aws: None) -> None:
    context = SimpleNamespace(get_remaining_time_in_millis=lambda: 3_000)
    with invocation.running(context):
        record = service_store.acquire_lock("77", "restart", "holder")
    expected = time.time() + 3 + service_store.LOCK_CLOCK_SLACK_SECONDS
    assert record.lock_expires_at == pytest.approx(expected, abs=1)
    assert record.lock_expires_at < time.time() + service_store.LOCK_SECONDS


def test_a_crashed_holders_lock_is_taken_over_once_its_invocation_has_ended(aws: None) -> None:
    context = SimpleNamespace(get_remaining_time_in_millis=lambda: 200)
    with invocation.running(context):
        service_store.acquire_lock("78", "restart", "crashed")  # never released
    with pytest.raises(ServiceBusy):
        service_store.acquire_lock("78", "suspend", "billing")
    time.sleep(0.2 + service_store.LOCK_CLOCK_SLACK_SECONDS + 0.1)
    assert service_store.acquire_lock("78", "suspend", "billing").lock_owner == "billing"


def test_an_action_that_outlived_its_lock_cannot_overwrite_the_new_holders_row(
    aws: None,
) -> None:
    stale = service_store.acquire_lock("79", "restart", "slow", seconds=0.1)
    time.sleep(0.2)
    fresh = service_store.acquire_lock("79", "provision", "worker")
    service_store.update(fresh, state=ServiceState.ACTIVE.value, details={"ipv4": "192.0.2.1"})

    with pytest.raises(service_store.LockLost):
        service_store.update(stale, details={"instance_status": "restarting"})

    row = service_store.require("79")
    assert row.details == {"ipv4": "192.0.2.1"}
    assert row.state == ServiceState.ACTIVE


def test_service_action_fences_its_writes_and_stops_after_release(aws: None) -> None:
    with service_action("80", "create", "test") as action:
        service_store.update(action.record, state=ServiceState.QUEUED.value)
    record = action.record
    assert service_store.update(record, status_message="after the lock") is True


# A billing action recorded (without the lock) while the queued job applies the previous one is
# never wiped by the job's write: the newest recorded action is applied by the next pass.


def _raced_by(monkeypatch: pytest.MonkeyPatch, on: str, action: object) -> list[str]:
    """Contabo's ``on`` power call (the job at work) lets WHMCS ask ``action`` meanwhile."""
    raced: list[str] = []
    power = FakeContaboGateway.power

    def racing_power(self: FakeContaboGateway, instance_id: int, what: str) -> None:
        power(self, instance_id, what)
        if what == on and not raced:
            raced.append(what)
            action()  # type: ignore[operator]

    monkeypatch.setattr(FakeContaboGateway, "power", racing_power)
    return raced


def _recorded_while_busy(action: object) -> None:
    owner = _held_by_a_customer_restart()
    action()  # type: ignore[operator]
    service_store.release_lock(SERVICE_ID, owner)


def _suspend() -> None:
    manage_service.suspend(SERVICE_ID, SuspendRequest(reason="overdue"), "whmcs:test")


def _unsuspend() -> None:
    manage_service.unsuspend(SERVICE_ID, "whmcs:test")


def _terminate() -> None:
    manage_service.terminate(SERVICE_ID, TerminateRequest(), "whmcs:test")


def _status(contabo: FakeContaboGateway) -> str:
    (instance,) = contabo.account.instances.values()
    return str(instance.status)


def test_a_suspend_recorded_while_an_unsuspend_is_applied_is_applied_next(
    contabo: FakeContaboGateway, monkeypatch: pytest.MonkeyPatch
) -> None:
    _suspend()
    assert _status(contabo) == "stopped"
    _recorded_while_busy(_unsuspend)
    raced = _raced_by(monkeypatch, "start", _suspend)

    assert _run_billing_job() == "waiting"  # the unsuspension's write left the suspend alone
    assert raced and service_store.require(SERVICE_ID).billing_action == "suspend"
    assert _status(contabo) == "running"

    assert _run_billing_job() == "done"
    assert _status(contabo) == "stopped"  # WHMCS's last word: suspended
    record = service_store.require(SERVICE_ID)
    assert record.details["suspended"] is True and record.billing_action is None
    job = job_queue.get(f"{manage_service.BILLING_JOB}-{SERVICE_ID}")
    assert job.status == "done"
    assert job.payload == {"billing_action": "suspend"}  # the admin's view names what it did


def test_an_unsuspend_recorded_while_a_suspend_is_applied_is_applied_next(
    contabo: FakeContaboGateway, monkeypatch: pytest.MonkeyPatch
) -> None:
    _recorded_while_busy(_suspend)
    raced = _raced_by(monkeypatch, "stop", _unsuspend)

    assert _run_billing_job() == "waiting"
    assert raced and service_store.require(SERVICE_ID).billing_action == "unsuspend"
    assert _status(contabo) == "stopped"

    assert _run_billing_job() == "done"
    assert _status(contabo) == "running"
    record = service_store.require(SERVICE_ID)
    assert not record.details.get("suspended") and record.billing_action is None


def test_a_suspend_recorded_while_an_unsuspend_runs_at_once_is_applied_by_its_job(
    contabo: FakeContaboGateway, monkeypatch: pytest.MonkeyPatch
) -> None:
    _suspend()
    _raced_by(monkeypatch, "start", _suspend)  # recorded: the unsuspend holds the lock

    _unsuspend()  # not busy: applied at once, under the lock

    assert service_store.require(SERVICE_ID).billing_action == "suspend"
    assert _run_billing_job() == "done"
    assert _status(contabo) == "stopped"
    assert service_store.require(SERVICE_ID).details["suspended"] is True


@pytest.mark.parametrize("applied", ["suspend", "unsuspend"])
def test_a_terminate_recorded_while_another_billing_action_is_applied_is_never_lost(
    contabo: FakeContaboGateway, monkeypatch: pytest.MonkeyPatch, applied: str
) -> None:
    if applied == "unsuspend":
        _suspend()
    _recorded_while_busy(_suspend if applied == "suspend" else _unsuspend)
    _raced_by(monkeypatch, "stop" if applied == "suspend" else "start", _terminate)

    assert _run_billing_job() == "waiting"
    assert service_store.require(SERVICE_ID).billing_action == "terminate"
    assert _run_billing_job() == "done"
    record = service_store.require(SERVICE_ID)
    assert record.state == ServiceState.TERMINATED and record.billing_action is None
    assert len(contabo.called("cancelInstance")) == 1


def test_the_billing_job_names_the_action_it_applies_for_the_admin(
    contabo: FakeContaboGateway,
) -> None:
    owner = _held_by_a_customer_restart()
    _suspend()
    job_id = f"{manage_service.BILLING_JOB}-{SERVICE_ID}"
    assert job_queue.get(job_id).payload == {"billing_action": "suspend"}
    _unsuspend()  # replaces the recorded suspension: the waiting job names it at once
    assert job_queue.get(job_id).payload == {"billing_action": "unsuspend"}
    _terminate()
    assert job_queue.get(job_id).payload == {"billing_action": "terminate"}
    service_store.release_lock(SERVICE_ID, owner)
    assert _run_billing_job() == "done"
    assert job_queue.get(job_id).payload == {"billing_action": "terminate"}
    assert service_store.require(SERVICE_ID).state == ServiceState.TERMINATED


def test_a_billing_action_recorded_after_the_job_parked_runs_again_instead_of_waiting(
    contabo: FakeContaboGateway,
) -> None:
    """A parked billing job (staff already told) must not hold back WHMCS's next action: a
    terminate recorded later queues the same job again, with fresh attempts, and is applied."""
    _recorded_while_busy(_suspend)
    job = job_queue.get(f"{manage_service.BILLING_JOB}-{SERVICE_ID}")
    assert job is not None
    job_queue.transition(job, ("queued",), status="parked", attempts=5)

    _recorded_while_busy(_terminate)

    again = job_queue.get(job.job_id)
    assert again is not None
    assert (again.status, again.attempts) == ("queued", 0)
    assert again.payload["billing_action"] == "terminate"
    assert _run_billing_job() == "done"
    assert service_store.require(SERVICE_ID).state == ServiceState.TERMINATED
    assert len(contabo.called("cancelInstance")) == 1


def test_a_parked_job_of_another_kind_is_not_queued_again_by_enqueue(aws: None) -> None:
    job_id = action_queue.enqueue("77", "settle_upgrade", {}, "whmcs:test", key="77", wake=False)
    job = job_queue.get(job_id)
    assert job is not None
    job_queue.transition(job, ("queued",), status="parked")

    action_queue.enqueue("77", "settle_upgrade", {}, "whmcs:test", key="77", wake=False)

    still = job_queue.get(job_id)
    assert still is not None and still.status == "parked"  # the admin decides about these
