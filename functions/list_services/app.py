"""GET /services: every service the backend knows (WHMCS import and server sync).
POST /services/status-batch: many services' status in one call (the module's cron hook)."""

from typing import Annotated

from aws_lambda_powertools.event_handler.openapi.params import Body, Query
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller.domain.service import ServiceList, StatusBatch, StatusBatchRequest
from contabo_reseller.http.api import create_api
from contabo_reseller.http.auth import installation
from contabo_reseller.observability import logger, tracer
from contabo_reseller.services.service_info import list_services, status_batch

api = create_api()


@api.get("/services")
def handle(
    state: Annotated[str | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 100,
    cursor: Annotated[str | None, Query(max_length=2048)] = None,
) -> ServiceList:
    return list_services(state, limit, cursor, installation(api))


@api.post("/services/status-batch")
def handle_batch(request: Annotated[StatusBatchRequest, Body()]) -> StatusBatch:
    return status_batch(request.service_ids, installation(api))


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@tracer.capture_lambda_handler
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return api.resolve(event, context)
