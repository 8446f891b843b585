"""Hourly: takes each due automatic snapshot (daily or weekly policies) and rotates the oldest
automatic ones; never deletes a snapshot the customer made."""

from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller.observability import logger, metrics, tracer
from contabo_reseller.services.compute.automatic_snapshots import JOB_NAME, no_policies, run_due
from contabo_reseller.services.jobs.scheduled_jobs import run_job


@logger.inject_lambda_context
@metrics.log_metrics
@tracer.capture_lambda_handler
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return run_job(JOB_NAME, context, run_due, idle_check=no_policies)
