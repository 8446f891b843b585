"""A service's IP addresses and their reverse DNS (PTR) names.

Only the service's own addresses (primary IPv4/IPv6, additional IPs and VIPs assigned to its
instance, as the provider reports them now) can be changed; any other address answers 404.
The provider keeps an IPv4 PTR forever, so the one it had before the first change is
remembered in the service row and "reset" puts it back; an IPv6 PTR is deleted (the provider
then shows its default again, if it has one).
"""

from __future__ import annotations

import uuid
from typing import Protocol

from contabo_reseller.adapters import service_store
from contabo_reseller.adapters.tables import ServiceRecord
from contabo_reseller.domain.errors import NotFound
from contabo_reseller.domain.networking import (
    InstanceAddresses,
    IpAddressList,
    IpAddressView,
    PtrView,
    SetPtrRequest,
    parse_ip,
)
from contabo_reseller.services.service_policy import (
    changing,
    instance_id_of,
    readable,
    require_compute,
)


class AddressGateway(Protocol):
    def addresses(self, instance_id: int) -> InstanceAddresses: ...

    def ptr_names(self, ips: list[str]) -> dict[str, str]: ...

    def set_ptr(self, ip: str, ptr: str) -> None: ...

    def remove_ptr(self, ip: str) -> None: ...


def address_gateway_for(service_id: str, trace_id: str) -> AddressGateway:
    from contabo_reseller.adapters.contabo.networking import ContaboNetworking

    return ContaboNetworking(service_id, trace_id)


def list_ips(service_id: str) -> IpAddressList:
    record = readable(service_id)
    require_compute(record)
    if not record.resource_id:
        return IpAddressList(items=[])
    gateway = address_gateway_for(service_id, str(uuid.uuid4()))
    entries = gateway.addresses(int(record.resource_id)).entries()
    names = gateway.ptr_names([ip for ip, _, _ in entries])
    return IpAddressList(
        items=[
            IpAddressView(ip=ip, version=version, type=kind, ptr=names.get(ip))
            for ip, version, kind in entries
        ]
    )


def set_reverse_dns(service_id: str, ip_text: str, request: SetPtrRequest, actor: str) -> PtrView:
    ip, version = parse_ip(ip_text)
    with changing(service_id, "set_reverse_dns", actor) as action:
        record = action.record
        gateway = _own_address(record, ip, action.trace_id)
        if version == 4:
            _remember_default(record, gateway, ip)
        gateway.set_ptr(ip, request.ptr)
        action.message = f"{ip} -> {request.ptr}"
        return PtrView(ip=ip, ptr=request.ptr)


def reset_reverse_dns(service_id: str, ip_text: str, actor: str) -> PtrView:
    ip, version = parse_ip(ip_text)
    with changing(service_id, "reset_reverse_dns", actor) as action:
        record = action.record
        gateway = _own_address(record, ip, action.trace_id)
        if version == 6:
            gateway.remove_ptr(ip)
            action.message = f"{ip} reset"
            return PtrView(ip=ip, ptr=gateway.ptr_names([ip]).get(ip))
        defaults = dict(record.details.get("ptr_defaults") or {})
        if ip not in defaults:  # never changed here: what it has now is the default
            return PtrView(ip=ip, ptr=gateway.ptr_names([ip]).get(ip))
        default = defaults.pop(ip)
        gateway.set_ptr(ip, default)
        service_store.update(record, details={"ptr_defaults": defaults})
        action.message = f"{ip} reset"
        return PtrView(ip=ip, ptr=default or None)


def _own_address(record: ServiceRecord, ip: str, trace_id: str) -> AddressGateway:
    """The gateway, once ``ip`` is known to be one of the service's addresses (else 404)."""
    require_compute(record)
    gateway = address_gateway_for(record.service_id, trace_id)
    addresses = gateway.addresses(instance_id_of(record))
    # What the provider reports now also refreshes the additional IPs the service view shows.
    additional = sorted(own for own, _, kind in addresses.entries() if kind == "additional")
    if additional != sorted(record.details.get("additional_ips") or []):
        service_store.update(record, details={"additional_ips": additional})
    if not addresses.owns(ip):
        raise NotFound(
            f"The address {ip} does not belong to this service.",
            message_code="ip_not_this_service",
            params={"ip": str(ip)},
        )
    return gateway


def _remember_default(record: ServiceRecord, gateway: AddressGateway, ip: str) -> None:
    defaults = dict(record.details.get("ptr_defaults") or {})
    if ip in defaults:
        return
    defaults[ip] = gateway.ptr_names([ip]).get(ip, "")
    service_store.update(record, details={"ptr_defaults": defaults})
