"""The action queue: durable jobs for long operations, run by the action-queue worker.

Queue work from any use case, then let a handler do it in the background:

    from contabo_reseller.services.jobs.action_queue import QueuedJob, enqueue, handles

    job_id = enqueue(service_id, "reinstall", {"image_id": "..."}, actor="whmcs:key-1")

    @handles("reinstall")
    def reinstall(job: QueuedJob) -> str | None:
        ...                          # idempotent: a job may run again after a crash
        job.save_progress({...})     # optional: remember finished steps in the payload
        raise NotYet("waiting for the reinstall to finish")   # check again later, not a failure
        return "reinstalled"         # done; the text is kept as the job's message

Handlers live in the modules listed in ``HANDLER_MODULES`` (the worker imports them); add
yours there. Payloads are stored and shown to the admin: never put a secret in one.
``enqueue`` wakes the worker at once (asynchronous invoke; the function needs the
ACTION_QUEUE_WORKER_FUNCTION variable and invoke permission, else the one-minute schedule runs
the job). Queueing inside ``service_action`` for a handler that takes the same service's
lock: pass ``wake=False`` and call ``wake_worker(job_id)`` once the lock is released, or the
first attempt finds the service busy and waits (NotYet) half a minute.

Semantics: a claim is a conditional write (no job runs twice at once); each claim counts an
attempt, so a worker that dies mid-job counts too. A handler exception reschedules the job
with exponential backoff (``BACKOFF_BASE_SECONDS`` * 2^(attempt-1), at most
``BACKOFF_CAP_SECONDS``); after ``action_queue_max_attempts`` (setting, default 5) it is
``parked`` with its last error until the admin retries, skips or marks it done.
``NotYet`` reschedules without counting a failure, at most ``MAX_POLLS`` times.
"""

from __future__ import annotations

import importlib
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from contabo_reseller import metrics
from contabo_reseller.adapters import audit_log, job_queue, worker_trigger
from contabo_reseller.adapters.tables import JobRecord
from contabo_reseller.domain import installations
from contabo_reseller.domain.errors import ActionRefused, Conflict, DomainError, NotFound
from contabo_reseller.domain.jobs import JobList, JobStatus, JobView
from contabo_reseller.observability import logger
from contabo_reseller.settings import get_settings

if TYPE_CHECKING:  # the worker's side: the API functions that enqueue need none of it
    from contabo_reseller.services.jobs.scheduled_jobs import JobRun, Paused

HANDLER_MODULES = (
    "contabo_reseller.services.terminate_cleanup",
    "contabo_reseller.services.manage_service",  # billing actions recorded while busy
    "contabo_reseller.services.networking.extra_ips",
    "contabo_reseller.services.compute.moves",
    "contabo_reseller.services.object_storage.management",  # its billing actions, too
)
BACKOFF_BASE_SECONDS = 60
BACKOFF_CAP_SECONDS = 3600
MAX_POLLS = 240
FINISHED_JOB_DAYS = 30  # done/skipped jobs are kept this long, then DynamoDB's TTL drops them
_CLAIM_GRACE_SECONDS = 30
_BATCH = 25
_MAX_ERROR = 500


class NotYet(Exception):
    """Raised by a handler that must wait (e.g. for a reinstall): look again after a delay."""

    def __init__(self, message: str, delay_seconds: int = 60) -> None:
        super().__init__(message)
        self.message = message
        self.delay_seconds = delay_seconds


@dataclass
class QueuedJob:
    """What a handler sees of its job."""

    job_id: str
    service_id: str | None
    action: str
    payload: dict[str, Any]
    attempt: int
    actor: str | None
    _record: JobRecord
    _owner: str

    def save_progress(self, payload: dict[str, Any]) -> None:
        """Stores ``payload`` now, so the next attempt skips what is done."""
        self.payload = payload
        if not job_queue.set_payload(self._record, self._owner, payload):
            raise Conflict(
                "The job was taken over by another worker.", message_code="job_taken_over"
            )


Handler = Callable[[QueuedJob], "str | None"]
_HANDLERS: dict[str, Handler] = {}


