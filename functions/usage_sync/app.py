"""Daily: each active service's usage for today (object storage TB, additional IPv4,
snapshots). A second, half-hourly schedule passes ``{"resume_only": true}`` and only goes on
with a day's cycle that an earlier run left part-way."""

from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller.observability import logger, metrics, tracer
from contabo_reseller.services.billing.usage_sync import JOB_NAME, sync_usage
from contabo_reseller.services.jobs.scheduled_jobs import job_status, run_job


@logger.inject_lambda_context
@metrics.log_metrics
@tracer.capture_lambda_handler
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    resume_only = bool(event.get("resume_only"))
    if resume_only and not job_status(JOB_NAME)["resuming"]:
        return {"job": JOB_NAME, "outcome": "idle", "reason": "no cycle to resume"}
    return run_job(JOB_NAME, context, lambda run: sync_usage(run, resume_only=resume_only))
