"""Daily: regions, images and products from Contabo and the shipped data, with the diff."""

from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller.observability import logger, metrics, tracer
from contabo_reseller.services.catalog_sync import JOB_NAME, sync_catalog
from contabo_reseller.services.jobs.scheduled_jobs import run_job


@logger.inject_lambda_context
@metrics.log_metrics
@tracer.capture_lambda_handler
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return run_job(JOB_NAME, context, sync_catalog)