def handles(action: str) -> Callable[[Handler], Handler]:
    """Registers the handler of ``action`` (one per action)."""

    def register(handler: Handler) -> Handler:
        existing = _HANDLERS.get(action)
        if existing is not None and existing is not handler:
            raise ValueError(f"action {action!r} already has a handler")
        _HANDLERS[action] = handler
        return handler

    return register


def load_handlers() -> dict[str, Handler]:
    for module in HANDLER_MODULES:
        importlib.import_module(module)
    return dict(_HANDLERS)


# Queueing -------------------------------------------------------------------------------------


def enqueue(
    service_id: str | None,
    action: str,
    payload: dict[str, Any],
    actor: str,
    *,
    key: str | None = None,
    wake: bool = True,
    requeue_parked: bool = False,
    retarget_waiting: bool = False,
) -> str:
    """Queues ``action``; returns the job id. With ``key``, at most one unfinished job exists
    per (action, key): queueing it again returns the existing job's id. ``requeue_parked``: a
    parked one runs again with fresh attempts (a new ask, e.g. WHMCS's next billing action,
    is not left behind an old failure staff were already told of). ``retarget_waiting``: one
    still waiting to be claimed takes ``payload`` (one write, no read: a caller may hold only
    write access to the jobs); a claimed one is left to its handler."""
    job_id = f"{action}-{key}" if key else str(uuid.uuid4())
    record = JobRecord(
        job_id=job_id,
        status="queued",
        run_after=time.time(),
        service_id=service_id,
        action=action,
        payload=payload,
        actor=actor,
        attempts=0,
        polls=0,
    )
    if job_queue.add(record):
        queued = "job queued"
    # Tried before the parked case: a job still waiting is the common case of an existing one.
    elif retarget_waiting and job_queue.set_payload_if_queued(job_id, payload):
        return job_id
    elif requeue_parked and _requeued_if_parked(job_id, payload):
        queued = "parked job queued again"
    else:
        return job_id
    logger.info(queued, extra={"job_id": job_id, "job_action": action})
    if wake:
        wake_worker(job_id)
    return job_id


def _requeued_if_parked(job_id: str, payload: dict[str, Any]) -> bool:
    return job_queue.requeue_if_parked(
        job_id, status="queued", run_after=time.time(), attempts=0, polls=0, payload=payload
    )


def enqueue_latest(
    service_id: str, action: str, payload: dict[str, Any], actor: str, *, wake: bool = True
) -> str:
    """One ``action`` job per service; asked again while it still waits, the job takes the
    newer payload, so what was asked last is applied (e.g. the latest renewal's due date)."""
    job_id = enqueue(service_id, action, payload, actor, key=service_id, wake=wake)
    job = job_queue.get(job_id)
    if job is not None and job.payload != payload:
        job_queue.transition(job, ("queued",), payload=payload)
    return job_id


def wake_worker(job_id: str) -> None:
    """Starts the worker on this job now (best effort: the schedule runs it anyway)."""
    worker_trigger.trigger_action_queue(job_id)


# The worker -----------------------------------------------------------------------------------


def work(run: JobRun) -> dict[str, Any] | Paused:
    """The scheduled run: every due job (and every lapsed claim) until time runs short."""
    handlers = load_handlers()
    tried: set[str] = set()
    while True:
        batch = [
            job
            for status in ("running", "queued")
            for job in job_queue.due(status, time.time(), _BATCH)
            if job.job_id not in tried
        ]
        if not batch:
            return _gauges()
        for job in batch:
            if run.out_of_time():
                run.count("deferred")
                _gauges()
                return run.pause({})  # the queue itself is the checkpoint
            tried.add(job.job_id)
            run.count(_attempt(job, handlers, run.remaining_ms()))


def is_idle() -> bool:
    """Nothing due and nothing parked (parked jobs keep their alarm's gauge coming)."""
    now = time.time()
    return (
        not job_queue.due("queued", now, 1)
        and not job_queue.due("running", now, 1)
        and not job_queue.count("parked")
    )


