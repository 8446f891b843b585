"""The action queue's jobs and the scheduled jobs as the admin sees them."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from contabo_reseller.domain.model_base import DomainModel

JobStatus = Literal["queued", "running", "parked", "done", "skipped"]
ScheduleName = Literal[
    "provisioning",
    "status-sync",
    "catalog-sync",
    "usage-sync",
    "automatic-snapshots",
    "action-queue",
    "domain-sync",
]
# Each scheduled job's name -> the setting naming its function. These names are the one
# vocabulary of jobs: the admin API, the addon, `make run-job` and the admin CLI use them.
SCHEDULE_FUNCTION_SETTINGS: dict[ScheduleName, str] = {
    "provisioning": "provisioning_worker_function",
    "status-sync": "status_sync_function",
    "catalog-sync": "catalog_sync_function",
    "usage-sync": "usage_sync_function",
    "automatic-snapshots": "automatic_snapshots_function",
    "action-queue": "action_queue_worker_function",
    "domain-sync": "domain_sync_function",
}


class JobView(DomainModel):
    job_id: str
    service_id: str | None = None
    action: str
    status: JobStatus
    attempts: int
    max_attempts: int
    run_after: str | None = Field(default=None, description="when a queued job is due (UTC)")
    last_error: str | None = None
    last_error_code: str | None = Field(
        default=None, description="the last error's message code (http/errors.py), if it had one"
    )
    last_error_params: dict[str, Any] = Field(
        default_factory=dict, description="the parameters of that message code"
    )
    parked_at: str | None = Field(
        default=None, description="when a parked job was parked (UTC); new after a re-park"
    )
    request_id: str = Field(
        description="the request id of this job's attempts in the audit log (search by it)"
    )
    message: str | None = None
    payload: dict[str, Any] = Field(default_factory=dict)
    actor: str | None = None
    created_at: str | None = None
    updated_at: str | None = None


class JobList(DomainModel):
    items: list[JobView]
    next_cursor: str | None = None


class ScheduleRun(DomainModel):
    """What ``POST /admin/schedules/{job}/run`` did: the function was started, or why not."""

    job: ScheduleName
    function: str | None = None
    started: bool
    message: str
    last_run: dict[str, Any] | None = None


class ScheduleStatus(DomainModel):
    job: ScheduleName
    deployed: bool
    running: bool
    resuming: bool
    last_run: dict[str, Any] | None = None


class ScheduleList(DomainModel):
    items: list[ScheduleStatus]
