"""GET /catalog/products, /catalog/regions, /catalog/images: dropdown entries for the
module's ConfigOptions loaders; /catalog/applications: the one-click applications on offer."""

from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller.domain.applications import ApplicationList
from contabo_reseller.domain.catalog import ChoiceList
from contabo_reseller.http.api import create_api
from contabo_reseller.observability import logger, tracer
from contabo_reseller.services.catalog import choices
from contabo_reseller.services.compute import applications

api = create_api()


@api.get("/catalog/products")
def products() -> ChoiceList:
    return choices("products")


@api.get("/catalog/regions")
def regions() -> ChoiceList:
    return choices("regions")


@api.get("/catalog/images")
def images() -> ChoiceList:
    return choices("images")


@api.get("/catalog/applications")
def offered_applications() -> ApplicationList:
    return applications.list_applications(enabled_only=True)


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@tracer.capture_lambda_handler
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return api.resolve(event, context)
