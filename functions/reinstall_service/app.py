"""GET /services/{serviceId}/images and POST /services/{serviceId}/reinstall; the client's own
custom images (upload from a URL, list with the account's quota, delete)."""

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Body, Path
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller.domain.compute import ImageList, ReinstallRequest
from contabo_reseller.domain.custom_images import (
    CustomImageList,
    CustomImageRequest,
    CustomImageView,
)
from contabo_reseller.domain.service import Deleted, ServiceView
from contabo_reseller.http.api import actor, create_api, mutate
from contabo_reseller.observability import logger, tracer
from contabo_reseller.services import compute_reinstall
from contabo_reseller.services.compute import custom_images

api = create_api(calls_contabo=True)

ServiceIdPath = Annotated[str, Path(pattern=r"^[0-9]{1,12}$")]
ImageIdPath = Annotated[str, Path(pattern=r"^[A-Za-z0-9-]{1,64}$")]


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


@api.get("/services/<serviceId>/custom-images")
def list_custom_images(serviceId: ServiceIdPath) -> CustomImageList:
    return custom_images.list_custom_images(serviceId)


@api.post("/services/<serviceId>/custom-images", status_code=201)
def upload_custom_image(
    serviceId: ServiceIdPath, request: Annotated[CustomImageRequest, Body()]
) -> Response[CustomImageView]:
    return mutate(
        api, lambda: custom_images.upload(serviceId, request, actor(api)), status_code=201
    )


@api.delete("/services/<serviceId>/custom-images/<imageId>")
def delete_custom_image(serviceId: ServiceIdPath, imageId: ImageIdPath) -> Response[Deleted]:
    return mutate(api, lambda: custom_images.delete(serviceId, imageId, actor(api)))


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@tracer.capture_lambda_handler(capture_response=False, capture_error=False)  # secrets pass
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return api.resolve(event, context)
