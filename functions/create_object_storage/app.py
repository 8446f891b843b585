"""POST /services/{serviceId}/object-storage: CreateAccount for an object storage product.
Records the order (its region claimed); the provisioning worker buys it."""

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Body, Path
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller.domain.object_storage.product import CreateObjectStorageRequest
from contabo_reseller.domain.service import ServiceView
from contabo_reseller.http.api import actor, create_api, mutate
from contabo_reseller.observability import logger, tracer
from contabo_reseller.services.object_storage import management as object_storage

api = create_api()


@api.post("/services/<serviceId>/object-storage", status_code=202)
def create(
    serviceId: Annotated[str, Path(pattern=r"^[0-9]{1,12}$")],
    order: Annotated[CreateObjectStorageRequest, Body()],
) -> Response[ServiceView]:
    return mutate(api, lambda: object_storage.order(serviceId, order, actor(api)), status_code=202)


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@tracer.capture_lambda_handler
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return api.resolve(event, context)
