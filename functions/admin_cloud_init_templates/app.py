"""The cloud-init template library: list, put, delete, preview (render and validate)."""

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Body, Path
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller.domain.cloud_init_templates import (
    CloudInitTemplate,
    PreviewRequest,
    PreviewResult,
    TemplateBody,
    TemplateList,
)
from contabo_reseller.domain.service import Deleted
from contabo_reseller.http.api import create_api, mutate
from contabo_reseller.observability import logger, tracer
from contabo_reseller.services import cloud_init_templates

api = create_api()

NamePath = Annotated[str, Path(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")]


@api.get("/admin/cloud-init-templates")
def list_templates() -> TemplateList:
    return cloud_init_templates.list_templates()


@api.post("/admin/cloud-init-templates/preview")
def preview(request: Annotated[PreviewRequest, Body()]) -> PreviewResult:
    return cloud_init_templates.preview_template(request)


@api.put("/admin/cloud-init-templates/<name>")
def put_template(
    name: NamePath, request: Annotated[TemplateBody, Body()]
) -> Response[CloudInitTemplate]:
    return mutate(api, lambda: cloud_init_templates.put_template(name, request))


@api.delete("/admin/cloud-init-templates/<name>")
def delete_template(name: NamePath) -> Response[Deleted]:
    return mutate(api, lambda: cloud_init_templates.delete_template(name))


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@tracer.capture_lambda_handler
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return api.resolve(event, context)
