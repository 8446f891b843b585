"""GET /services/{serviceId}: status and everything the client area and admin page show."""

from typing import Annotated

from aws_lambda_powertools.event_handler.openapi.params import Path, Query
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller.domain.service import ServiceView
from contabo_reseller.http.api import create_api
from contabo_reseller.observability import logger, tracer
from contabo_reseller.services.service_info import get_service

api = create_api()


@api.get("/services/<serviceId>")
def handle(
    serviceId: Annotated[str, Path(pattern=r"^[0-9]{1,12}$")],
    include_password: Annotated[bool, Query()] = False,
) -> ServiceView:
    return get_service(serviceId, include_password=include_password)


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@tracer.capture_lambda_handler(capture_response=False, capture_error=False)  # secrets pass
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return api.resolve(event, context)
