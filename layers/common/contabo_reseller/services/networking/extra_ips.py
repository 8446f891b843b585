"""Extra IPv4 addresses (the provider's VIPs): the client moves one between their own servers,
the admin gives a spare one to a service or takes one back.

Walls: an address moves only from a server that holds it now (as the provider reports it) to
another server of the same WHMCS client in the same region; any other service answers 404,
exactly as an unknown one does. Both services are locked and must be changeable (a suspended
service neither gives nor receives an address). Usage billing needs nothing here: the usage
sync counts each instance's extra addresses as the provider reports them.
"""

from __future__ import annotations

import uuid
from typing import Protocol

from contabo_reseller.adapters import service_store
from contabo_reseller.adapters.tables import ServiceRecord
from contabo_reseller.domain import installations
from contabo_reseller.domain.errors import ActionRefused, InvalidInput, NotFound
from contabo_reseller.domain.networking import (
    AssignSpareIpRequest,
    IpMoveView,
    MoveIpRequest,
    MoveTargetList,
    MoveTargetView,
    SpareIpList,
    SpareIpView,
    VipFacts,
    parse_ip,
)
from contabo_reseller.services.actions import service_action
from contabo_reseller.services.jobs.action_queue import QueuedJob, enqueue, handles
from contabo_reseller.services.service_policy import changing, instance_id_of, readable

RETURN_IP = "extra_ip_return"  # the action-queue job that finishes a failed move

NOT_YOUR_SERVER = "Service {target} is not one of your servers."
NOT_AN_EXTRA_IP = "The address {ip} is not an extra IP of this service."
OTHER_REGION = (
    "The address {ip} belongs to region {ip_region} and cannot move to a server in region "
    "{target_region}. Extra IPs move only between servers in the same region."
)
NOT_SPARE = "The address {ip} is not a spare extra IP of the account (it is unknown or in use)."


class ExtraIpGateway(Protocol):
    def vip(self, ip: str) -> VipFacts | None: ...

    def spare_vips(self, region: str | None = None) -> list[VipFacts]: ...

    def instance_region(self, instance_id: int) -> str: ...

    def assign_vip(self, ip: str, instance_id: int) -> None: ...

    def unassign_vip(self, ip: str, instance_id: int) -> None: ...


def extra_ip_gateway_for(service_id: str, trace_id: str) -> ExtraIpGateway:
    from contabo_reseller.adapters.contabo.networking import ContaboNetworking

    return ContaboNetworking(service_id, trace_id)


def require_orderable_quantity(quantity: int) -> None:
    """More than one extra IPv4 in one order needs the add-on's product-list id (set by the
    reseller); refused at CreateAccount, before anything is recorded or bought."""
    from contabo_reseller.adapters.contabo.orders import additional_ipv4_addon_id

    if quantity > 1 and additional_ipv4_addon_id() is None:
        raise InvalidInput(
            f"This order asks for {quantity} extra IPv4 addresses; at most 1 can be ordered "
            "with a server here. Order 1 and ask support for more.",
            message_code="extra_ip_quantity",
            params={"quantity": quantity},
        )


def move_ip(service_id: str, ip_text: str, request: MoveIpRequest, actor: str) -> IpMoveView:
    """Moves the extra IPv4 ``ip_text`` from this service's server to another of the client's."""
    ip = _ipv4(ip_text)
    # The body's id is the caller's WHMCS id: scoped like the path's (http.auth), so a
    # target is only ever looked for among the caller's own installation's services.
    installation = installations.installation_of(service_id)
    target_id = installations.scoped_id(installation, request.target_service_id)
    if target_id == service_id:
        raise InvalidInput(
            "The address is already on this server; choose another server.",
            message_code="extra_ip_same_server",
        )
    with changing(service_id, "move_ip", actor) as source_action:
        source = source_action.record
        _require_clients_other_server(source, target_id)
        with changing(target_id, "receive_ip", actor) as target_action:
            gateway = extra_ip_gateway_for(service_id, source_action.trace_id)
            source_instance = instance_id_of(source)
            target_instance = instance_id_of(target_action.record)
            vip = gateway.vip(ip)
            if vip is None or vip.instance_id != source_instance:
                raise NotFound(
                    NOT_AN_EXTRA_IP.format(ip=ip),
                    message_code="extra_ip_not_this_service",
                    params={"ip": ip},
                )
            _require_same_region(vip, gateway.instance_region(target_instance))
            _move(gateway, ip, source_instance, target_instance, service_id)
            _remember(source_action.record, remove=ip)
            _remember(target_action.record, add=ip)
            source_action.message = f"{ip} moved to service {target_id}"
            target_action.message = f"{ip} received from service {service_id}"
    return IpMoveView(
        ip=ip,
        from_service_id=installations.whmcs_id(service_id),
        to_service_id=request.target_service_id,
    )


def move_targets(service_id: str) -> MoveTargetList:
    """The client's other active, unsuspended servers in this service's region."""
    source = readable(service_id)
    if source.kind != "compute" or not source.client_id:
        return MoveTargetList(items=[])
    return MoveTargetList(
        items=[
            MoveTargetView(
                service_id=installations.whmcs_id(record.service_id),  # as WHMCS knows it
                hostname=record.details.get("hostname"),
                ipv4=record.details.get("ipv4"),
            )
            for record in service_store.active_of_client(
                installations.installation_of(service_id), source.client_id
            )
            if record.service_id != service_id
            and record.kind == "compute"
            and record.region == source.region
            and record.resource_id
            and not record.details.get("suspended")
        ]
    )


