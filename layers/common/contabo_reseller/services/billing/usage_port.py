"""What the usage sync asks of Contabo. ``usage_source()`` binds the real client
(adapters.contabo.usage); unit tests pass an in-memory source."""

from __future__ import annotations

from typing import Protocol


class UsageSource(Protocol):
    def additional_ipv4_by_instance(self) -> dict[int, int]:
        """How many additional IPv4 addresses each instance has, for every instance at once
        (a few paged list calls rather than one call per service)."""
        ...

    def snapshot_count(self, instance_id: int) -> int: ...

    def object_storage_usage(self, object_storage_id: str) -> tuple[float, float]:
        """(used TB, purchased TB) of one object storage."""
        ...


def usage_source() -> UsageSource:
    from contabo_reseller.adapters.contabo.usage import ClientUsageSource

    return ClientUsageSource()
