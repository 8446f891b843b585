"""Run now and the schedule list: which function each job starts, and clear refusals."""

from __future__ import annotations

import pytest

from contabo_reseller.adapters import job_runs, worker_trigger
from contabo_reseller.domain.errors import ActionRefused, NotFound, UpstreamUnavailable
from contabo_reseller.services.jobs import scheduled_jobs
from contabo_reseller.settings import get_settings


@pytest.fixture
def functions(monkeypatch):
    """Every job's function set, and the invokes recorded instead of made."""
    for variable in (
        "PROVISIONING_WORKER_FUNCTION",
        "STATUS_SYNC_FUNCTION",
        "CATALOG_SYNC_FUNCTION",
        "ACTION_QUEUE_WORKER_FUNCTION",
    ):
        monkeypatch.setenv(variable, f"fn-{variable.lower()}")
    monkeypatch.delenv("USAGE_SYNC_FUNCTION", raising=False)
    get_settings.cache_clear()
    invoked: list[tuple[str, dict]] = []

    def invoke(name: str, payload: dict) -> str:
        invoked.append((name, payload))
        return "invoked" if name else "not_deployed"

    monkeypatch.setattr(worker_trigger, "invoke_async", invoke)
    yield invoked
    get_settings.cache_clear()


def test_run_now_invokes_the_jobs_function(aws, functions):
    started = scheduled_jobs.run_now("status-sync")
    assert started.started is True
    assert started.function == "fn-status_sync_function"
    payload = {"source": "admin.run-now", "job": "status-sync"}
    assert functions == [("fn-status_sync_function", payload)]


def test_unknown_job_is_not_found(aws, functions):
    with pytest.raises(NotFound, match="status-sync"):
        scheduled_jobs.run_now("backups")
    assert functions == []


def test_a_job_not_deployed_is_refused_clearly(aws, functions):
    with pytest.raises(ActionRefused, match="usage-sync job is not deployed"):
        scheduled_jobs.run_now("usage-sync")


def test_an_invoke_that_fails_says_the_schedule_will_run_it(aws, functions, monkeypatch):
    monkeypatch.setattr(worker_trigger, "invoke_async", lambda name, payload: "failed")
    with pytest.raises(UpstreamUnavailable, match="schedule runs it"):
        scheduled_jobs.run_now("catalog-sync")


def test_the_list_shows_every_job_with_its_last_run(aws, functions):
    job_runs.record_run("provisioning_worker", "ok")
    listed = {s.job: s for s in scheduled_jobs.list_schedules().items}
    assert set(listed) == set(scheduled_jobs.SCHEDULES)
    assert listed["usage-sync"].deployed is False
    assert listed["status-sync"].deployed is True
    assert listed["provisioning"].last_run["outcome"] == "ok"
    assert listed["status-sync"].last_run is None
