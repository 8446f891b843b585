"""A scheduled run with nothing to do costs the invocation and a read or two: no lease, no
summary, a "still running" stamp at most every IDLE_STAMP_SECONDS, no INFO line, no metric
(docs/performance.md, "Monthly cost")."""

from __future__ import annotations

from collections import Counter

import pytest
from pynamodb.connection.base import Connection

from contabo_reseller import metrics
from contabo_reseller.adapters import job_runs, job_state
from contabo_reseller.services.jobs import action_queue, scheduled_jobs, schedules
from contabo_reseller.services.jobs.scheduled_jobs import last_runs, run_job
from tests.unit.services.jobs.test_scheduled_jobs import FakeContext


@pytest.fixture
def writes(monkeypatch):
    """DynamoDB write calls made through pynamodb, by operation."""
    counted: Counter[str] = Counter()
    dispatch = Connection.dispatch

    def counting(connection, operation, kwargs):
        if operation in ("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem"):
            counted[operation] += 1
        return dispatch(connection, operation, kwargs)

    monkeypatch.setattr(Connection, "dispatch", counting)
    monkeypatch.setattr(scheduled_jobs, "_idle_stamped_at", {})
    return counted


def _never(_run):
    raise AssertionError("an idle run must not call the body")


def test_an_idle_run_takes_no_lease_and_writes_only_an_occasional_stamp(aws, writes, monkeypatch):
    clock = iter(range(0, 10_000, 60))
    monkeypatch.setattr(scheduled_jobs.time, "monotonic", lambda: float(next(clock)))
    results = [run_job("demo", FakeContext(), _never, idle_check=lambda: True) for _ in range(16)]
    assert {r["outcome"] for r in results} == {"idle"}
    # 16 runs a minute apart: a stamp at the first and at the 16th (15 minutes later).
    assert sum(writes.values()) == 2
    assert job_runs.last_run("demo")["outcome"] == "idle"
    assert "demo" not in last_runs()  # the admin's summary stays the last run that did work
    assert job_state.lease_holder("demo") is None


def test_a_run_with_work_runs_as_before(aws, writes):
    summary = run_job("demo", FakeContext(), lambda run: {"done": 1}, idle_check=lambda: False)
    assert summary["outcome"] == "finished"
    assert last_runs()["demo"]["outcome"] == "finished"
    assert sum(writes.values()) >= 4  # lease, summary, stamp, release


def test_a_quiet_worker_run_is_not_logged_at_info_nor_stamped_each_time(aws, writes, caplog):
    from contabo_reseller.observability import logger

    logger.addHandler(caplog.handler)
    try:
        for _ in range(5):
            outcome = schedules.run_scheduled_job(
                "worker", lambda: {"advanced": 0, "busy": 0}, quiet_when_idle=True
            )
            assert outcome["outcome"] == "idle"
        busy = schedules.run_scheduled_job("worker", lambda: {"advanced": 1}, quiet_when_idle=True)
    finally:
        logger.removeHandler(caplog.handler)
    assert busy["outcome"] == "ok"
    assert writes["PutItem"] == 2  # one stamp for the five idle runs, one for the busy run
    infos = {
        (r.getMessage(), getattr(r, "advanced", None))
        for r in caplog.records
        if r.levelname == "INFO"
    }
    assert infos == {("scheduled job ran", 1)}  # the busy run only


def test_a_gauge_at_zero_is_not_sent(monkeypatch):
    sent = []
    monkeypatch.setattr(metrics, "record", lambda name, value, *a: sent.append((name, value)))
    metrics.record_gauge(metrics.PARKED_JOBS, 0)
    metrics.record_gauge(metrics.QUEUE_DEPTH, 3)
    assert sent == [(metrics.QUEUE_DEPTH, 3)]


def test_the_action_queue_is_idle_only_with_nothing_due_and_nothing_parked(aws):
    assert action_queue.is_idle() is True
    job_id = action_queue.enqueue("1001", "demo-action", {}, "test", wake=False)
    assert action_queue.is_idle() is False
    from contabo_reseller.adapters import job_queue

    record = job_queue.get(job_id)
    record.update(actions=[job_queue.JobRecord.status.set("parked")])
    assert action_queue.is_idle() is False  # parked jobs keep their alarm's gauge coming
