"""A service's tags: the service tag (applied on create, always kept) and the admin's extra
tags, created at the provider when missing and assigned to the service's instance.

Extra tags are labels on the server, not changes to it, so the admin may set them on a
suspended service too. Tags are never deleted at the provider: other servers may carry them.
"""

from __future__ import annotations

from typing import Protocol

from contabo_reseller.adapters import service_store
from contabo_reseller.adapters.tables import ServiceRecord
from contabo_reseller.domain.service import display_name_for
from contabo_reseller.domain.tags import SetTagsRequest, TagList
from contabo_reseller.services.actions import service_action
from contabo_reseller.services.service_policy import (
    instance_id_of,
    readable,
    require_compute,
    require_ready,
)


class TagGateway(Protocol):
    def ensure_tag(self, name: str) -> int: ...

    def find_tag(self, name: str) -> int | None: ...

    def assign(self, tag_id: int, instance_id: int) -> None: ...

    def unassign(self, tag_id: int, instance_id: int) -> None: ...


def tag_gateway_for(service_id: str, trace_id: str) -> TagGateway:
    from contabo_reseller.adapters.contabo.tags import ContaboTags

    return ContaboTags(service_id, trace_id)


def get_tags(service_id: str) -> TagList:
    return TagList(items=_tags(readable(service_id)))


def set_extra_tags(service_id: str, request: SetTagsRequest, actor: str) -> TagList:
    readable(service_id)  # an unknown service is refused before a lock row is written for it
    with service_action(service_id, "set_tags", actor) as action:
        record = service_store.require_known(service_id, action.record)
        require_compute(record)
        require_ready(record)
        instance_id = instance_id_of(record)
        gateway = tag_gateway_for(service_id, action.trace_id)
        gateway.assign(gateway.ensure_tag(display_name_for(service_id)), instance_id)
        current = list(record.details.get("extra_tags") or [])
        for name in request.tags:
            if name not in current:
                gateway.assign(gateway.ensure_tag(name), instance_id)
        for name in current:
            old = gateway.find_tag(name) if name not in request.tags else None
            if old is not None:
                gateway.unassign(old, instance_id)
        service_store.update(record, details={"extra_tags": request.tags, "tagged": True})
        action.message = f"extra tags: {', '.join(request.tags) or 'none'}"
        return TagList(items=_tags(record))


def _tags(record: ServiceRecord) -> list[str]:
    service_tag = [display_name_for(record.service_id)] if record.details.get("tagged") else []
    return service_tag + list(record.details.get("extra_tags") or [])
