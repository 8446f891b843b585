"""Object storage's Unsuspend and Renew while another action holds the service (or the
provider is too slow for WHMCS's budget) are never refused as busy, as for servers: WHMCS
does not retry them until later. Unsuspend is recorded on the row and applied by the queued
billing job (withdrawing a suspension recorded but not applied); Renew is queued (the latest
due date wins) and recorded by its job. WHMCS gets success with a status message saying so."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from contabo_reseller import invocation
from contabo_reseller.adapters import job_queue, service_store
from contabo_reseller.domain.errors import ActionRefused
from contabo_reseller.domain.service import RenewRequest, SuspendRequest
from contabo_reseller.domain.status_messages import StatusMessage
from contabo_reseller.services.jobs import action_queue
from contabo_reseller.services.object_storage import management as object_storage
from contabo_reseller.services.object_storage import tenancy
from tests.unit.fakes.object_storage import FakeObjectStorages
from tests.unit.services.test_lock_wait_budget import (
    HELD_SECONDS,
    SCALED_BUDGET_SECONDS,
    SLOW_CALL_SECONDS,
    _queued,
    _slow,
)
from tests.unit.services.test_object_storage_worker import _active, contabo  # noqa: F401

SID = "7"
ACTOR = "whmcs:test"
HOLDER = "customer:regenerate"
CONTEXT = SimpleNamespace(get_remaining_time_in_millis=lambda: 10_000)
BILLING_JOB_ID = f"{object_storage.BILLING_JOB}-{SID}"
RENEW_JOB_ID = f"{object_storage.RENEW_JOB}-{SID}"


@pytest.fixture
def storage(contabo: FakeObjectStorages, monkeypatch: pytest.MonkeyPatch) -> str:  # noqa: F811
    monkeypatch.setattr(object_storage, "BILLING_WAIT_SECONDS", 0.2)
    return _active(SID, contabo)


@pytest.fixture
def enabled(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """The service is a pool tenant; every change of its own user's state is recorded."""
    calls: list[bool] = []
    monkeypatch.setattr(tenancy, "set_enabled", lambda _r, _p, on: calls.append(on))
    record = service_store.require(SID)
    service_store.update(record, details={"tenant_suffix": "t1", "s3_user_id": "user-7"})
    return calls


def _hold(seconds: float = 30) -> None:
    service_store.acquire_lock(
        SID, "object_storage_credentials_regenerate", HOLDER, seconds=seconds
    )


def _release() -> None:
    service_store.release_lock(SID, HOLDER)


def _run(job_id: str) -> str:
    """One attempt at the job, claimed as the worker does (so it may save its payload); the
    job is left queued for the next attempt."""
    job = job_queue.get(job_id)
    assert job is not None and job.status == "queued"
    handler = action_queue.load_handlers()[job.action]
    now = time.time()
    assert job_queue.claim(job, "owner", now + 60, now)
    try:
        return str(handler(_queued(job)))
    finally:
        job_queue.release(job, "owner", status="queued", run_after=0)


# Unsuspend ----------------------------------------------------------------------------------


def test_an_unsuspend_while_busy_is_recorded_and_applied_once_by_the_job(
    storage: str, enabled: list[bool]
) -> None:
    object_storage.suspend(SID, SuspendRequest(reason="overdue"), ACTOR)  # applied at once
    assert enabled == [False]
    _hold()

    view = object_storage.unsuspend(SID, ACTOR)

    assert view.status_message == object_storage.UNSUSPEND_QUEUED.text  # WHMCS is told so
    assert view.status_message_code == "status_storage_unsuspend_queued"
    record = service_store.require(SID)
    assert record.billing_action == "unsuspend" and record.details["suspended"] is True
    assert enabled == [False]  # the user is re-enabled by the job, not by the busy answer
    with pytest.raises(ActionRefused):  # no keys until it is applied
        object_storage.credentials(SID)

    _release()
    assert _run(BILLING_JOB_ID) == "unsuspend applied"
    record = service_store.require(SID)
    assert record.billing_action is None and record.details["suspended"] is False
    assert record.details["object_storage"]["credentials_available"] is True
    assert enabled == [False, True]  # once
    assert object_storage.credentials(SID).access_key


