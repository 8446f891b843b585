"""Every minute, and right after an order: buys ordered servers once and finishes their setup."""

from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller import invocation
from contabo_reseller.domain.errors import ServiceBusy
from contabo_reseller.observability import logger, metrics, tracer
from contabo_reseller.services import provisioning
from contabo_reseller.services.jobs.schedules import run_scheduled_job


@logger.inject_lambda_context
@metrics.log_metrics
@tracer.capture_lambda_handler(capture_response=False, capture_error=False)  # secrets pass
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    with invocation.running(context):
        return _handle(event, context)


def _handle(event: dict, context: LambdaContext) -> dict:
    service_id = event.get("service_id")
    if service_id:  # woken by an order: just that service
        try:
            state = provisioning.advance(str(service_id))
        except ServiceBusy:
            state = "busy"  # another run holds the lock and will finish it
        return {"service_id": service_id, "state": state}
    return run_scheduled_job(
        "provisioning_worker",
        lambda: provisioning.advance_all(context.get_remaining_time_in_millis),
        quiet_when_idle=True,
    )
