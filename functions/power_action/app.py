"""POST /services/{serviceId}/power/{action}: start, stop, shutdown, restart."""

from typing import Annotated, Literal

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Path
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller.domain.service import ServiceView
from contabo_reseller.http.api import actor, create_api, mutate
from contabo_reseller.observability import logger, tracer
from contabo_reseller.services import manage_service

api = create_api(calls_contabo=True)


@api.post("/services/<serviceId>/power/<action>", status_code=202)
def handle(
    serviceId: Annotated[str, Path(pattern=r"^[0-9]{1,12}$")],
    action: Annotated[Literal["start", "stop", "shutdown", "restart"], Path()],
) -> Response[ServiceView]:
    return mutate(api, lambda: manage_service.power(serviceId, action, actor(api)), status_code=202)


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@tracer.capture_lambda_handler
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return api.resolve(event, context)
