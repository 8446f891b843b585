"""POST /admin/orders/simulate: an order checked as CreateAccount checks it, and the purchase
Contabo would receive, without buying or recording anything."""

from typing import Annotated

from aws_lambda_powertools.event_handler.openapi.params import Body
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller.domain.order_simulation import OrderSimulation, SimulateOrderRequest
from contabo_reseller.http.api import create_api
from contabo_reseller.http.auth import installation
from contabo_reseller.observability import logger, tracer
from contabo_reseller.services import order_simulation

api = create_api()


@api.post("/admin/orders/simulate")
def simulate_order(request: Annotated[SimulateOrderRequest, Body()]) -> OrderSimulation:
    return order_simulation.simulate(request, installation(api))


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@tracer.capture_lambda_handler
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return api.resolve(event, context)
