"""Scheduled jobs: idempotent, resumable, bounded in time, never two runs of one job at once.

A job is a function ``body(run: JobRun)`` that ``run_job`` runs inside one Lambda invocation:

    from contabo_reseller.services.jobs.scheduled_jobs import JobRun, run_job

    def sync_products(run: JobRun) -> dict | Paused:
        done = set(run.checkpoint.get("done", []))      # {} when a new cycle starts
        for chunk in chunks_not_in(done):
            if run.out_of_time():                         # remaining time < margin_ms
                return run.pause({"done": sorted(done)})  # saved; the next run resumes here
            ...process the chunk (idempotently: it may be done again after a crash)...
            run.count("products", len(chunk))
            done.update(chunk)
        return {"changed": 3}                             # finished: the checkpoint is cleared

    @logger.inject_lambda_context
    @metrics.log_metrics
    def lambda_handler(event, context):
        return run_job("catalog-sync", context, sync_products)

What ``run_job`` guarantees:

- **One run at a time.** It takes the job's lease (a conditional write) for the Lambda's
  remaining time plus ``LEASE_GRACE_SECONDS``; while another run holds it, the body is not
  called and the outcome is ``skipped``. A crashed run's lease lapses just after Lambda would
  have killed it, so a job never stays blocked.
- **Resumable.** ``run.checkpoint`` is what the last run passed to ``run.pause`` (or
  ``run.save``); ``run.resumed`` says whether there was one. Checkpoints are written only while
  the lease is still this run's (``LeaseLost`` otherwise). They live in one DynamoDB item:
  keep them well under 400 KB (cap lists, store cursors rather than everything seen).
- **Bounded in time.** ``run.out_of_time()`` is true once the Lambda has less than
  ``margin_ms`` left; the body checks it between chunks and pauses. Each chunk must take less
  than the margin. ``run.save(state)`` saves progress without stopping (for long chunks).
- **Reported.** Every run ends with a summary (outcome ``finished`` | ``partial`` | ``failed``,
  this run's counts, the cycle's counts summed over its partial runs, duration, the body's
  result, the error) stored for the admin (``last_runs()``, ``GET /admin/schedules``) and
  stamped for /health. A failed run keeps the last saved checkpoint, so the next run resumes
  from there; it counts ScheduledJobFailed and the error is re-raised so Lambda records it.
  Handlers wrap with ``@metrics.log_metrics`` so the job's metrics are flushed.

- **Cheap when idle.** A job run every minute mostly finds nothing to do. Given
  ``idle_check`` (true when there is surely nothing to do, e.g. no due job), ``run_job`` asks it
  first and, when idle, takes no lease and writes nothing but a "still running" stamp at most
  every ``IDLE_STAMP_SECONDS`` per container, and logs at DEBUG: an idle minute then costs the
  invocation and one or two reads (docs/performance.md, "Monthly cost").

Job names are the admin's names (``status-sync``, ``catalog-sync``, ``usage-sync``,
``action-queue``): ``POST /admin/schedules/{job}/run`` and ``GET /admin/schedules`` use them.
"""

from __future__ import annotations

import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from contabo_reseller import metrics
from contabo_reseller.adapters import job_runs, job_state, worker_trigger
from contabo_reseller.adapters.job_state import LeaseLost
from contabo_reseller.domain.errors import ActionRefused, DomainError, NotFound, UpstreamUnavailable
from contabo_reseller.domain.jobs import (
    SCHEDULE_FUNCTION_SETTINGS,
    ScheduleList,
    ScheduleName,
    ScheduleRun,
    ScheduleStatus,
)
from contabo_reseller.observability import logger
from contabo_reseller.settings import Settings, get_settings

DEFAULT_MARGIN_MS = 20_000
LEASE_GRACE_SECONDS = 30
IDLE_STAMP_SECONDS = 900
_idle_stamped_at: dict[str, float] = {}  # per container: when an idle run last wrote its stamp

__all__ = [
    "DEFAULT_MARGIN_MS",
    "JobRun",
    "LeaseLost",
    "Paused",
    "RemainingTime",
    "job_status",
    "last_runs",
    "list_schedules",
    "run_job",
    "run_now",
]


class RemainingTime(Protocol):
    """The part of Lambda's context a job needs (tests pass a fake)."""

    def get_remaining_time_in_millis(self) -> int: ...


