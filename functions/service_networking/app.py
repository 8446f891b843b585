"""A service's IP addresses and reverse DNS (list, set a PTR name, reset it to the default);
moving an extra IPv4 between the client's servers; the admin's spare extra IPs."""

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Body, Path, Query
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller.domain.networking import (
    AssignSpareIpRequest,
    IpAddressList,
    IpMoveView,
    MoveIpRequest,
    MoveTargetList,
    PtrView,
    SetPtrRequest,
    SpareIpList,
    SpareIpView,
)
from contabo_reseller.http.api import actor, create_api, mutate
from contabo_reseller.observability import logger, tracer
from contabo_reseller.services.networking import addresses as networking
from contabo_reseller.services.networking import extra_ips

api = create_api(calls_contabo=True)

ServiceIdPath = Annotated[str, Path(pattern=r"^[0-9]{1,12}$")]
IpPath = Annotated[str, Path(min_length=2, max_length=45, pattern=r"^[0-9A-Fa-f.:]+$")]


@api.get("/services/<serviceId>/ips")
def list_ips(serviceId: ServiceIdPath) -> IpAddressList:
    return networking.list_ips(serviceId)


@api.put("/services/<serviceId>/reverse-dns/<ip>")
def set_reverse_dns(
    serviceId: ServiceIdPath, ip: IpPath, request: Annotated[SetPtrRequest, Body()]
) -> Response[PtrView]:
    return mutate(api, lambda: networking.set_reverse_dns(serviceId, ip, request, actor(api)))


@api.delete("/services/<serviceId>/reverse-dns/<ip>")
def reset_reverse_dns(serviceId: ServiceIdPath, ip: IpPath) -> Response[PtrView]:
    return mutate(api, lambda: networking.reset_reverse_dns(serviceId, ip, actor(api)))


@api.get("/services/<serviceId>/ips/move-targets")
def move_targets(serviceId: ServiceIdPath) -> MoveTargetList:
    return extra_ips.move_targets(serviceId)


@api.post("/services/<serviceId>/ips/<ip>/move")
def move_ip(
    serviceId: ServiceIdPath, ip: IpPath, request: Annotated[MoveIpRequest, Body()]
) -> Response[IpMoveView]:
    return mutate(api, lambda: extra_ips.move_ip(serviceId, ip, request, actor(api)))


@api.get("/admin/ips/spare")
def list_spare_ips(
    region: Annotated[str | None, Query(max_length=20, pattern=r"^[A-Za-z-]+$")] = None,
) -> SpareIpList:
    return extra_ips.list_spare_ips(region)


@api.post("/admin/services/<serviceId>/ips")
def assign_spare_ip(
    serviceId: ServiceIdPath, request: Annotated[AssignSpareIpRequest, Body()]
) -> Response[SpareIpView]:
    return mutate(api, lambda: extra_ips.assign_spare_ip(serviceId, request, actor(api)))


@api.delete("/admin/services/<serviceId>/ips/<ip>")
def unassign_ip(serviceId: ServiceIdPath, ip: IpPath) -> Response[SpareIpView]:
    return mutate(api, lambda: extra_ips.unassign_ip(serviceId, ip, actor(api)))


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@tracer.capture_lambda_handler
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return api.resolve(event, context)
