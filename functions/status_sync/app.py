"""Hourly: every Contabo instance compared with the services table; drift and orphans."""

from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller.observability import logger, metrics, tracer
from contabo_reseller.services import status_sync
from contabo_reseller.services.jobs.scheduled_jobs import run_job


@logger.inject_lambda_context
@metrics.log_metrics
@tracer.capture_lambda_handler
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return run_job(status_sync.JOB, context, status_sync.sync, margin_ms=status_sync.MARGIN_MS)
