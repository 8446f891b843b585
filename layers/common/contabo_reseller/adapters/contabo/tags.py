"""The tags port (services.tags) on the Contabo client: find or create a tag by name, and
assign it to (or take it off) an instance. Both are safe to repeat."""

from __future__ import annotations

import contextlib

from contabo_reseller.adapters.contabo.client import ContaboClient, get_contabo_client
from contabo_reseller.adapters.contabo.errors import ContaboConflict, ContaboNotFound

TAG_COLOR = "#0A78C3"  # Contabo's default colour


class ContaboTags:
    def __init__(self, service_id: str, trace_id: str, client: ContaboClient | None = None):
        self._client = (client or get_contabo_client()).for_service(service_id, trace_id)

    def ensure_tag(self, name: str) -> int:
        found = self.find_tag(name)
        if found is not None:
            return found
        try:
            return self._client.create_tag(name, TAG_COLOR).tag_id
        except ContaboConflict:  # created meanwhile by another service's request
            found = self.find_tag(name)
            if found is None:
                raise
            return found

    def find_tag(self, name: str) -> int | None:
        for tag in self._client.list_tags(name=name):
            if tag.name == name:  # the filter may match more than the exact name
                return tag.tag_id
        return None

    def assign(self, tag_id: int, instance_id: int) -> None:
        with contextlib.suppress(ContaboConflict):  # already assigned
            self._client.assign_tag(tag_id, "instance", instance_id)

    def unassign(self, tag_id: int, instance_id: int) -> None:
        with contextlib.suppress(ContaboNotFound):
            self._client.unassign_tag(tag_id, "instance", instance_id)
