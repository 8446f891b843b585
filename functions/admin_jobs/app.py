"""GET /admin/jobs, POST /admin/jobs/{jobId}/retry|skip|done: the action queue for the admin."""

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Path, Query
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller.domain.jobs import JobList, JobStatus, JobView
from contabo_reseller.http.api import create_api, mutate
from contabo_reseller.http.auth import installation
from contabo_reseller.observability import logger, tracer
from contabo_reseller.services.jobs import action_queue

api = create_api()
JobId = Annotated[str, Path(pattern=r"^[A-Za-z0-9_.:-]{1,200}$")]


@api.get("/admin/jobs")
def list_jobs(
    status: Annotated[JobStatus, Query()] = "parked",
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=2048)] = None,
) -> JobList:
    return action_queue.list_jobs(status, limit, cursor, installation(api))


@api.post("/admin/jobs/<jobId>/retry")
def retry(jobId: JobId) -> Response[JobView]:
    return mutate(api, lambda: action_queue.retry(jobId, installation(api)))


@api.post("/admin/jobs/<jobId>/skip")
def skip(jobId: JobId) -> Response[JobView]:
    return mutate(api, lambda: action_queue.skip(jobId, installation(api)))


@api.post("/admin/jobs/<jobId>/done")
def done(jobId: JobId) -> Response[JobView]:
    return mutate(api, lambda: action_queue.mark_done(jobId, installation(api)))


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@tracer.capture_lambda_handler
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return api.resolve(event, context)
