"""Run now: the admin starts a scheduled function at once (Lambda's asynchronous Invoke,
served by the local stack) and sees its outcome in GET /admin/schedules."""

from __future__ import annotations

import time


def schedules(whmcs) -> dict[str, dict]:
    answered = whmcs.request("GET", "/admin/schedules")
    assert answered.status_code == 200, answered.text
    return {s["job"]: s for s in answered.json()["items"]}


def finished_after(whmcs, job: str, moment: str) -> dict:
    """The job's last run once one has finished after ``moment`` (bounded wait)."""
    for _ in range(300):
        last = schedules(whmcs)[job]["last_run"] or {}
        if (last.get("finished_at") or "") > moment:
            return last
        time.sleep(0.1)
    raise AssertionError(f"{job} did not run: {schedules(whmcs)[job]}")


def test_run_now_starts_the_status_sync(whmcs):
    before = (schedules(whmcs)["status-sync"]["last_run"] or {}).get("finished_at") or ""
    started = whmcs.request("POST", "/admin/schedules/status-sync/run", {})
    assert started.status_code == 202, started.text
    assert started.json()["started"] is True
    last = finished_after(whmcs, "status-sync", before)
    assert last["outcome"] == "finished"
    assert whmcs.request("GET", "/admin/reports/drift").status_code == 200


def test_run_now_starts_every_other_job(whmcs):
    for job in ("action-queue", "provisioning", "catalog-sync", "usage-sync"):
        started = whmcs.request("POST", f"/admin/schedules/{job}/run", {})
        assert started.status_code == 202, started.text
        assert started.json()["function"].endswith("Function")
    assert all(s["deployed"] for s in schedules(whmcs).values())


def test_an_unknown_job_is_not_found(whmcs):
    unknown = whmcs.request("POST", "/admin/schedules/backup/run", {})
    assert unknown.status_code == 404
    assert "status-sync" in unknown.json()["error"]["message"]
