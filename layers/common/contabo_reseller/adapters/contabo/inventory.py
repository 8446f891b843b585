"""The inventory port (services.inventory_port) on the real Contabo client."""

from __future__ import annotations

from contabo_reseller.adapters.contabo.client import ContaboClient, get_contabo_client
from contabo_reseller.adapters.contabo.errors import ContaboNotFound
from contabo_reseller.adapters.contabo.gateway import instance_facts
from contabo_reseller.adapters.contabo.transport import PAGE_SIZE
from contabo_reseller.domain.instance import InstanceFacts
from contabo_reseller.domain.service import display_name_for

SERVICE_TAG_PREFIX = display_name_for("")


class ClientInventory:
    def __init__(self, trace_id: str | None = None, client: ContaboClient | None = None):
        self._client = (client or get_contabo_client()).for_service("-", trace_id)

    def page(self, number: int) -> tuple[list[InstanceFacts], int]:
        items, total_pages = self._client.list_instances_page(number, size=PAGE_SIZE)
        return [instance_facts(item) for item in items], total_pages

    def find(self, instance_id: int) -> InstanceFacts | None:
        try:
            return instance_facts(self._client.get_instance(instance_id))
        except ContaboNotFound:
            return None

    def service_tags(self) -> dict[str, int]:
        return {
            tag.name: tag.tag_id
            for tag in self._client.list_tags()
            if tag.name.startswith(SERVICE_TAG_PREFIX)
        }

    def tagged_instances(self, tag_id: int) -> list[int]:
        return [
            int(assignment.resource_id)
            for assignment in self._client.list_tag_assignments(tag_id, resource_type="instance")
            if assignment.resource_id.isdigit()
        ]
