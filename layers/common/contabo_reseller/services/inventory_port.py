"""What status sync and import ask of Contabo: the account's instances, page by page, and the
service tags. ``inventory()`` binds the real client; tests may pass an in-memory one."""

from __future__ import annotations

from typing import Protocol

from contabo_reseller.domain.instance import InstanceFacts


class InstanceInventory(Protocol):
    def page(self, number: int) -> tuple[list[InstanceFacts], int]:
        """Page ``number`` (from 1) of every instance, and how many pages there are."""
        ...

    def find(self, instance_id: int) -> InstanceFacts | None:
        """One instance, or None if Contabo no longer has it."""
        ...

    def service_tags(self) -> dict[str, int]:
        """Tag id of every ``whmcs-service-<id>`` tag, by tag name."""
        ...

    def tagged_instances(self, tag_id: int) -> list[int]:
        """The instances a tag is assigned to."""
        ...


def inventory(trace_id: str | None = None) -> InstanceInventory:
    from contabo_reseller.adapters.contabo.inventory import ClientInventory

    return ClientInventory(trace_id=trace_id)
