"""A service's firewall: read (with the presets), replace the rules, apply a preset, delete."""

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Body, Path
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller.domain.firewall import FirewallRulesRequest, FirewallState, FirewallView
from contabo_reseller.domain.service import Deleted, EmptyRequest
from contabo_reseller.http.api import actor, create_api, mutate
from contabo_reseller.observability import logger, tracer
from contabo_reseller.services import firewall

api = create_api()

ServiceIdPath = Annotated[str, Path(pattern=r"^[0-9]{1,12}$")]
PresetPath = Annotated[str, Path(pattern=r"^[a-z0-9-]{1,40}$")]


@api.get("/services/<serviceId>/firewall")
def get_firewall(serviceId: ServiceIdPath) -> FirewallState:
    return firewall.get_firewall(serviceId)


@api.put("/services/<serviceId>/firewall")
def set_rules(
    serviceId: ServiceIdPath, request: Annotated[FirewallRulesRequest, Body()]
) -> Response[FirewallView]:
    return mutate(api, lambda: firewall.set_rules(serviceId, request, actor(api)))


@api.post("/services/<serviceId>/firewall/presets/<preset>")
def apply_preset(
    serviceId: ServiceIdPath, preset: PresetPath, request: Annotated[EmptyRequest, Body()]
) -> Response[FirewallView]:
    return mutate(api, lambda: firewall.apply_preset(serviceId, preset, actor(api)))


@api.delete("/services/<serviceId>/firewall")
def delete_firewall(serviceId: ServiceIdPath) -> Response[Deleted]:
    return mutate(api, lambda: firewall.delete_firewall(serviceId, actor(api)))


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@tracer.capture_lambda_handler
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return api.resolve(event, context)
