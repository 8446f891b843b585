"""The action queue on the local stack: claims, backoff, parking, the admin's retry/skip/done,
and terminate's cleanup job."""

from __future__ import annotations

import threading
import time
from collections import Counter

import pytest

from contabo_reseller.adapters import job_queue
from contabo_reseller.adapters.tables import JobRecord
from contabo_reseller.domain.errors import ActionRefused
from contabo_reseller.services.jobs import action_queue
from contabo_reseller.services.jobs.action_queue import NotYet, QueuedJob, enqueue, handles
from tests.integration.jobs.conftest import make_due, wait_for_job

WORKER = "ActionQueueWorkerFunction"
calls: Counter[str] = Counter()
behaviour: dict[str, str] = {}


@handles("test_step")
def _test_step(job: QueuedJob) -> str:
    """Does what ``behaviour[job_id]`` says: fail, wait, slow, or succeed."""
    calls[job.job_id] += 1
    mode = behaviour.get(job.job_id, "ok")
    if mode == "fail":
        raise RuntimeError("the step failed")
    if mode == "refused":
        raise ActionRefused(
            "This service is being terminated.",
            message_code="service_terminating",
            params={"service_id": "77"},
        )
    if mode == "wait":
        raise NotYet("still installing", delay_seconds=45)
    if mode == "slow":
        time.sleep(0.5)
    job.save_progress({**job.payload, "done": True})
    return f"step done for {job.payload['n']}"


def queue(n: int, mode: str = "ok") -> str:
    job_id = enqueue("77", "test_step", {"n": n}, actor="test", wake=False)
    behaviour[job_id] = mode
    return job_id


def run_worker(stack) -> dict:
    outcome = stack.run_job(WORKER)
    assert outcome["status"] == "ok", outcome
    return outcome["result"]


def test_a_due_job_runs_once_and_is_done(stack):
    job_id = queue(1)
    summary = run_worker(stack)
    assert summary["outcome"] == "finished"
    job = job_queue.get(job_id)
    assert job.status == "done"
    assert job.message == "step done for 1"
    assert job.payload == {"n": 1, "done": True}
    assert job.expires_at  # finished jobs expire
    assert calls[job_id] == 1
    run_worker(stack)
    assert calls[job_id] == 1


def test_failures_back_off_exponentially_then_park(stack):
    job_id = queue(2, "fail")
    waits = []
    for attempt in range(1, 6):
        before = time.time()
        run_worker(stack)
        job = job_queue.get(job_id)
        assert job.attempts == attempt
        assert job.last_error == "RuntimeError (see the worker's log)"
        if attempt < 5:
            assert job.status == "queued"
            waits.append(round(job.run_after - before, -1))
            run_worker(stack)  # not due yet: nothing happens
            assert job_queue.get(job_id).attempts == attempt
            make_due(job_id)
    assert waits == [60, 120, 240, 480]
    assert job.status == "parked"
    assert calls[job_id] == 5


def test_waiting_is_not_a_failure(stack):
    job_id = queue(3, "wait")
    run_worker(stack)
    job = job_queue.get(job_id)
    assert (job.status, job.attempts, job.polls) == ("queued", 0, 1)
    assert job.message == "still installing"
    assert 40 <= job.run_after - time.time() <= 46


def test_no_job_runs_twice_at_once(stack):
    job_id = queue(4, "slow")
    outcomes = []
    threads = [
        threading.Thread(target=lambda: outcomes.append(action_queue.work_one(job_id, 60_000)))
        for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes).count("done") == 1
    assert calls[job_id] == 1
    assert job_queue.get(job_id).status == "done"


def test_a_claim_whose_worker_died_is_taken_over_and_counted(stack):
    job_id = queue(5)
    job = job_queue.get(job_id)
    assert job_queue.claim(job, "dead-worker", until=time.time() - 1, now=time.time())
    run_worker(stack)
    job = job_queue.get(job_id)
    assert job.status == "done"
    assert job.attempts == 2  # the dead worker's attempt counts


def test_a_job_with_no_handler_is_parked_at_once(stack):
    job_id = enqueue("77", "no_such_action", {}, actor="test", wake=False)
    run_worker(stack)
    job = job_queue.get(job_id)
    assert job.status == "parked"
    assert "No handler" in job.last_error


def test_the_wake_up_runs_a_new_job_at_once(stack):
    job_id = enqueue("77", "test_step", {"n": 6}, actor="test")
    assert wait_for_job(job_id, "done").message == "step done for 6"


def test_a_keyed_job_is_queued_once_until_finished(stack):
    first = enqueue("78", "test_step", {"n": 7}, actor="test", key="78", wake=False)
    second = enqueue("78", "test_step", {"n": 8}, actor="test", key="78", wake=False)
    assert first == second == "test_step-78"
    assert job_queue.get(first).payload == {"n": 7}
    run_worker(stack)
    again = enqueue("78", "test_step", {"n": 9}, actor="test", key="78", wake=False)
    assert again == first
    assert job_queue.get(first).status == "queued"


# The admin routes -----------------------------------------------------------------------------


def parked_job(stack, mode: str = "fail") -> str:
    job_id = queue(10, mode)
    job = job_queue.get(job_id)
    job.update(actions=[JobRecord.attempts.set(4)])
    run_worker(stack)
    assert job_queue.get(job_id).status == "parked"
    return job_id


