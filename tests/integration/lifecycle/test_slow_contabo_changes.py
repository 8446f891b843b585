"""ChangePassword and ChangePackage with Contabo answering 3 s late (the chaos suite's +3 s):
each makes two Contabo calls, which do not fit WHMCS's budget, so the second one is queued and
WHMCS is told so, never a 503; what it was told then happens, once (issue: every WHMCS-facing
call has a time budget; past it the work is queued and WHMCS gets a truthful answer)."""

from __future__ import annotations

import time

from contabo_reseller.adapters import job_queue, service_store
from contabo_reseller.adapters.tables import JobRecord
from contabo_reseller.services import manage_service
from tests.integration.lifecycle.test_package_and_password_edges import (
    _active,
    _add_ons,
    _upgrades,
)

NEW_PASSWORD = "Sl0w!Contabo#pass"
CONTABO_LATE_MS = 3000


def test_a_password_change_with_contabo_3_s_late_is_stored_then_applied_by_the_queue(
    stack, whmcs, sim, service_id
):
    view = _active(stack, whmcs, sim, service_id)
    instance = stack.sim.state.instances[view["instance_id"]]

    sim.post("/faults", json={"latency_ms": CONTABO_LATE_MS})
    try:
        answer = whmcs.request(
            "POST", f"/services/{service_id}/change-password", {"password": NEW_PASSWORD}
        )
        assert answer.status_code == 200, answer.text
        assert answer.json()["status_message"] == manage_service.ROOT_LOGIN_QUEUED.text
        assert answer.json()["status_message_code"] == "status_root_login_queued"
        assert instance["status"] == "running"  # not reset yet: the queued job does that
    finally:
        sim.post("/faults/reset")

    secret_id = service_store.require(service_id).details["secret_ids"]["root_password"]
    assert stack.sim.state.secrets[int(secret_id)]["value"] == NEW_PASSWORD  # stored at once
    job = _finished(stack, f"{manage_service.ROOT_LOGIN_JOB}-{service_id}")
    assert job.message == "password applied"
    assert NEW_PASSWORD not in str(job.payload)
    assert instance["status"] == "reset_password"  # the provider resets it to the secret


def test_an_upgrade_with_contabo_3_s_late_is_bought_once_by_the_queue(
    stack, whmcs, sim, service_id
):
    view = _active(stack, whmcs, sim, service_id)
    before, add_ons_before = _upgrades(sim), _add_ons(stack, view["instance_id"])
    body = {"add_ons": {"backup": True}}

    sim.post("/faults", json={"latency_ms": CONTABO_LATE_MS})
    try:
        answer = whmcs.request("POST", f"/services/{service_id}/change-package", body)
        assert answer.status_code == 200, answer.text
        assert answer.json()["status_message"] == manage_service.CHANGE_QUEUED.text
        assert _upgrades(sim) == before  # not sent within the budget
    finally:
        sim.post("/faults/reset")

    job = _finished(stack, f"{manage_service.UPGRADE_JOB}-{service_id}")
    assert job.message == "add-ons applied"
    assert _upgrades(sim) == before + 1
    assert len(_add_ons(stack, view["instance_id"])) == len(add_ons_before) + 1

    again = whmcs.request("POST", f"/services/{service_id}/change-package", body)
    assert again.status_code == 200, again.text
    assert _upgrades(sim) == before + 1  # recorded: nothing bought twice


def _finished(stack, job_id: str) -> JobRecord:
    """The action-queue worker runs (its schedule, here called) until the job is done; a
    worker woken by the request may be running it already."""
    job = job_queue.get(job_id)
    for _ in range(60):
        assert job is not None, f"{job_id} was never queued"
        if job.status == "done":
            return job
        assert job.status in ("queued", "running"), (job.status, job.last_error)
        if job.status == "queued":
            job.update(actions=[JobRecord.run_after.set(0)])
            stack.run_job("ActionQueueWorkerFunction")
        time.sleep(0.3)
        job = job_queue.get(job_id)
    raise AssertionError(f"{job_id} not done: {job.status if job else None}")


def test_a_renewal_while_another_action_holds_the_service_is_queued_then_recorded(
    stack, whmcs, sim, service_id
):
    """WHMCS does not retry a refused Renew: a customer's action holding the service makes the
    renewal queued (the latest due date wins), never a 409."""
    _active(stack, whmcs, sim, service_id)
    owner = "customer-restart"
    service_store.acquire_lock(service_id, "restart", owner=owner, seconds=30, wait_seconds=20)
    try:
        first = whmcs.request(
            "POST", f"/services/{service_id}/renew", {"next_due_date": "2031-01-01"}
        )
        assert first.status_code == 200, first.text
        assert first.json()["status_message"] == manage_service.RENEWAL_QUEUED.text
        later = whmcs.request(
            "POST", f"/services/{service_id}/renew", {"next_due_date": "2031-02-01"}
        )
        assert later.status_code == 200, later.text
        assert "next_due_date" not in (service_store.require(service_id).details or {}) or (
            service_store.require(service_id).details["next_due_date"] != "2031-02-01"
        )  # not recorded under another's lock
    finally:
        service_store.release_lock(service_id, owner)

    job = _finished(stack, f"{manage_service.RENEW_JOB}-{service_id}")
    assert job.message == "renewal recorded"
    assert service_store.require(service_id).details["next_due_date"] == "2031-02-01"
