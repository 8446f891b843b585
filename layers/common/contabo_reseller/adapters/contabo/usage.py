"""The usage sync's Contabo port (services.billing.usage_port.UsageSource) on the real client."""

from __future__ import annotations

from collections import defaultdict

from contabo_reseller.adapters.contabo.client import ContaboClient, get_contabo_client

# Account-wide listings belong to no service; the audit log files them under this id.
USAGE_AUDIT_ID = "-"


class ClientUsageSource:
    def __init__(self, client: ContaboClient | None = None) -> None:
        self._client = client or get_contabo_client()

    def additional_ipv4_by_instance(self) -> dict[int, int]:
        """An instance's additional IPv4 addresses are its ``additionalIps`` plus the VIPs
        assigned to it; an address listed in both counts once."""
        client = self._client.for_service(USAGE_AUDIT_ID)
        addresses: dict[int, set[str]] = defaultdict(set)
        for instance in client.list_instances():
            addresses[instance.instance_id].update(
                extra.v4.ip for extra in instance.additional_ips if extra.v4
            )
        for vip in client.list_vips(resource_type="instances", ip_version="v4"):
            if vip.resource_id and vip.v4 and str(vip.resource_id).isdigit():
                addresses[int(vip.resource_id)].add(vip.v4.ip)
        return {instance_id: len(ips) for instance_id, ips in addresses.items()}

    def snapshot_count(self, instance_id: int) -> int:
        client = self._client.for_service(USAGE_AUDIT_ID)
        return sum(1 for _ in client.list_snapshots(instance_id))

    def object_storage_usage(self, object_storage_id: str) -> tuple[float, float]:
        client = self._client.for_service(USAGE_AUDIT_ID)
        stats = client.object_storage_stats(object_storage_id)
        storage = client.get_object_storage(object_storage_id)
        return float(stats.used_space_tb), float(storage.total_purchased_space_tb)