@dataclass(frozen=True)
class Paused:
    """Returned by ``run.pause``: the body stopped early; ``state`` is where to resume."""

    state: dict[str, Any]


@dataclass
class JobRun:
    job: str
    checkpoint: dict[str, Any]
    resumed: bool
    margin_ms: int
    _context: RemainingTime
    _owner: str
    counts: Counter[str] = field(default_factory=Counter)
    # The cycle (first run to finishing run) is kept beside the job's own state.
    _cycle: dict[str, Any] = field(default_factory=dict)

    def out_of_time(self) -> bool:
        """True when the Lambda has less than ``margin_ms`` left: pause now."""
        return self._context.get_remaining_time_in_millis() < self.margin_ms

    def remaining_ms(self) -> int:
        return self._context.get_remaining_time_in_millis()

    def count(self, name: str, value: int = 1) -> None:
        self.counts[name] += value

    def save(self, state: dict[str, Any]) -> None:
        """Saves progress now and goes on (a crash after this resumes from ``state``)."""
        self.checkpoint = state
        job_state.save_checkpoint(self.job, self._owner, self._stored(state))

    def pause(self, state: dict[str, Any]) -> Paused:
        """Stops the run here; the next run starts with ``run.checkpoint == state``."""
        self.checkpoint = state
        return Paused(state)

    def _stored(self, state: dict[str, Any]) -> dict[str, Any]:
        cycle_counts = Counter(self._cycle.get("counts") or {})
        cycle_counts.update(self.counts)
        return {
            "state": state,
            "cycle": {
                "started_at": self._cycle.get("started_at"),
                "runs": int(self._cycle.get("runs") or 0) + 1,
                "counts": dict(cycle_counts),
            },
        }


Body = Callable[[JobRun], "dict[str, Any] | Paused | None"]


def run_job(
    job: str,
    context: RemainingTime,
    body: Body,
    *,
    margin_ms: int = DEFAULT_MARGIN_MS,
    idle_check: Callable[[], bool] | None = None,
) -> dict[str, Any]:
    """Runs ``body`` under the job's lease with its checkpoint; returns the run's summary."""
    if idle_check is not None and idle_check():
        return idle_run(job)
    started = time.monotonic()
    started_at = datetime.now(UTC).isoformat()
    owner = f"{job}:{getattr(context, 'aws_request_id', None) or uuid.uuid4()}"
    lease_seconds = context.get_remaining_time_in_millis() / 1000 + LEASE_GRACE_SECONDS
    if not job_state.take_lease(job, owner, lease_seconds):
        logger.info("scheduled job skipped: another run holds its lease", extra={"job": job})
        job_runs.record_run(job, "skipped")
        return {"job": job, "outcome": "skipped", "reason": "another run is in progress"}
    try:
        stored = job_state.load_checkpoint(job)
        run = JobRun(
            job=job,
            checkpoint=dict((stored or {}).get("state") or {}),
            resumed=stored is not None,
            margin_ms=margin_ms,
            _context=context,
            _owner=owner,
            _cycle=dict((stored or {}).get("cycle") or {"started_at": started_at}),
        )
        summary = _run_body(job, run, body, owner, started_at, started)
    finally:
        job_state.release_lease(job, owner)
    return summary


def idle_run(job: str) -> dict[str, Any]:
    """Nothing to do: no lease, no summary; a stamp for /admin/schedules now and then."""
    now = time.monotonic()
    if now - _idle_stamped_at.get(job, -IDLE_STAMP_SECONDS) >= IDLE_STAMP_SECONDS:
        job_runs.record_run(job, "idle")
        _idle_stamped_at[job] = now
    logger.debug("scheduled job idle", extra={"job": job})
    return {"job": job, "outcome": "idle"}


