"""WHMCS waits about 5 s for a module call: Contabo calls are not started when they would end
past the budget (billing actions queue the rest), a Retry-After is not slept past it, and
TestConnection runs its Contabo checks in parallel, reporting slow-but-working as working."""

from __future__ import annotations

import threading
import time
from datetime import date
from types import SimpleNamespace

import pytest

from contabo_reseller import invocation
from contabo_reseller.adapters import job_queue, service_store
from contabo_reseller.adapters.contabo.transport import Backoff
from contabo_reseller.domain.errors import ActionRefused, OutOfTime, ServiceBusy
from contabo_reseller.domain.service import (
    ChangePackageRequest,
    ChangePasswordRequest,
    RenewRequest,
    ServiceState,
    SuspendRequest,
    TerminateRequest,
)
from contabo_reseller.services import connection_test, manage_service
from contabo_reseller.services.jobs.action_queue import NotYet
from tests.conftest import TEST_NAMES
from tests.unit.fakes.contabo import FakeContaboGateway
from tests.unit.services.test_purchases_with_fake_contabo import SERVICE_ID, _active, _ordered

CONTEXT = SimpleNamespace(get_remaining_time_in_millis=lambda: 10_000)
NEW_PASSWORD = "N3w!Pass#word-42"


def test_a_call_that_would_end_past_the_budget_is_not_started() -> None:
    with invocation.running(CONTEXT, budget_seconds=3.1):
        invocation.require_time_for_call()  # nothing timed yet: 1 s assumed, 3.1 s left
        invocation.note_call(3.0)  # Contabo answers in 3 s today
        time.sleep(0.2)
        with pytest.raises(OutOfTime):
            invocation.require_time_for_call()  # 3 s more would end at 3.2 s
    invocation.require_time_for_call()  # outside a WHMCS request nothing is bounded


def test_a_retry_after_longer_than_the_budget_is_not_slept() -> None:
    slept: list[float] = []
    backoff = Backoff(sleep=slept.append)
    with invocation.running(CONTEXT, budget_seconds=4.5), pytest.raises(OutOfTime):
        backoff.wait(0, retry_after=30)
    assert slept == []


def test_a_terminate_out_of_time_is_queued_and_answered_not_refused(
    contabo: FakeContaboGateway, monkeypatch: pytest.MonkeyPatch
) -> None:
    _ordered()
    _active(contabo)
    real_cancel = FakeContaboGateway.cancel_instance

    def slow_contabo(self: FakeContaboGateway, instance_id: int) -> str | None:
        invocation.require_time_for_call()  # what the transport does before every call
        return real_cancel(self, instance_id)

    monkeypatch.setattr(FakeContaboGateway, "cancel_instance", slow_contabo)
    with invocation.running(CONTEXT, budget_seconds=4.5):
        invocation.note_call(5.0)  # every Contabo call takes longer than the budget
        view = manage_service.terminate(SERVICE_ID, TerminateRequest(), "whmcs:test")

    assert view.service_id == SERVICE_ID  # WHMCS gets its answer
    assert service_store.require(SERVICE_ID).billing_action == "terminate"
    job = job_queue.get(f"{manage_service.BILLING_JOB}-{SERVICE_ID}")
    assert job is not None and job.status == "queued"
    assert contabo.called("cancelInstance") == []

    # the worker has no budget
    manage_service.apply_recorded_billing_action(_queued(job, job.payload))
    assert service_store.require(SERVICE_ID).state == ServiceState.TERMINATED
    assert len(contabo.called("cancelInstance")) == 1


def _queued(job, payload=None):  # type: ignore[no-untyped-def]
    from contabo_reseller.services.jobs.action_queue import QueuedJob

    return QueuedJob(
        job.job_id, job.service_id, job.action, dict(payload or {}), 1, job.actor, job, "owner"
    )


class _SlowGateway(FakeContaboGateway):
    running = 0
    most_at_once = 0
    lock = threading.Lock()

    def check_area(self, area: str) -> None:
        with self.lock:
            _SlowGateway.running += 1
            _SlowGateway.most_at_once = max(_SlowGateway.most_at_once, _SlowGateway.running)
        time.sleep(0.6)  # Contabo answering slowly, but answering
        with self.lock:
            _SlowGateway.running -= 1


