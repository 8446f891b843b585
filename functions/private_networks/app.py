"""Private networks of a service's client: list, create, join, leave; a private network sold
as its own product (CreateAccount, TerminateAccount)."""

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Body, Path
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller.domain.private_networks import (
    ConfirmRequest,
    CreatePrivateNetworkProductRequest,
    CreatePrivateNetworkRequest,
    PrivateNetworkList,
    PrivateNetworkView,
)
from contabo_reseller.domain.service import ServiceView
from contabo_reseller.http.api import actor, create_api, mutate
from contabo_reseller.observability import logger, tracer
from contabo_reseller.services import private_networks
from contabo_reseller.services.networking import private_network_product

api = create_api()

ServiceIdPath = Annotated[str, Path(pattern=r"^[0-9]{1,12}$")]
NetworkIdPath = Annotated[int, Path(ge=1, le=10**15)]


@api.get("/services/<serviceId>/private-networks")
def list_networks(serviceId: ServiceIdPath) -> PrivateNetworkList:
    return private_networks.list_networks(serviceId)


@api.post("/services/<serviceId>/private-networks", status_code=201)
def create_network(
    serviceId: ServiceIdPath, request: Annotated[CreatePrivateNetworkRequest, Body()]
) -> Response[PrivateNetworkView]:
    return mutate(
        api,
        lambda: private_networks.create_network(serviceId, request, actor(api)),
        status_code=201,
    )


@api.post("/services/<serviceId>/private-networks/<networkId>/join", status_code=202)
def join_network(
    serviceId: ServiceIdPath, networkId: NetworkIdPath, request: Annotated[ConfirmRequest, Body()]
) -> Response[PrivateNetworkView]:
    return mutate(
        api,
        lambda: private_networks.join_network(serviceId, networkId, request, actor(api)),
        status_code=202,
    )


@api.post("/services/<serviceId>/private-networks/<networkId>/leave", status_code=202)
def leave_network(
    serviceId: ServiceIdPath, networkId: NetworkIdPath, request: Annotated[ConfirmRequest, Body()]
) -> Response[PrivateNetworkView]:
    return mutate(
        api,
        lambda: private_networks.leave_network(serviceId, networkId, request, actor(api)),
        status_code=202,
    )


@api.post("/services/<serviceId>/private-network", status_code=201)
def create_product(
    serviceId: ServiceIdPath, request: Annotated[CreatePrivateNetworkProductRequest, Body()]
) -> Response[ServiceView]:
    return mutate(
        api,
        lambda: private_network_product.create(serviceId, request, actor(api)),
        status_code=201,
    )


@api.post("/services/<serviceId>/private-network/terminate")
def terminate_product(serviceId: ServiceIdPath) -> Response[ServiceView]:
    return mutate(api, lambda: private_network_product.terminate(serviceId, actor(api)))


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@tracer.capture_lambda_handler
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return api.resolve(event, context)
