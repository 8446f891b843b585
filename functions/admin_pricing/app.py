"""GET/PUT /admin/pricing (costs and margin rules), GET /admin/pricing/export?currency=EUR."""

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Body, Query
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller.domain.pricing import PricingConfig, PricingExport
from contabo_reseller.http.api import actor, create_api, mutate
from contabo_reseller.observability import logger, tracer
from contabo_reseller.services.billing import pricing

api = create_api()


@api.get("/admin/pricing")
def current() -> PricingConfig:
    return pricing.get_pricing()


@api.put("/admin/pricing")
def replace(request: Annotated[PricingConfig, Body()]) -> Response[PricingConfig]:
    return mutate(api, lambda: pricing.put_pricing(request, actor(api)))


@api.get("/admin/pricing/export")
def export(currency: Annotated[str, Query(pattern=r"^[A-Z]{3}$")] = "EUR") -> PricingExport:
    return pricing.export(currency)


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@tracer.capture_lambda_handler
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return api.resolve(event, context)
