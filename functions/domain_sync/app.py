"""Every six hours: each domain's status, renewal date, cancel date and pending transfer out,
stored for WHMCS's Sync and TransferSync (which read them through GET /domains/{domainId})."""

from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller.observability import logger, metrics, tracer
from contabo_reseller.services.domains import management
from contabo_reseller.services.jobs.scheduled_jobs import run_job

JOB = "domain-sync"


@logger.inject_lambda_context
@metrics.log_metrics
@tracer.capture_lambda_handler
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return run_job(JOB, context, lambda run: management.sync_all())
