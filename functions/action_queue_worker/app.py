"""Every minute, and right after a job is queued: runs the action queue's due jobs."""

from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller import invocation
from contabo_reseller.observability import logger, metrics, tracer
from contabo_reseller.services.jobs import action_queue
from contabo_reseller.services.jobs.scheduled_jobs import run_job


@logger.inject_lambda_context
@metrics.log_metrics
@tracer.capture_lambda_handler
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    with invocation.running(context):
        return _handle(event, context)


def _handle(event: dict, context: LambdaContext) -> dict:
    job_id = event.get("job_id")
    if job_id:  # woken by enqueue: just that job
        outcome = action_queue.work_one(str(job_id), context.get_remaining_time_in_millis())
        return {"job_id": job_id, "outcome": outcome}
    return run_job("action-queue", context, action_queue.work, idle_check=action_queue.is_idle)
