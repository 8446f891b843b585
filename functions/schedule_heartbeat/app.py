"""Scheduled every 5 minutes: records that the schedules fire, shown by /health."""

from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller.observability import logger, metrics
from contabo_reseller.services.jobs.schedules import run_scheduled_job


@logger.inject_lambda_context
@metrics.log_metrics
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return run_scheduled_job("schedule_heartbeat", lambda: {"beat": True})
