"""POST /services/{serviceId}/terminate"""

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Body, Path
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller.domain.service import ServiceView, TerminateRequest
from contabo_reseller.http.api import actor, create_api, mutate
from contabo_reseller.observability import logger, tracer
from contabo_reseller.services import manage_service

api = create_api(calls_contabo=True)


@api.post("/services/<serviceId>/terminate")
def handle(
    serviceId: Annotated[str, Path(pattern=r"^[0-9]{1,12}$")],
    request: Annotated[TerminateRequest, Body()],
) -> Response[ServiceView]:
    return mutate(api, lambda: manage_service.terminate(serviceId, request, actor(api)))


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@tracer.capture_lambda_handler
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return api.resolve(event, context)
