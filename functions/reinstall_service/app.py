"""GET /services/{serviceId}/images and POST /services/{serviceId}/reinstall."""

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Body, Path
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller.domain.compute import ImageList, ReinstallRequest
from contabo_reseller.domain.service import ServiceView
from contabo_reseller.http.api import actor, create_api, mutate
from contabo_reseller.observability import logger, tracer
from contabo_reseller.services import compute_reinstall

api = create_api()

ServiceIdPath = Annotated[str, Path(pattern=r"^[0-9]{1,12}$")]


@api.get("/services/<serviceId>/images")
def images(serviceId: ServiceIdPath) -> ImageList:
    return compute_reinstall.list_images(serviceId)


@api.post("/services/<serviceId>/reinstall", status_code=202)
def reinstall(
    serviceId: ServiceIdPath, request: Annotated[ReinstallRequest, Body()]
) -> Response[ServiceView]:
    return mutate(
        api,
        lambda: compute_reinstall.reinstall(serviceId, request, actor(api)),
        status_code=202,
        reveal=lambda answer: compute_reinstall.reveal_root_password(serviceId, answer),
    )


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@tracer.capture_lambda_handler(capture_response=False, capture_error=False)  # secrets pass
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return api.resolve(event, context)
