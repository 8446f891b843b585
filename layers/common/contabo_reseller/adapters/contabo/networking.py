"""The networking ports (services.networking, services.private_networks) on the Contabo client.

Contabo's reverse DNS rules live here: an IPv4 PTR always exists and can only be changed
(PUT); an IPv6 PTR is created (POST) and deleted. Additional IPs come from the instance's
``additionalIps`` and from the VIPs assigned to it.
"""

from __future__ import annotations

import contextlib
import ipaddress
from typing import Any

from contabo_reseller import invocation
from contabo_reseller.adapters.contabo.client import ContaboClient, get_contabo_client
from contabo_reseller.adapters.contabo.errors import ContaboNotFound
from contabo_reseller.domain.networking import InstanceAddresses, VipFacts
from contabo_reseller.domain.private_networks import NetworkFacts

PTR_TTL_SECONDS = 86400


class ContaboNetworking:
    def __init__(self, service_id: str, trace_id: str, client: ContaboClient | None = None):
        self._client = (client or get_contabo_client()).for_service(service_id, trace_id)

    # Addresses and reverse DNS --------------------------------------------------------------

    def addresses(self, instance_id: int) -> InstanceAddresses:
        # The instance and its VIPs are independent Contabo round trips: read at once.
        instance, vips = invocation.concurrently(
            lambda: self._client.get_instance(instance_id),
            lambda: list(
                self._client.list_vips(resource_id=str(instance_id), resource_type="instances")
            ),
        )
        ip_config = instance.ip_config
        additional = [extra.v4.ip for extra in instance.additional_ips if extra.v4]
        for vip in vips:
            # The filter is the provider's; the check keeps another server's VIP out regardless.
            if vip.resource_id == str(instance_id) and vip.v4 is not None:
                additional.append(vip.v4.ip)
        return InstanceAddresses(
            ipv4=ip_config.v4.ip if ip_config and ip_config.v4 else None,
            ipv6=ip_config.v6.ip if ip_config and ip_config.v6 else None,
            additional=additional,
        )

    def ptr_names(self, ips: list[str]) -> dict[str, str]:
        if not ips:
            return {}
        wanted = set(ips)
        return {
            _canonical(record.ip): record.ptr
            for record in self._client.list_ptr_records(ips=ips)
            if _canonical(record.ip) in wanted and record.ptr
        }

    def set_ptr(self, ip: str, ptr: str) -> None:
        if _version(ip) == 6 and not self._ptr_exists(ip):
            self._client.create_ptr_record(ip, ptr, ttl=PTR_TTL_SECONDS)
            return
        self._client.update_ptr_record(ip, ptr)

    def remove_ptr(self, ip: str) -> None:
        """IPv6 only: Contabo keeps an IPv4 PTR, which is reset by setting its default."""
        with contextlib.suppress(ContaboNotFound):
            self._client.delete_ptr_record(ip)

    def _ptr_exists(self, ip: str) -> bool:
        try:
            self._client.get_ptr_record(ip)
        except ContaboNotFound:
            return False
        return True

    # Extra IPv4 addresses (VIPs) ----------------------------------------------------------------

    def vip(self, ip: str) -> VipFacts | None:
        """The account's extra IPv4 ``ip`` (None when the account holds no such VIP)."""
        for vip in self._client.list_vips(ip_version="v4"):
            if vip.v4 is not None and _canonical(vip.v4.ip) == ip:
                return _vip_facts(vip)
        return None

    def spare_vips(self, region: str | None = None) -> list[VipFacts]:
        """The account's extra IPv4 addresses that are on no server, by address."""
        found = [
            _vip_facts(vip)
            for vip in self._client.list_vips(ip_version="v4", region=region)
            if vip.v4 is not None
        ]
        return sorted((vip for vip in found if vip.instance_id is None), key=lambda v: v.ip)

    def instance_region(self, instance_id: int) -> str:
        return str(self._client.get_instance(instance_id).region)

    def assign_vip(self, ip: str, instance_id: int) -> None:
        self._client.assign_vip(ip, "instances", instance_id)

    def unassign_vip(self, ip: str, instance_id: int) -> None:
        self._client.unassign_vip(ip, "instances", instance_id)

    # Private networks -------------------------------------------------------------------------

    def get_network(self, network_id: int) -> NetworkFacts | None:
        try:
            return network_facts(self._client.get_private_network(network_id))
        except ContaboNotFound:
            return None

    def find_network(self, name: str) -> NetworkFacts | None:
        for network in self._client.list_private_networks(name=name):
            if network.name == name:  # the filter may match more than the exact name
                return network_facts(network)
        return None

    def create_network(self, region: str, name: str, description: str) -> NetworkFacts:
        created = self._client.create_private_network(region, name, description=description or None)
        return network_facts(created)

    def delete_network(self, network_id: int) -> None:
        with contextlib.suppress(ContaboNotFound):  # already gone: the goal is reached
            self._client.delete_private_network(network_id)

    def join(self, network_id: int, instance_id: int) -> None:
        self._client.assign_private_network(network_id, instance_id)

    def leave(self, network_id: int, instance_id: int) -> None:
        self._client.unassign_private_network(network_id, instance_id)

    def restart(self, instance_id: int) -> None:
        self._client.restart_instance(instance_id)


def network_facts(network: Any) -> NetworkFacts:
    members: dict[int, str | None] = {}
    status: dict[int, str] = {}
    for member in network.instances:
        private = member.private_ip_config.v4 if member.private_ip_config else []
        members[member.instance_id] = private[0].ip if private else None
        status[member.instance_id] = str(getattr(member.status, "value", member.status))
    return NetworkFacts(
        network_id=network.private_network_id,
        name=network.name,
        description=network.description or "",
        region=network.region,
        cidr=network.cidr,
        members=members,
        member_status=status,
    )


def _vip_facts(vip: Any) -> VipFacts:
    held = str(vip.resource_id or "")
    return VipFacts(
        ip=_canonical(vip.v4.ip),
        region=str(vip.region),
        instance_id=int(held) if held.isdigit() else None,
    )


def _canonical(ip: str) -> str:
    try:
        return ipaddress.ip_address(ip).compressed
    except ValueError:
        return ip


def _version(ip: str) -> int:
    return ipaddress.ip_address(ip).version
