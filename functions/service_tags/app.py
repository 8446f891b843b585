"""A service's tags: read them (client area, admin), set the admin's extra tags."""

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Body, Path
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller.domain.tags import SetTagsRequest, TagList
from contabo_reseller.http.api import actor, create_api, mutate
from contabo_reseller.observability import logger, tracer
from contabo_reseller.services import tags

api = create_api()

ServiceIdPath = Annotated[str, Path(pattern=r"^[0-9]{1,12}$")]


@api.get("/services/<serviceId>/tags")
def get_tags(serviceId: ServiceIdPath) -> TagList:
    return tags.get_tags(serviceId)


@api.put("/admin/services/<serviceId>/tags")
def set_tags(
    serviceId: ServiceIdPath, request: Annotated[SetTagsRequest, Body()]
) -> Response[TagList]:
    return mutate(api, lambda: tags.set_extra_tags(serviceId, request, actor(api)))


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@tracer.capture_lambda_handler
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return api.resolve(event, context)
