"""POST /admin/schedules/{job}/run (run a scheduled job now), GET /admin/schedules."""

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Path
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller.domain.jobs import ScheduleList, ScheduleRun
from contabo_reseller.http.api import create_api, mutate
from contabo_reseller.observability import logger, tracer
from contabo_reseller.services.jobs import scheduled_jobs

api = create_api()


@api.get("/admin/schedules")
def list_schedules() -> ScheduleList:
    return scheduled_jobs.list_schedules()


@api.post("/admin/schedules/<job>/run")
def run_now(job: Annotated[str, Path(max_length=40)]) -> Response[ScheduleRun]:
    return mutate(api, lambda: scheduled_jobs.run_now(job), 202)


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@tracer.capture_lambda_handler
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return api.resolve(event, context)
