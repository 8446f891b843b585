"""Object storage's Suspend, Terminate, Unsuspend and Renew on the billing-wins path: WHMCS
retries a failed billing action only the next day, so a key regeneration or resize holding the
service's lock never makes them fail. They are done at once when the lock frees within a
moment, otherwise recorded (a suspended customer locked out at once; a renewal queued, the
latest due date winning) and applied by the queued job once the holder is done. Proven with
the customer's own keys against the local S3 endpoint."""

from __future__ import annotations

from contabo_reseller.adapters import job_queue, service_store
from contabo_reseller.services.object_storage.management import (
    BILLING_JOB,
    RENEW_JOB,
    RENEWAL_QUEUED,
    UNSUSPEND_QUEUED,
)
from contabo_reseller.services.object_storage.tenancy import tenant_of
from tests.integration.jobs.conftest import make_due
from tests.integration.object_storage.conftest import run_worker
from tests.integration.object_storage.test_tenant_isolation import (
    _client_of,
    _credentials,
    _refused,
)

WORKER = "ActionQueueWorkerFunction"


def _hold_lock(service_id: str, action: str) -> str:
    owner = f"test-{action}"
    service_store.acquire_lock(service_id, action, owner=owner, seconds=30, wait_seconds=20)
    return owner


def _apply_queued(stack, service_id: str, job: str = BILLING_JOB) -> str:
    job_id = f"{job}-{service_id}"
    make_due(job_id)
    outcome = stack.run_job(WORKER)
    assert outcome["status"] == "ok", outcome
    job = job_queue.get(job_id)
    assert job is not None
    return str(job.status)


def test_suspend_during_a_key_regeneration_succeeds_and_is_applied(stack, whmcs, storage_factory):
    first = storage_factory(region="EU", client_id="7")
    second = storage_factory(region="EU", client_id="8")
    a, b = _credentials(whmcs, first), _credentials(whmcs, second)
    s3_a, s3_b = _client_of(a), _client_of(b)
    s3_a.put_object(Bucket=a["bucket"], Key="kept.txt", Body=b"kept")

    owner = _hold_lock(first, "object_storage_credentials_regenerate")
    try:
        answer = whmcs.request("POST", f"/services/{first}/suspend", {"reason": "overdue"})
        assert answer.status_code == 200, answer.text  # never refused as busy
        assert answer.json()["suspended"] is True
        # Locked out at once, before the queued job runs: their user and the keys route.
        assert _refused(lambda: s3_a.list_objects_v2(Bucket=a["bucket"])) == "UserSuspended"
        keys = whmcs.request("GET", f"/services/{first}/object-storage/credentials")
        assert keys.status_code == 422
        assert service_store.require(first).billing_action == "suspend"
        assert _apply_queued(stack, first) == "queued"  # the holder is still at work
    finally:
        service_store.release_lock(first, owner)

    assert _apply_queued(stack, first) == "done"
    record = service_store.require(first)
    assert record.billing_action is None and record.details["suspended"] is True
    s3_b.put_object(Bucket=b["bucket"], Key="still.txt", Body=b"fine")  # B untouched

    restored = whmcs.request("POST", f"/services/{first}/unsuspend", {})
    assert restored.status_code == 200, restored.text
    assert s3_a.get_object(Bucket=a["bucket"], Key="kept.txt")["Body"].read() == b"kept"


def test_unsuspend_and_renew_during_a_key_regeneration_succeed_and_are_applied_once(
    stack, whmcs, storage_factory
):
    sid = storage_factory(region="EU", client_id="7")
    mine = _credentials(whmcs, sid)
    s3 = _client_of(mine)
    s3.put_object(Bucket=mine["bucket"], Key="kept.txt", Body=b"kept")
    suspended = whmcs.request("POST", f"/services/{sid}/suspend", {"reason": "overdue"})
    assert suspended.status_code == 200, suspended.text
    assert _refused(lambda: s3.list_objects_v2(Bucket=mine["bucket"])) == "UserSuspended"

    owner = _hold_lock(sid, "object_storage_credentials_regenerate")
    try:
        restored = whmcs.request("POST", f"/services/{sid}/unsuspend", {})
        assert restored.status_code == 200, restored.text  # never refused as busy
        assert restored.json()["status_message"] == UNSUSPEND_QUEUED.text
        assert restored.json()["status_message_code"] == UNSUSPEND_QUEUED.code
        renewed = whmcs.request("POST", f"/services/{sid}/renew", {"next_due_date": "2027-03-01"})
        assert renewed.status_code == 200, renewed.text
        assert renewed.json()["status_message"] == RENEWAL_QUEUED.text
        assert renewed.json()["status_message_code"] == RENEWAL_QUEUED.code
        record = service_store.require(sid)
        assert record.billing_action == "unsuspend" and "next_due_date" not in record.details
        assert _apply_queued(stack, sid) == "queued"  # the holder is still at work
        assert _refused(lambda: s3.list_objects_v2(Bucket=mine["bucket"])) == "UserSuspended"
    finally:
        service_store.release_lock(sid, owner)

    assert _apply_queued(stack, sid) == "done"
    assert _apply_queued(stack, sid, RENEW_JOB) == "done"
    record = service_store.require(sid)
    assert record.billing_action is None and record.details["suspended"] is False
    assert record.details["next_due_date"] == "2027-03-01"
    renewed_at = record.details["renewed_at"]
    # The customer's own keys work again; their data was kept.
    assert s3.get_object(Bucket=mine["bucket"], Key="kept.txt")["Body"].read() == b"kept"
    assert _credentials(whmcs, sid)["access_key"] == mine["access_key"]

    outcome = stack.run_job(WORKER)  # applied once: nothing is left to run again
    assert outcome["status"] == "ok", outcome
    assert service_store.require(sid).details["renewed_at"] == renewed_at


def test_terminate_during_a_resize_succeeds_and_is_applied(stack, whmcs, storage_factory):
    sid = storage_factory(region="EU", client_id="7")
    mine = _credentials(whmcs, sid)
    s3 = _client_of(mine)

    owner = _hold_lock(sid, "object_storage_resize")
    try:
        answer = whmcs.request("POST", f"/services/{sid}/terminate", {})
        assert answer.status_code == 200, answer.text
        assert _refused(lambda: s3.list_objects_v2(Bucket=mine["bucket"])) == "UserSuspended"
    finally:
        service_store.release_lock(sid, owner)

    assert _apply_queued(stack, sid) == "done"
    view = whmcs.request("GET", f"/services/{sid}").json()
    assert view["state"] == "terminated" and view["object_storage"]["data_deleted_after"]
    again = whmcs.request("POST", f"/services/{sid}/terminate", {})
    assert again.status_code == 200 and again.json()["state"] == "terminated"


def test_terminate_of_an_order_being_set_up_ends_it_and_nothing_is_set_up_later(
    stack, whmcs, storage_factory, sim
):
    sid = storage_factory(region="EU", client_id="7", active=False)  # provisioning
    answer = whmcs.request("POST", f"/services/{sid}/terminate", {})
    assert answer.status_code == 200, answer.text
    assert answer.json()["state"] == "terminated"
    sim.post("/clock/advance", json={"seconds": 120})
    run_worker(stack)  # the pool becomes usable: nothing of this service is set up in it
    record = service_store.require(sid)
    assert record.state == "terminated" and not record.details.get("s3_user_id")
    assert tenant_of(sid) is None