def test_an_unsuspend_withdraws_a_suspension_recorded_but_not_applied(
    storage: str,
    enabled: list[bool],
    contabo: FakeObjectStorages,  # noqa: F811
) -> None:
    keys_before = contabo.key_store[storage]
    _hold()
    object_storage.suspend(SID, SuspendRequest(reason="overdue"), ACTOR)
    assert enabled == [False]  # locked out at once
    object_storage.unsuspend(SID, ACTOR)
    assert service_store.require(SID).billing_action == "unsuspend"  # the suspension withdrawn
    _release()

    assert _run(BILLING_JOB_ID) == "unsuspend applied"
    record = service_store.require(SID)
    assert record.billing_action is None and not record.details.get("suspended")
    assert enabled == [False, True]  # the customer's user works again
    assert contabo.key_store[storage] == keys_before  # the suspension was never applied


def test_a_suspension_recorded_while_an_unsuspension_is_applied_is_not_wiped_but_applied_next(
    storage: str, enabled: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    """WHMCS suspends again while the job re-enables the customer's user: the job's write does
    not clear the new suspension (recorded without the lock); it is applied by the next run."""
    object_storage.suspend(SID, SuspendRequest(reason="overdue"), ACTOR)
    _hold()
    object_storage.unsuspend(SID, ACTOR)
    _release()
    raced: list[str] = []

    def set_enabled(_record, _port, on: bool) -> None:  # type: ignore[no-untyped-def]
        if on and not raced:
            raced.append("suspend")
            object_storage.suspend(SID, SuspendRequest(reason="overdue again"), ACTOR)
        enabled.append(on)

    monkeypatch.setattr(tenancy, "set_enabled", set_enabled)
    with pytest.raises(action_queue.NotYet):
        _run(BILLING_JOB_ID)
    assert service_store.require(SID).billing_action == "suspend"  # recorded, not wiped
    assert enabled[-1] is True  # the user was re-enabled after the suspend locked it out

    assert _run(BILLING_JOB_ID) == "suspend applied"
    record = service_store.require(SID)
    assert record.billing_action is None and record.details["suspended"] is True
    assert enabled[-1] is False  # locked out again: WHMCS's last word wins
    assert job_queue.get(BILLING_JOB_ID).payload == {"billing_action": "suspend"}


@pytest.mark.parametrize("terminated", [False, True], ids=["being_terminated", "terminated"])
def test_an_unsuspend_of_a_terminated_service_is_refused_while_busy_too(
    storage: str, terminated: bool
) -> None:
    if terminated:
        object_storage.terminate(SID, ACTOR)
    _hold()
    if not terminated:
        object_storage.terminate(SID, ACTOR)  # recorded: the lock is busy

    with pytest.raises(ActionRefused) as refused:
        object_storage.unsuspend(SID, ACTOR)

    code = "service_terminated" if terminated else "service_terminating"
    assert refused.value.message_code == code
    record = service_store.require(SID)
    assert record.billing_action == (None if terminated else "terminate")  # never replaced


# Renew --------------------------------------------------------------------------------------


def test_a_renewal_while_busy_is_queued_and_the_latest_due_date_is_recorded(
    storage: str,
) -> None:
    _hold()

    first = object_storage.renew(SID, RenewRequest(next_due_date=date(2030, 1, 1)), ACTOR)
    second = object_storage.renew(SID, RenewRequest(next_due_date=date(2030, 2, 1)), ACTOR)

    assert first.status_message == second.status_message == object_storage.RENEWAL_QUEUED.text
    assert second.status_message_code == "status_storage_renewal_queued"
    assert "next_due_date" not in service_store.require(SID).details
    _release()
    assert _run(RENEW_JOB_ID) == "renewal recorded"
    assert service_store.require(SID).details["next_due_date"] == "2030-02-01"


def test_a_queued_renewal_of_a_storage_gone_at_the_provider_is_parked_with_its_code(
    storage: str,
    contabo: FakeObjectStorages,  # noqa: F811
) -> None:
    _hold()
    object_storage.renew(SID, RenewRequest(next_due_date=date(2030, 1, 1)), ACTOR)
    _release()
    del contabo.storages[storage]  # gone at the provider meanwhile

    for _ in range(10):
        job = job_queue.get(RENEW_JOB_ID)
        assert job is not None
        if job.status == "parked":
            break
        job_queue.transition(job, ("queued",), run_after=0)
        action_queue.work_one(RENEW_JOB_ID, 10_000)
    assert job.status == "parked"  # staff learn it from the parked-job notice
    assert job.last_error_code == "renew_storage_gone"
    assert "next_due_date" not in service_store.require(SID).details


def test_a_renewal_of_a_storage_not_bought_yet_is_refused_while_busy(
    contabo: FakeObjectStorages,  # noqa: F811
) -> None:
    from tests.unit.services.test_object_storage_worker import _order

    _order(SID)
    _hold()
    with pytest.raises(ActionRefused) as refused:
        object_storage.renew(SID, RenewRequest(), ACTOR)
    assert refused.value.message_code == "object_storage_not_ready"
    assert job_queue.get(RENEW_JOB_ID) is None


# Within WHMCS's budget ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "job_id", "message"),
    [
        (
            lambda: object_storage.unsuspend(SID, ACTOR),
            BILLING_JOB_ID,
            object_storage.UNSUSPEND_QUEUED,
        ),
        (
            lambda: object_storage.renew(SID, RenewRequest(next_due_date=date(2030, 1, 1)), ACTOR),
            RENEW_JOB_ID,
            object_storage.RENEWAL_QUEUED,
        ),
    ],
    ids=["UnsuspendAccount", "Renew"],
)
def test_unsuspend_and_renew_waiting_for_the_lock_answer_within_the_budget(
    contabo: FakeObjectStorages,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    call,  # type: ignore[no-untyped-def]
    job_id: str,
    message: StatusMessage,
) -> None:
    """The lock frees inside the 1.5 s wait, but past what leaves room for one slow call."""
    _active(SID, contabo)  # bought outside any budget
    ended: list[tuple[str, float]] = []
    monkeypatch.setattr(invocation, "ASSUMED_CALL_SECONDS", 0.1)
    monkeypatch.setattr(invocation, "SLOW_CALL_SECONDS", SLOW_CALL_SECONDS)
    for name in ("get", "credential_ref", "keys", "regenerate_keys", "cancel"):
        monkeypatch.setattr(contabo, name, _slow(getattr(contabo, name), name, ended))
    _hold(HELD_SECONDS)

    started = time.monotonic()
    with invocation.running(CONTEXT, budget_seconds=SCALED_BUDGET_SECONDS):
        view = call()
        left = invocation.budget_left()

    assert view.service_id == SID and view.status_message == message.text
    assert left is not None and left > 0
    assert time.monotonic() - started < SCALED_BUDGET_SECONDS
    assert ended == []  # no call to the provider started past the budget
    job = job_queue.get(job_id)
    assert job is not None and job.status == "queued"


def test_staff_read_a_parked_object_storage_renewal_in_words() -> None:
    """The admin addon names each queued action for the parked-job notice (JobWords)."""
    job_words = Path(__file__).parents[3] / "whmcs_module/modules/addons/contabo_admin/lib"
    assert f"'{object_storage.RENEW_JOB}'" in (job_words / "JobWords.php").read_text()