def _gauges() -> dict[str, int]:
    """Queue depth and parked jobs, for the dashboard and the run's summary."""
    depth = {"queued": job_queue.count("queued"), "parked": job_queue.count("parked")}
    metrics.record_gauge(metrics.QUEUE_DEPTH, depth["queued"])
    metrics.record_gauge(metrics.PARKED_JOBS, depth["parked"])
    return depth


def work_one(job_id: str, remaining_ms: int) -> str:
    """A wake-up right after ``enqueue``: that job only, if it is due."""
    job = job_queue.get(job_id)
    if job is None or job.status != "queued" or job.run_after > time.time():
        return "not_due"
    return _attempt(job, load_handlers(), remaining_ms)


def _attempt(job: JobRecord, handlers: dict[str, Handler], remaining_ms: int) -> str:
    """Claims and runs one job; returns what happened (done, retry, parked, waiting, lost)."""
    owner = f"worker:{uuid.uuid4()}"
    now = time.time()
    if not job_queue.claim(job, owner, now + remaining_ms / 1000 + _CLAIM_GRACE_SECONDS, now):
        return "lost"  # another worker has it, or it is no longer due
    started = time.monotonic()
    handler = handlers.get(job.action)
    try:
        if handler is None:
            raise _NoHandler(f"No handler is registered for the action '{job.action}'.")
        message = handler(_view(job, owner)) or ""
    except NotYet as waiting:
        outcome = _wait(job, owner, waiting)
        message = waiting.message
    except Exception as error:
        message = _describe(error)
        outcome = _fail(job, owner, message, final=isinstance(error, _NoHandler), cause=error)
        if outcome == "parked":
            logger.warning("job parked", extra={"job_id": job.job_id, "error": message})
        else:
            logger.info("job attempt failed", extra={"job_id": job.job_id, "error": message})
    else:
        outcome = "done"
        job_queue.release(
            job, owner, status="done", message=message[:_MAX_ERROR], expires_at=_expiry()
        )
    audit_log.record(
        kind="job",
        action=job.action,
        service_id=job.service_id,
        request_id=job.job_id,
        outcome=outcome,
        actor="action-queue",
        message=message,
        duration_ms=round((time.monotonic() - started) * 1000),
    )
    return outcome


class _NoHandler(Exception):
    pass


def _view(job: JobRecord, owner: str) -> QueuedJob:
    return QueuedJob(
        job_id=job.job_id,
        service_id=job.service_id,
        action=job.action,
        payload=dict(job.payload or {}),
        attempt=int(job.attempts or 0),
        actor=job.actor,
        _record=job,
        _owner=owner,
    )


def _wait(job: JobRecord, owner: str, waiting: NotYet) -> str:
    polls = int(job.polls or 0) + 1
    if polls > MAX_POLLS:
        return _fail(job, owner, f"Still waiting after {MAX_POLLS} checks: {waiting.message}", True)
    job_queue.release(
        job,
        owner,
        status="queued",
        run_after=time.time() + waiting.delay_seconds,
        attempts=max(0, int(job.attempts or 0) - 1),  # waiting is not a failed attempt
        polls=polls,
        message=waiting.message[:_MAX_ERROR],
    )
    return "waiting"


def _fail(
    job: JobRecord, owner: str, error: str, final: bool, cause: BaseException | None = None
) -> str:
    attempts = int(job.attempts or 0)
    # A domain error's code and parameters let staff read the error in their own language.
    coded = cause if isinstance(cause, DomainError) else None
    last_error = {
        "last_error": error[:_MAX_ERROR],
        "last_error_code": coded.message_code if coded else None,
        "last_error_params": (coded.params or None) if coded else None,
    }
    if final or attempts >= get_settings().action_queue_max_attempts:
        job_queue.release(job, owner, status="parked", parked_at=datetime.now(UTC), **last_error)
        return "parked"
    job_queue.release(
        job,
        owner,
        status="queued",
        run_after=time.time() + backoff_seconds(attempts),
        **last_error,
    )
    return "retry"