def test_admin_lists_parked_jobs_with_their_error(stack, whmcs):
    job_id = parked_job(stack)
    listed = whmcs.request("GET", "/admin/jobs?status=parked&limit=200")
    assert listed.status_code == 200, listed.text
    item = next(i for i in listed.json()["items"] if i["job_id"] == job_id)
    assert item["last_error"] == "RuntimeError (see the worker's log)"
    assert item["attempts"] == 5
    assert item["max_attempts"] == 5
    bad = whmcs.request("GET", "/admin/jobs?status=lost")
    assert bad.status_code == 400


def listed_parked(whmcs, job_id: str) -> dict:
    listed = whmcs.request("GET", "/admin/jobs?status=parked&limit=200")
    assert listed.status_code == 200, listed.text
    return next(i for i in listed.json()["items"] if i["job_id"] == job_id)


def test_a_parked_job_says_when_it_parked_its_error_code_and_request_id(stack, whmcs):
    """What the addon's cron tells staff: the error in their language (code and params), the
    request id to search the audit log by, and a parked time that is new after a re-park."""
    job_id = parked_job(stack, "refused")
    item = listed_parked(whmcs, job_id)
    assert item["last_error"] == "This service is being terminated."
    assert item["last_error_code"] == "service_terminating"
    assert item["last_error_params"] == {"service_id": "77"}
    assert item["request_id"] == job_id
    assert item["parked_at"]
    first_parked_at = item["parked_at"]

    behaviour[job_id] = "fail"
    assert whmcs.request("POST", f"/admin/jobs/{job_id}/retry", {}).status_code == 200
    job = wait_for_job(job_id, "queued", attempts=1)  # the wake-up's attempt failed
    job.update(actions=[JobRecord.attempts.set(4), JobRecord.run_after.set(0)])
    run_worker(stack)
    again = listed_parked(whmcs, job_id)
    assert again["parked_at"] > first_parked_at
    assert again["last_error_code"] is None  # no code for an unexpected error
    assert again["last_error_params"] == {}
    queued = whmcs.request("GET", "/admin/jobs?status=done&limit=200").json()["items"]
    assert all(i["parked_at"] is None for i in queued)


def test_admin_retry_runs_a_parked_job_again(stack, whmcs):
    job_id = parked_job(stack)
    behaviour[job_id] = "ok"
    retried = whmcs.request("POST", f"/admin/jobs/{job_id}/retry", {})
    assert retried.status_code == 200, retried.text
    assert retried.json()["attempts"] == 0
    assert wait_for_job(job_id, "done").message == "step done for 10"  # woken at once
    refused = whmcs.request("POST", f"/admin/jobs/{job_id}/retry", {})
    assert refused.status_code == 422
    assert "already done" in refused.json()["error"]["message"]


@pytest.mark.parametrize(("operation", "status"), [("skip", "skipped"), ("done", "done")])
def test_admin_skips_or_marks_done(stack, whmcs, operation, status):
    job_id = parked_job(stack)
    answered = whmcs.request("POST", f"/admin/jobs/{job_id}/{operation}", {})
    assert answered.status_code == 200, answered.text
    assert answered.json()["status"] == status
    run_worker(stack)
    assert calls[job_id] == 1  # parked after its one attempt, never ran again


def test_admin_cannot_change_a_running_job_or_an_unknown_one(stack, whmcs):
    job_id = queue(11)
    job = job_queue.get(job_id)
    assert job_queue.claim(job, "busy-worker", until=time.time() + 60, now=time.time())
    busy = whmcs.request("POST", f"/admin/jobs/{job_id}/skip", {})
    assert busy.status_code == 409
    assert whmcs.request("POST", "/admin/jobs/nope/retry", {}).status_code == 404


# Terminate's cleanup --------------------------------------------------------------------------


def test_terminate_with_failing_cleanup_is_honest_and_the_job_finishes_it(
    stack, whmcs, sim, active_service
):
    sid = active_service
    sim.post("/faults", json={"error_rates": {"deleteSecret": 1.0}})
    answered = whmcs.request("POST", f"/services/{sid}/terminate", {"snapshot_policy": "delete"})
    assert answered.status_code == 200, answered.text
    view = answered.json()
    assert view["state"] == "terminated"
    assert view["cancel_date"]
    job_id = f"terminate_cleanup-{sid}"
    assert f"cleanup pending (job {job_id}: secrets)" in view["status_message"]
    # The wake-up tries at once and fails too (the fault is still on).
    job = wait_for_job(job_id, "queued", attempts=1)
    assert job.payload["steps"] == ["secrets"]
    assert job.payload["secret_ids"]
    secret_id = job.payload["secret_ids"][0]

    sim.post("/faults/reset")
    make_due(job_id)
    run_worker(stack)
    assert job_queue.get(job_id).status == "done"
    assert secret_id not in stack.sim.state.secrets
    after = whmcs.request("GET", f"/services/{sid}").json()
    assert after["state"] == "terminated"
    assert after["status_message"] == "This server has been cancelled."


def test_terminate_repeated_while_cleanup_pending_keeps_saying_so(whmcs, sim, active_service):
    sid = active_service
    sim.post("/faults", json={"error_rates": {"deleteSecret": 1.0}})
    first = whmcs.request("POST", f"/services/{sid}/terminate", {}).json()
    wait_for_job(f"terminate_cleanup-{sid}", "queued", attempts=1)  # its wake-up holds the lock
    again = whmcs.request("POST", f"/services/{sid}/terminate", {})
    assert again.status_code == 200
    assert again.json()["status_message"] == first["status_message"]
    assert "cleanup pending" in first["status_message"]