def _run_body(
    job: str, run: JobRun, body: Body, owner: str, started_at: str, started: float
) -> dict[str, Any]:
    result: dict[str, Any] | Paused | None = None
    error: BaseException | None = None
    try:
        result = body(run)
        if isinstance(result, Paused):
            stored = run._stored(result.state)
            job_state.save_checkpoint(job, owner, stored)
            cycle = stored["cycle"]
            outcome = "partial"
        else:
            cycle = run._stored({})["cycle"]
            job_state.clear_checkpoint(job, owner)
            outcome = "finished"
    except Exception as caught:
        error = caught
        cycle = run._stored({})["cycle"]
        outcome = "failed"
    summary: dict[str, Any] = {
        "job": job,
        "outcome": outcome,
        "started_at": started_at,
        "finished_at": datetime.now(UTC).isoformat(),
        "duration_ms": round((time.monotonic() - started) * 1000),
        "resumed": run.resumed,
        "counts": dict(run.counts),
        "cycle": cycle,
    }
    if isinstance(result, dict):
        summary["result"] = result
    if error is not None:
        summary["error"] = _describe(error)
    _report(job, summary)
    if error is not None:
        logger.error("scheduled job failed", exc_info=error, extra={"job": job})
        raise error
    logger.info("scheduled job ran", extra={"summary": summary})
    return summary


def _report(job: str, summary: dict[str, Any]) -> None:
    job_state.save_last_run(job, summary)
    job_runs.record_run(job, summary["outcome"])
    if summary["outcome"] == "failed":
        metrics.record(metrics.SCHEDULED_JOB_FAILED, 1)


def _describe(error: BaseException) -> str:
    """Domain errors carry a readable, secret-free message; anything else only its type."""
    if isinstance(error, DomainError):
        return f"{type(error).__name__}: {error.message}"
    if isinstance(error, LeaseLost):
        return str(error)
    return f"{type(error).__name__} (see the function's log)"


def last_runs() -> dict[str, dict[str, Any]]:
    """Each job's last run summary, by job name."""
    return job_state.last_runs()


def job_status(job: str) -> dict[str, Any]:
    """A job's last run, whether a run is going now, and whether a cycle is part-way."""
    holder = job_state.lease_holder(job)
    return {
        "job": job,
        "running": holder is not None,
        "resuming": job_state.load_checkpoint(job) is not None,
        "last_run": job_state.last_runs().get(job),
    }


# The admin: run a job now, see every job ------------------------------------------------------

# Admin name -> (the function's setting, the name its runs are recorded under).
SCHEDULES: dict[ScheduleName, tuple[str, str]] = {
    name: (setting, "provisioning_worker" if name == "provisioning" else name)
    for name, setting in SCHEDULE_FUNCTION_SETTINGS.items()
}


def run_now(job: str) -> ScheduleRun:
    """Starts the job's function at once (asynchronously); its lease keeps a run already
    going from overlapping: the new run then ends as ``skipped``."""
    name = _schedule(job)
    function = _function_name(name, get_settings())
    started = worker_trigger.invoke_async(function, {"source": "admin.run-now", "job": name})
    if started == "not_deployed":
        raise ActionRefused(
            f"The {name} job is not deployed in this stack.",
            message_code="scheduled_job_not_deployed",
            params={"job": name},
        )
    if started == "failed":
        raise UpstreamUnavailable(
            f"The {name} job could not be started now; its schedule runs it at the next time.",
            message_code="scheduled_job_not_started",
            params={"job": name},
        )
    return ScheduleRun(
        job=name,
        function=function,
        started=True,
        message="Started. GET /admin/schedules shows its outcome when it ends.",
        last_run=_last_run(name, last_runs()),
    )


def list_schedules() -> ScheduleList:
    settings, runs = get_settings(), last_runs()
    return ScheduleList(
        items=[
            ScheduleStatus(
                job=name,
                deployed=bool(_function_name(name, settings)),
                running=job_state.lease_holder(recorded) is not None,
                resuming=job_state.load_checkpoint(recorded) is not None,
                last_run=_last_run(name, runs),
            )
            for name, (_, recorded) in SCHEDULES.items()
        ]
    )


def _schedule(job: str) -> ScheduleName:
    for name in SCHEDULES:
        if name == job:
            return name
    raise NotFound(
        f"There is no scheduled job '{job}'; the jobs are {', '.join(SCHEDULES)}.",
        message_code="scheduled_job_unknown",
        params={"job": job, "jobs": ", ".join(SCHEDULES)},
    )


def _function_name(name: ScheduleName, settings: Settings) -> str:
    return str(getattr(settings, SCHEDULES[name][0]))


def _last_run(name: ScheduleName, runs: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """The framework's summary, or for jobs outside it (provisioning) their stamp."""
    recorded = SCHEDULES[name][1]
    return runs.get(recorded) or job_runs.last_run(recorded)