def backoff_seconds(attempts: int) -> int:
    """The wait after the ``attempts``-th failed attempt: 60, 120, 240, ... at most an hour."""
    return int(min(BACKOFF_CAP_SECONDS, BACKOFF_BASE_SECONDS * 2 ** max(0, attempts - 1)))


def _describe(error: BaseException) -> str:
    """Domain errors carry a readable, secret-free message; anything else only its type."""
    if isinstance(error, DomainError | _NoHandler):
        return str(getattr(error, "message", None) or error)
    return f"{type(error).__name__} (see the worker's log)"


def _expiry() -> int:
    return int(time.time()) + FINISHED_JOB_DAYS * 86_400


# The admin ------------------------------------------------------------------------------------


def list_jobs(
    status: JobStatus, limit: int, cursor: str | None, installation: str | None = None
) -> JobList:
    """A page of jobs; with ``installation``, only that WHMCS installation's (so a page may
    hold fewer than ``limit``; ``next_cursor`` goes on)."""
    items, next_cursor = job_queue.page(status, limit, cursor)
    mine = [job for job in items if _of_installation(job, installation)]
    return JobList(items=[job_view(job) for job in mine], next_cursor=next_cursor)


def retry(job_id: str, installation: str | None = None) -> JobView:
    """A parked (or waiting) job runs again now with a fresh budget of attempts."""
    job = _admin_change(
        job_id,
        ("parked", "queued"),
        installation,
        status="queued",
        run_after=time.time(),
        attempts=0,
        polls=0,
    )
    wake_worker(job_id)
    return job_view(job)


def skip(job_id: str, installation: str | None = None) -> JobView:
    """The admin gives the job up: it will not run again."""
    return job_view(
        _admin_change(
            job_id, ("parked", "queued"), installation, status="skipped", expires_at=_expiry()
        )
    )


def mark_done(job_id: str, installation: str | None = None) -> JobView:
    """The admin did the work by hand."""
    return job_view(
        _admin_change(
            job_id, ("parked", "queued"), installation, status="done", expires_at=_expiry()
        )
    )


def _of_installation(job: JobRecord, installation: str | None) -> bool:
    """Jobs of a service belong to its WHMCS installation; jobs of no service to every admin."""
    return not (installation and job.service_id) or installations.belongs_to(
        job.service_id, installation
    )


def _admin_change(
    job_id: str, allowed: tuple[str, ...], installation: str | None, **fields: Any
) -> JobRecord:
    job = job_queue.get(job_id)
    if job is None or not _of_installation(job, installation):
        raise NotFound(
            f"There is no job {job_id}.", message_code="job_not_found", params={"job_id": job_id}
        )
    if job_queue.transition(job, allowed, **fields):
        return job
    if job.status == "running":
        raise Conflict(
            "The job is running now; try again once this attempt ends.", message_code="job_running"
        )
    raise ActionRefused(
        f"The job is already {job.status}.",
        message_code="job_already_finished",
        params={"status": str(job.status)},
    )


def job_view(job: JobRecord) -> JobView:
    return JobView(
        job_id=job.job_id,
        service_id=installations.whmcs_id(job.service_id) if job.service_id else None,
        action=job.action,
        status=job.status,
        attempts=int(job.attempts or 0),
        max_attempts=get_settings().action_queue_max_attempts,
        run_after=_iso(job.run_after) if job.status == "queued" else None,
        last_error=job.last_error,
        last_error_code=job.last_error_code,
        last_error_params=job.last_error_params or {},
        parked_at=_parked_at(job),
        request_id=job.job_id,  # every attempt's audit row carries the job id as request id
        message=job.message,
        payload=job.payload or {},
        actor=job.actor,
        created_at=job.created_at.isoformat() if job.created_at else None,
        updated_at=job.updated_at.isoformat() if job.updated_at else None,
    )


def _parked_at(job: JobRecord) -> str | None:
    """When a parked job was parked; jobs parked before the time was kept: their last change."""
    if job.status != "parked":
        return None
    moment = job.parked_at or job.updated_at
    return moment.isoformat() if moment else None


def _iso(epoch: float | None) -> str | None:
    return datetime.fromtimestamp(epoch, UTC).isoformat() if epoch else None