def test_test_connection_checks_in_parallel_and_reports_slow_as_working(
    aws: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connection_test, "gateway_for", lambda *_: _SlowGateway())
    monkeypatch.setattr(connection_test, "SLOW_SECONDS", 0.5)

    report = connection_test.test_connection()

    assert _SlowGateway.most_at_once == 3  # side by side, not one after another
    assert report.ok
    assert report.checks["contabo:instances"].detail.startswith("readable (slow: 0.")


def test_test_connection_loads_the_contabo_client_while_the_backend_is_checked(
    aws: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The client's import is CPU the backend checks' network waits can hide: both wait here
    until the other has started, which only happens if they run at the same time."""
    both_started = threading.Barrier(2, timeout=5)
    real_health = connection_test.health_details

    def health_details():  # type: ignore[no-untyped-def]
        both_started.wait()
        return real_health()

    def gateway_for(*_: str) -> FakeContaboGateway:
        both_started.wait()
        return FakeContaboGateway()

    monkeypatch.setattr(connection_test, "health_details", health_details)
    monkeypatch.setattr(connection_test, "gateway_for", gateway_for)
    report = connection_test.test_connection()
    assert report.ok and report.checks["contabo:tags"].ok


def test_test_connection_checks_no_contabo_area_when_the_backend_fails(
    aws: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import boto3

    checked: list[str] = []

    class _Recording(FakeContaboGateway):
        def check_area(self, area: str) -> None:
            checked.append(area)

    monkeypatch.setattr(connection_test, "gateway_for", lambda *_: _Recording())
    boto3.client("dynamodb").delete_table(TableName=TEST_NAMES.physical("UsageTable"))
    report = connection_test.test_connection()
    assert not report.ok and not report.checks["table:UsageRecord"].ok
    assert checked == []


# Contabo at +3 s against WHMCS's 4.5 s budget, scaled down: every call takes 0.8 s of a 1.4 s
# budget, so the first call of a request fits and the second does not.
SLOW_CALL_SECONDS = 0.8
SCALED_BUDGET_SECONDS = 1.4


@pytest.fixture
def slow_contabo(
    contabo: FakeContaboGateway, monkeypatch: pytest.MonkeyPatch
) -> FakeContaboGateway:
    """Every Contabo call is checked against the budget first, as the transport does."""
    record = FakeContaboGateway._record
    monkeypatch.setattr(invocation, "ASSUMED_CALL_SECONDS", 0.1)

    def slow(self: FakeContaboGateway, operation: str, *args: object) -> None:
        if invocation.budget_left() is not None:
            invocation.require_time_for_call()
            time.sleep(SLOW_CALL_SECONDS)
            invocation.note_call(SLOW_CALL_SECONDS)
        record(self, operation, *args)

    monkeypatch.setattr(FakeContaboGateway, "_record", slow)
    _ordered()
    _active(contabo)  # bought and installed outside any budget
    return contabo


def test_a_password_change_past_the_budget_is_stored_and_applied_by_a_queued_job(
    slow_contabo: FakeContaboGateway,
) -> None:
    with invocation.running(CONTEXT, budget_seconds=SCALED_BUDGET_SECONDS):
        view = manage_service.change_password(
            SERVICE_ID, ChangePasswordRequest(password=NEW_PASSWORD), "whmcs:test"
        )

    assert view.status_message == manage_service.ROOT_LOGIN_QUEUED.text  # WHMCS is told, truthfully
    assert slow_contabo.called("resetPasswordAction") == []
    secret_id = service_store.require(SERVICE_ID).details["secret_ids"]["root_password"]
    assert slow_contabo.account.secrets[secret_id]["value"] == NEW_PASSWORD  # stored at once
    job = job_queue.get(f"{manage_service.ROOT_LOGIN_JOB}-{SERVICE_ID}")
    assert job is not None and job.status == "queued"
    assert NEW_PASSWORD not in str(job.payload)  # only the secret's id waits in the queue

    assert manage_service.apply_stored_password(_queued(job)) == "password applied"
    (reset,) = slow_contabo.called("resetPasswordAction")
    assert reset[1] == secret_id


def test_a_queued_password_waits_while_the_service_is_suspended(
    slow_contabo: FakeContaboGateway,
) -> None:
    with invocation.running(CONTEXT, budget_seconds=SCALED_BUDGET_SECONDS):
        manage_service.change_password(
            SERVICE_ID, ChangePasswordRequest(password=NEW_PASSWORD), "whmcs:test"
        )
    manage_service.suspend(SERVICE_ID, SuspendRequest(reason="overdue"), "whmcs:test")
    job = job_queue.get(f"{manage_service.ROOT_LOGIN_JOB}-{SERVICE_ID}")

    with pytest.raises(NotYet):  # a reset would start the suspended server
        manage_service.apply_stored_password(_queued(job))
    assert slow_contabo.called("resetPasswordAction") == []


def test_a_password_change_too_slow_to_store_is_a_clear_error_and_changes_nothing(
    slow_contabo: FakeContaboGateway,
) -> None:
    with (
        invocation.running(CONTEXT, budget_seconds=SLOW_CALL_SECONDS / 2),
        pytest.raises(OutOfTime),
    ):
        invocation.note_call(SLOW_CALL_SECONDS)  # Contabo was this slow a moment ago
        manage_service.change_password(
            SERVICE_ID, ChangePasswordRequest(password=NEW_PASSWORD), "whmcs:test"
        )
    assert slow_contabo.called("updateSecret") == []
    assert all(s["value"] != NEW_PASSWORD for s in slow_contabo.account.secrets.values())
    assert job_queue.get(f"{manage_service.ROOT_LOGIN_JOB}-{SERVICE_ID}") is None


def test_an_upgrade_past_the_budget_is_not_sent_and_is_bought_once_by_a_queued_job(
    slow_contabo: FakeContaboGateway,
) -> None:
    request = ChangePackageRequest(add_ons={"backup": True})
    with invocation.running(CONTEXT, budget_seconds=SCALED_BUDGET_SECONDS):
        view = manage_service.change_package(SERVICE_ID, request, "whmcs:test")

    assert view.status_message == manage_service.CHANGE_QUEUED.text
    assert slow_contabo.called("upgradeInstance") == []
    record = service_store.require(SERVICE_ID)
    # Never sent, so nothing waits to be confirmed: the job buys at once, not a settle later.
    assert not record.details.get("upgrade_pending")
    job = job_queue.get(f"{manage_service.UPGRADE_JOB}-{SERVICE_ID}")
    assert job is not None and job.status == "queued"

    assert manage_service.apply_settled_upgrade(_queued(job, job.payload)) == "add-ons applied"
    assert len(slow_contabo.called("upgradeInstance")) == 1
    assert service_store.require(SERVICE_ID).details["add_ons"]["backup"] is True


def test_a_queued_upgrade_of_a_terminated_service_buys_nothing(
    slow_contabo: FakeContaboGateway,
) -> None:
    request = ChangePackageRequest(add_ons={"backup": True})
    with invocation.running(CONTEXT, budget_seconds=SCALED_BUDGET_SECONDS):
        manage_service.change_package(SERVICE_ID, request, "whmcs:test")
    manage_service.terminate(SERVICE_ID, TerminateRequest(), "whmcs:test")
    job = job_queue.get(f"{manage_service.UPGRADE_JOB}-{SERVICE_ID}")

    assert manage_service.apply_settled_upgrade(_queued(job, job.payload)).startswith("not applied")
    assert slow_contabo.called("upgradeInstance") == []


def test_an_upgrade_asked_while_another_action_runs_is_queued_not_refused(
    contabo: FakeContaboGateway,
) -> None:
    _ordered()
    _active(contabo)
    service_store.acquire_lock(SERVICE_ID, "restart", "customer:restart", seconds=30)

    first = manage_service.change_package(
        SERVICE_ID, ChangePackageRequest(add_ons={"backup": True}), "whmcs:test"
    )
    both = {"backup": True, "private_networking": True}
    again = manage_service.change_package(
        SERVICE_ID, ChangePackageRequest(add_ons=both), "whmcs:test"
    )

    assert first.status_message == again.status_message == manage_service.CHANGE_QUEUED.text
    assert contabo.called("upgradeInstance") == []
    job = job_queue.get(f"{manage_service.UPGRADE_JOB}-{SERVICE_ID}")
    assert job is not None and job.status == "queued"
    wanted = job.payload["add_ons"]
    assert wanted["backup"] and wanted["private_networking"]  # the last change asked is bought
    with pytest.raises(NotYet):  # the restart still holds the service
        manage_service.apply_settled_upgrade(_queued(job, job.payload))

    service_store.release_lock(SERVICE_ID, "customer:restart")
    assert manage_service.apply_settled_upgrade(_queued(job, job.payload)) == "add-ons applied"
    assert len(contabo.called("upgradeInstance")) == 1
    assert service_store.require(SERVICE_ID).details["add_ons"] == wanted


def test_a_move_asked_while_another_action_runs_is_refused_as_busy(
    contabo: FakeContaboGateway,
) -> None:
    _ordered()
    _active(contabo)
    service_store.acquire_lock(SERVICE_ID, "restart", "customer:restart", seconds=30)

    with pytest.raises(ServiceBusy):
        manage_service.change_package(SERVICE_ID, ChangePackageRequest(region="US-east"), "whmcs:t")
    assert job_queue.get(f"{manage_service.UPGRADE_JOB}-{SERVICE_ID}") is None


def test_a_renewal_waits_briefly_for_a_running_action_instead_of_being_refused(
    contabo: FakeContaboGateway,
) -> None:
    _ordered()
    _active(contabo)
    service_store.acquire_lock(SERVICE_ID, "restart", "customer:restart", seconds=0.5)

    view = manage_service.renew(
        SERVICE_ID, RenewRequest(next_due_date=date(2030, 1, 1)), "whmcs:test"
    )

    assert view.service_id == SERVICE_ID
    assert service_store.require(SERVICE_ID).details["next_due_date"] == "2030-01-01"


def test_an_unsuspension_past_the_budget_is_recorded_and_applied_not_refused(
    slow_contabo: FakeContaboGateway,
) -> None:
    manage_service.suspend(SERVICE_ID, SuspendRequest(reason="overdue"), "whmcs:test")
    service_store.acquire_lock(SERVICE_ID, "restart", "customer:restart", seconds=30)

    with invocation.running(CONTEXT, budget_seconds=SCALED_BUDGET_SECONDS):
        view = manage_service.unsuspend(SERVICE_ID, "whmcs:test")  # WHMCS gets its answer

    assert view.service_id == SERVICE_ID
    assert service_store.require(SERVICE_ID).billing_action == "unsuspend"
    job = job_queue.get(f"{manage_service.BILLING_JOB}-{SERVICE_ID}")
    assert job is not None and job.status == "queued"

    service_store.release_lock(SERVICE_ID, "customer:restart")
    outcome = manage_service.apply_recorded_billing_action(_queued(job, job.payload))
    assert outcome == "unsuspend applied"
    record = service_store.require(SERVICE_ID)
    assert not record.details.get("suspended") and not record.billing_action
    assert slow_contabo.called("startInstance")


def test_an_unsuspension_of_a_service_being_terminated_is_refused(
    slow_contabo: FakeContaboGateway,
) -> None:
    service_store.acquire_lock(SERVICE_ID, "restart", "customer:restart", seconds=30)
    manage_service.terminate(SERVICE_ID, TerminateRequest(), "whmcs:test")  # recorded: busy

    with pytest.raises(ActionRefused):
        manage_service.unsuspend(SERVICE_ID, "whmcs:test")
    assert service_store.require(SERVICE_ID).billing_action == "terminate"


class _OverrunningGateway(FakeContaboGateway):
    def check_area(self, area: str) -> None:
        if area == "instances":
            time.sleep(1.5)  # past the budget whatever the reason (a sign-in waited for)


def test_test_connection_answers_within_the_budget_when_a_check_overruns(
    aws: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connection_test, "gateway_for", lambda *_: _OverrunningGateway())
    started = time.monotonic()
    with invocation.running(CONTEXT, budget_seconds=0.6):
        report = connection_test.test_connection()
    assert time.monotonic() - started < 1.2  # not the check's 1.5 s
    assert not report.ok
    assert report.checks["contabo:instances"].detail == connection_test.NO_ANSWER
    assert report.checks["contabo:secrets"].ok


class _SlowSignInGateway(FakeContaboGateway):
    def check_area(self, area: str) -> None:
        time.sleep(1.5)  # a cold token: the sign-in answers, slowly
        invocation.note_call(1.5)
        invocation.require_time_for_call()  # what the transport asks before the check's call


def test_test_connection_says_how_slow_the_provider_answered_when_a_check_had_no_time(
    aws: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connection_test, "gateway_for", lambda *_: _SlowSignInGateway())
    monkeypatch.setattr(connection_test, "SLOW_SECONDS", 0.5)
    # Budget 2.5 s: the sign-in (1.5 s) ends in time even when the health checks before it
    # are slow on a loaded machine (up to 1 s), and leaves less than one more 1.5 s call.
    with invocation.running(CONTEXT, budget_seconds=2.5):
        report = connection_test.test_connection()
    assert not report.ok  # the check itself was not made: not reported as working
    detail = report.checks["contabo:instances"].detail
    assert detail == connection_test.ANSWERS_SLOWLY.format(seconds=1.5)
    assert "slowly (1.5 s for one answer)" in detail
