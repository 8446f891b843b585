"""GET /services/{serviceId}/usage: recorded usage for the module's UsageUpdate and its
MetricProvider; the latest day, or ``from``..``to`` (YYYY-MM-DD)."""

from datetime import date
from typing import Annotated

from aws_lambda_powertools.event_handler.openapi.params import Path, Query
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller.domain.usage import UsageList
from contabo_reseller.http.api import create_api
from contabo_reseller.observability import logger, tracer
from contabo_reseller.services.billing.usage import service_usage

api = create_api()


@api.get("/services/<serviceId>/usage")
def handle(
    serviceId: Annotated[str, Path(pattern=r"^[0-9]{1,12}$")],
    first: Annotated[date | None, Query(alias="from")] = None,
    last: Annotated[date | None, Query(alias="to")] = None,
) -> UsageList:
    return service_usage(serviceId, first, last)


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@tracer.capture_lambda_handler
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return api.resolve(event, context)
