"""GET /admin/catalog, GET /admin/catalog/diff, PUT /admin/catalog/products/{productId}; the
one-click application catalogue (/admin/applications)."""

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Body, Path
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller.domain.applications import (
    APPLICATION_KEY,
    ApplicationList,
    ApplicationRequest,
    ApplicationView,
)
from contabo_reseller.domain.catalog import (
    CatalogDiff,
    CatalogView,
    OverrideResult,
    ProductOverride,
)
from contabo_reseller.domain.service import Deleted
from contabo_reseller.http.api import actor, create_api, mutate
from contabo_reseller.observability import logger, tracer
from contabo_reseller.services import catalog
from contabo_reseller.services.compute import applications

api = create_api()


@api.get("/admin/catalog")
def current() -> CatalogView:
    return catalog.catalog_view()


@api.get("/admin/catalog/diff")
def diff() -> CatalogDiff:
    return catalog.last_diff()


@api.put("/admin/catalog/products/<productId>")
def override(
    productId: Annotated[str, Path(pattern=r"^V[0-9]{1,4}$")],
    request: Annotated[ProductOverride, Body()],
) -> Response[OverrideResult]:
    return mutate(api, lambda: catalog.set_product_override(productId, request, actor(api)))


ApplicationKey = Annotated[str, Path(pattern=APPLICATION_KEY)]


@api.get("/admin/applications")
def list_applications() -> ApplicationList:
    return applications.list_applications()


@api.put("/admin/applications/<key>")
def put_application(
    key: ApplicationKey, request: Annotated[ApplicationRequest, Body()]
) -> Response[ApplicationView]:
    return mutate(api, lambda: applications.put_application(key, request))


@api.delete("/admin/applications/<key>")
def delete_application(key: ApplicationKey) -> Response[Deleted]:
    return mutate(api, lambda: applications.delete_application(key))


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@tracer.capture_lambda_handler
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return api.resolve(event, context)
