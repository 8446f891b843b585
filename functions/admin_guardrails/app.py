"""GET/PUT /admin/products/{whmcsProductId}/guardrails: what a product's customers may do."""

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Body, Path
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller.domain.guardrails import Guardrails
from contabo_reseller.http.api import create_api, mutate
from contabo_reseller.observability import logger, tracer
from contabo_reseller.services import guardrails

api = create_api()

ProductIdPath = Annotated[str, Path(pattern=r"^[0-9]{1,12}$")]


@api.get("/admin/products/<whmcsProductId>/guardrails")
def get_guardrails(whmcsProductId: ProductIdPath) -> Guardrails:
    return guardrails.get_guardrails(whmcsProductId)


@api.put("/admin/products/<whmcsProductId>/guardrails")
def put_guardrails(
    whmcsProductId: ProductIdPath, request: Annotated[Guardrails, Body()]
) -> Response[Guardrails]:
    return mutate(api, lambda: guardrails.put_guardrails(whmcsProductId, request))


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@tracer.capture_lambda_handler
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return api.resolve(event, context)