def list_spare_ips(region: str | None = None) -> SpareIpList:
    """Admin: the account's extra IPv4 addresses on no server (to give to a service)."""
    gateway = extra_ip_gateway_for("admin", str(uuid.uuid4()))
    return SpareIpList(
        items=[SpareIpView(ip=vip.ip, region=vip.region) for vip in gateway.spare_vips(region)]
    )


def assign_spare_ip(service_id: str, request: AssignSpareIpRequest, actor: str) -> SpareIpView:
    """Admin: gives a spare extra IPv4 of the account to the service's server."""
    ip = _ipv4(request.ip)
    with changing(service_id, "assign_ip", actor) as action:
        instance_id = instance_id_of(action.record)
        gateway = extra_ip_gateway_for(service_id, action.trace_id)
        vip = gateway.vip(ip)
        if vip is None or vip.instance_id is not None:
            raise ActionRefused(
                NOT_SPARE.format(ip=ip), message_code="extra_ip_not_spare", params={"ip": ip}
            )
        region = gateway.instance_region(instance_id)
        _require_same_region(vip, region)
        gateway.assign_vip(ip, instance_id)
        _remember(action.record, add=ip)
        action.message = f"{ip} assigned"
        return SpareIpView(ip=ip, region=region)


def unassign_ip(service_id: str, ip_text: str, actor: str) -> SpareIpView:
    """Admin: takes an extra IPv4 back from the service's server; the account keeps it spare."""
    ip = _ipv4(ip_text)
    with changing(service_id, "unassign_ip", actor) as action:
        instance_id = instance_id_of(action.record)
        gateway = extra_ip_gateway_for(service_id, action.trace_id)
        vip = gateway.vip(ip)
        if vip is None or vip.instance_id != instance_id:
            raise NotFound(
                NOT_AN_EXTRA_IP.format(ip=ip),
                message_code="extra_ip_not_this_service",
                params={"ip": ip},
            )
        gateway.unassign_vip(ip, instance_id)
        _remember(action.record, remove=ip)
        action.message = f"{ip} unassigned"
        return SpareIpView(ip=ip, region=vip.region)


def _ipv4(text: str) -> str:
    ip, version = parse_ip(text)
    if version != 4:
        raise InvalidInput(
            f"{ip} is an IPv6 address; only extra IPv4 addresses move.",
            message_code="extra_ip_ipv6",
            params={"ip": ip},
        )
    return ip


def _require_clients_other_server(source: ServiceRecord, target_id: str) -> None:
    """The target (``target_id``, installation-scoped; named as WHMCS knows it) must be a
    server of the same WHMCS client; else 404, the same answer as for a service that does not
    exist (nothing is told about another client's)."""
    try:
        target: ServiceRecord | None = readable(target_id)
    except NotFound:
        target = None
    if (
        target is None
        or target.kind != "compute"
        or not source.client_id
        or target.client_id != source.client_id
        or target.state == "terminated"
    ):
        asked = installations.whmcs_id(target_id)
        raise NotFound(
            NOT_YOUR_SERVER.format(target=asked),
            message_code="extra_ip_target_not_yours",
            params={"target": asked},
        )


def _require_same_region(vip: VipFacts, target_region: str) -> None:
    if target_region != vip.region:
        raise ActionRefused(
            OTHER_REGION.format(ip=vip.ip, ip_region=vip.region, target_region=target_region),
            details={"ip_region": vip.region, "target_region": target_region},
            message_code="extra_ip_other_region",
            params={"ip": vip.ip, "ip_region": vip.region, "target_region": target_region},
        )


def _move(gateway: ExtraIpGateway, ip: str, source: int, target: int, service_id: str) -> None:
    """Unassign, then assign; if the assign fails the address goes back where it was, and if
    that fails too the action queue puts it back (the admin sees the job until it is done)."""
    gateway.unassign_vip(ip, source)
    try:
        gateway.assign_vip(ip, target)
    except Exception:
        try:
            gateway.assign_vip(ip, source)
        except Exception:
            payload = {"ip": ip, "instance_id": source}
            enqueue(service_id, RETURN_IP, payload, "move_ip", key=ip)
        raise


@handles(RETURN_IP)
def return_ip(job: QueuedJob) -> str:
    """Puts an extra IP back on the server it was moved away from, if it is still spare."""
    assert job.service_id
    ip, instance_id = str(job.payload["ip"]), int(job.payload["instance_id"])
    with service_action(job.service_id, RETURN_IP, actor="action-queue") as action:
        gateway = extra_ip_gateway_for(job.service_id, action.trace_id)
        vip = gateway.vip(ip)
        if vip is None or vip.instance_id is not None:
            action.message = f"{ip} is no longer spare; left where it is"
            return action.message
        gateway.assign_vip(ip, instance_id)
        _remember(action.record, add=ip)
        action.message = f"{ip} returned"
        return action.message


def _remember(record: ServiceRecord, *, add: str | None = None, remove: str | None = None) -> None:
    """Keeps the service view's additional IPs in step with the provider."""
    ips = set(record.details.get("additional_ips") or [])
    if add:
        ips.add(add)
    if remove:
        ips.discard(remove)
    service_store.update(record, details={"additional_ips": sorted(ips)})
