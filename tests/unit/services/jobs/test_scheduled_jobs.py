"""The scheduled-job framework on in-process moto: lease, checkpoint, resume, summaries."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from contabo_reseller.adapters import job_runs, job_state
from contabo_reseller.services.jobs.scheduled_jobs import (
    JobRun,
    LeaseLost,
    job_status,
    last_runs,
    run_job,
)


@dataclass
class FakeContext:
    """Lambda's context with a remaining time the test controls (ms); each read costs ``tick``."""

    remaining_ms: int = 300_000
    tick: int = 0
    aws_request_id: str = "req-1"

    def get_remaining_time_in_millis(self) -> int:
        now = self.remaining_ms
        self.remaining_ms = max(0, self.remaining_ms - self.tick)
        return now


ITEMS = list(range(10))


def count_items(run: JobRun):
    """Processes ITEMS one at a time, pausing when time runs short; remembers its position."""
    position = run.checkpoint.get("next", 0)
    for index in range(position, len(ITEMS)):
        if run.out_of_time():
            return run.pause({"next": index})
        run.count("items")
    return {"last": ITEMS[-1]}


def test_a_fresh_run_finishes_and_reports(aws):
    summary = run_job("demo", FakeContext(), count_items)
    assert summary["outcome"] == "finished"
    assert summary["counts"] == {"items": 10}
    assert summary["result"] == {"last": 9}
    assert summary["resumed"] is False
    assert summary["cycle"]["runs"] == 1
    assert last_runs()["demo"]["outcome"] == "finished"
    assert job_runs.last_run("demo")["outcome"] == "finished"
    assert job_state.load_checkpoint("demo") is None


def test_a_run_short_of_time_saves_its_checkpoint_and_the_next_resumes(aws):
    # 60 s left, 10 s per check, margin 20 s: checks at 60, 50, 40, 30 pass; 20 is too little.
    first = run_job("demo", FakeContext(remaining_ms=60_000, tick=10_000), count_items)
    assert first["outcome"] == "partial"
    assert first["counts"] == {"items": 4}
    assert job_state.load_checkpoint("demo")["state"] == {"next": 4}

    second = run_job("demo", FakeContext(), count_items)
    assert second["outcome"] == "finished"
    assert second["resumed"] is True
    assert second["counts"] == {"items": 6}
    assert second["cycle"]["runs"] == 2
    assert second["cycle"]["counts"] == {"items": 10}  # nothing counted twice, nothing missed
    assert job_state.load_checkpoint("demo") is None


def test_a_run_with_no_time_at_all_makes_no_progress_but_loses_none(aws):
    run_job("demo", FakeContext(remaining_ms=60_000, tick=10_000), count_items)
    stuck = run_job("demo", FakeContext(remaining_ms=1_000), count_items)
    assert stuck["outcome"] == "partial"
    assert stuck["counts"] == {}
    assert job_state.load_checkpoint("demo")["state"] == {"next": 4}


def test_two_runs_of_one_job_never_overlap(aws):
    seen = {}

    def nested(run: JobRun):
        seen["inner"] = run_job("demo", FakeContext(aws_request_id="req-2"), count_items)
        return {}

    outer = run_job("demo", FakeContext(), nested)
    assert outer["outcome"] == "finished"
    assert seen["inner"]["outcome"] == "skipped"
    assert job_runs.last_run("demo")["outcome"] == "finished"
    # Released afterwards: the next run goes ahead.
    assert run_job("demo", FakeContext(), count_items)["outcome"] == "finished"


def test_other_jobs_run_meanwhile(aws):
    def nested(run: JobRun):
        return {"other": run_job("other", FakeContext(), count_items)["outcome"]}

    assert run_job("demo", FakeContext(), nested)["result"] == {"other": "finished"}


def test_an_expired_lease_is_taken_over_and_the_old_run_cannot_write(aws):
    assert job_state.take_lease("demo", "crashed-run", seconds=-1)  # a lease that lapsed
    takeover = {}

    def old_run_wakes_up(run: JobRun):
        with pytest.raises(LeaseLost):
            job_state.save_checkpoint("demo", "crashed-run", {"state": {"next": 99}})
        takeover["checkpoint"] = job_state.load_checkpoint("demo")
        return {}

    assert run_job("demo", FakeContext(), old_run_wakes_up)["outcome"] == "finished"
    assert takeover["checkpoint"] is None


def test_a_failing_run_keeps_the_saved_checkpoint_and_reports_the_error(aws):
    def fails_half_way(run: JobRun):
        run.count("items", 3)
        run.save({"next": 3})
        raise RuntimeError("boom with a secret-ish detail")

    with pytest.raises(RuntimeError):
        run_job("demo", FakeContext(), fails_half_way)
    summary = last_runs()["demo"]
    assert summary["outcome"] == "failed"
    assert summary["error"] == "RuntimeError (see the function's log)"
    assert "secret" not in summary["error"]
    assert job_state.load_checkpoint("demo")["state"] == {"next": 3}
    assert job_state.lease_holder("demo") is None  # released even on failure

    resumed = run_job("demo", FakeContext(), count_items)
    assert resumed["resumed"] is True
    assert resumed["counts"] == {"items": 7}
    assert resumed["cycle"]["counts"] == {"items": 10}


def test_job_status_shows_running_and_resuming(aws):
    def look(run: JobRun):
        return {"status": job_status("demo")}

    inside = run_job("demo", FakeContext(), look)["result"]["status"]
    assert inside["running"] is True
    assert inside["resuming"] is False
    run_job("demo", FakeContext(remaining_ms=30_000, tick=10_000), count_items)
    after = job_status("demo")
    assert after["running"] is False
    assert after["resuming"] is True
    assert after["last_run"]["outcome"] == "partial"
