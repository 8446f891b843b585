"""POST /services/{serviceId}/create: CreateAccount. Records the order; the worker buys it."""

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Body, Path
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller.domain.service import CreateServiceRequest, ServiceView
from contabo_reseller.http.api import actor, create_api, mutate
from contabo_reseller.observability import logger, tracer
from contabo_reseller.services.create_service import create_service

api = create_api()


@api.post("/services/<serviceId>/create", status_code=202)
def create(
    serviceId: Annotated[str, Path(pattern=r"^[0-9]{1,12}$")],
    order: Annotated[CreateServiceRequest, Body()],
) -> Response[ServiceView]:
    return mutate(api, lambda: create_service(serviceId, order, actor(api)), status_code=202)


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@tracer.capture_lambda_handler(capture_response=False, capture_error=False)  # secrets pass
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return api.resolve(event, context)
