"""WHMCS waits about 5 s for a module call: Contabo calls are not started when they would end
past the budget (billing actions queue the rest), a Retry-After is not slept past it, and
TestConnection runs its Contabo checks in parallel, reporting slow-but-working as working."""

from __future__ import annotations

import threading
import time
from types import SimpleNamespace

import pytest

from contabo_reseller import invocation
from contabo_reseller.adapters import job_queue, service_store
from contabo_reseller.adapters.contabo.transport import Backoff
from contabo_reseller.domain.errors import OutOfTime
from contabo_reseller.domain.service import ServiceState, TerminateRequest
from contabo_reseller.services import connection_test, manage_service
from tests.unit.fakes.contabo import FakeContaboGateway
from tests.unit.services.test_purchases_with_fake_contabo import SERVICE_ID, _active, _ordered

CONTEXT = SimpleNamespace(get_remaining_time_in_millis=lambda: 10_000)


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

    manage_service.apply_recorded_billing_action(_queued(job))  # the worker has no budget
    assert service_store.require(SERVICE_ID).state == ServiceState.TERMINATED
    assert len(contabo.called("cancelInstance")) == 1


def _queued(job):  # type: ignore[no-untyped-def]
    from contabo_reseller.services.action_queue import QueuedJob

    return QueuedJob(job.job_id, job.service_id, job.action, {}, 1, job.actor, job, "owner")


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
