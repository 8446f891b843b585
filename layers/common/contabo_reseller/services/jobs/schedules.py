"""Runs a scheduled job body and records its outcome, so every cron job reports alike."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from contabo_reseller import metrics
from contabo_reseller.adapters import job_runs
from contabo_reseller.observability import logger
from contabo_reseller.services.jobs.scheduled_jobs import idle_run


def run_scheduled_job(
    job_name: str, body: Callable[[], dict[str, Any]], *, quiet_when_idle: bool = False
) -> dict[str, Any]:
    """Runs ``body`` and records the run; with ``quiet_when_idle`` a run whose counts are all
    zero is recorded like ``scheduled_jobs.idle_run`` (a stamp now and then, a DEBUG line)."""
    started = time.monotonic()
    try:
        result = body()
    except Exception:
        logger.exception("scheduled job failed", extra={"job": job_name})
        job_runs.record_run(job_name, "failed")
        metrics.record(metrics.SCHEDULED_JOB_FAILED, 1)
        raise
    if quiet_when_idle and not any(result.values()):
        return {**idle_run(job_name), **result}
    elapsed_ms = round((time.monotonic() - started) * 1000)
    job_runs.record_run(job_name, "ok")
    logger.info("scheduled job ran", extra={"job": job_name, "elapsed_ms": elapsed_ms, **result})
    return {"job": job_name, "outcome": "ok", **result}
