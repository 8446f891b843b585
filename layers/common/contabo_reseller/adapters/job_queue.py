"""The action queue's rows in the jobs table, and every guarded change of a job's status.

A job is ``queued`` (due at ``run_after``), ``running`` (claimed: ``lock_owner`` until
``lock_expires_at``, and ``run_after`` set to that expiry so a lapsed claim is found through
the by_status index like a due job), ``parked``, ``done`` or ``skipped``. Every change is a
conditional write, so no two workers ever run one job at once.
"""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from typing import Any

from pynamodb.exceptions import DoesNotExist, PutError, UpdateError
from pynamodb.expressions.condition import Condition

from contabo_reseller.adapters.tables import JobRecord
from contabo_reseller.domain.errors import InvalidInput

TERMINAL = ("done", "skipped")


def _failed_condition(error: PutError | UpdateError) -> bool:
    return error.cause_response_code == "ConditionalCheckFailedException"


def add(job: JobRecord) -> bool:
    """Stores a new job; False if a job with that id exists and is not finished."""
    job.created_at = job.updated_at = datetime.now(UTC)
    try:
        job.save(condition=JobRecord.job_id.does_not_exist() | JobRecord.status.is_in(*TERMINAL))
    except PutError as error:
        if _failed_condition(error):
            return False
        raise
    return True


def get(job_id: str) -> JobRecord | None:
    try:
        return JobRecord.get(job_id, consistent_read=True)
    except DoesNotExist:
        return None


def due(status: str, now: float, limit: int) -> list[JobRecord]:
    """Jobs in ``status`` whose ``run_after`` has come (the index may lag: claims re-check)."""
    return list(JobRecord.by_status.query(status, JobRecord.run_after <= now, limit=limit))


def claim(job: JobRecord, owner: str, until: float, now: float) -> bool:
    """Takes a due queued job, or a running one whose claim lapsed (its worker died)."""
    condition = (
        (JobRecord.status == "queued") & (JobRecord.run_after <= now)
        if job.status == "queued"
        else (JobRecord.status == "running") & (JobRecord.lock_expires_at < now)
    )
    return _update(
        job,
        condition,
        status="running",
        lock_owner=owner,
        lock_expires_at=until,
        run_after=until,
        attempts=int(job.attempts or 0) + 1,
    )


def release(job: JobRecord, owner: str, **fields: Any) -> bool:
    """Ends this worker's claim, setting ``fields``; False if the claim was lost meanwhile."""
    actions_fields = {**fields, "lock_owner": None, "lock_expires_at": None}
    return _update(job, JobRecord.lock_owner == owner, **actions_fields)


def set_payload(job: JobRecord, owner: str, payload: dict[str, Any]) -> bool:
    """Saves a handler's progress while it holds the claim."""
    return _update(job, JobRecord.lock_owner == owner, payload=payload)


def transition(job: JobRecord, from_statuses: tuple[str, ...], **fields: Any) -> bool:
    """An admin change (retry, skip, done), allowed only from ``from_statuses``."""
    return _update(job, JobRecord.status.is_in(*from_statuses), **fields)


def count(status: str) -> int:
    return JobRecord.by_status.count(status)


def page(status: str, limit: int, cursor: str | None) -> tuple[list[JobRecord], str | None]:
    try:
        start = json.loads(base64.urlsafe_b64decode(cursor)) if cursor else None
    except ValueError:
        raise InvalidInput(
            "The cursor is not one this list gave out.", message_code="cursor_invalid"
        ) from None
    result = JobRecord.by_status.query(status, limit=limit, last_evaluated_key=start)
    items = list(result)
    last = result.last_evaluated_key
    next_cursor = base64.urlsafe_b64encode(json.dumps(last).encode()).decode() if last else None
    return items, next_cursor


def requeue_if_parked(job_id: str, **fields: Any) -> bool:
    """A parked job queued again; one write, no read (callers may hold only write access)."""
    return _update(JobRecord(job_id=job_id), JobRecord.status == "parked", refresh=False, **fields)


def set_payload_if_queued(job_id: str, payload: dict[str, Any]) -> bool:
    """A job still waiting (not yet claimed) takes ``payload``; one write, no read."""
    return _update(
        JobRecord(job_id=job_id), JobRecord.status == "queued", refresh=False, payload=payload
    )


def _update(job: JobRecord, condition: Condition, refresh: bool = True, **fields: Any) -> bool:
    actions = [
        getattr(JobRecord, name).remove() if value is None else getattr(JobRecord, name).set(value)
        for name, value in fields.items()
    ]
    actions.append(JobRecord.updated_at.set(datetime.now(UTC)))
    try:
        job.update(actions=actions, condition=condition)
    except UpdateError as error:
        if _failed_condition(error):
            if refresh:
                job.refresh(consistent_read=True)
            return False
        raise
    return True
