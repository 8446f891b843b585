"""Status refresh: the service row's instance facts, fresh from Contabo."""

from __future__ import annotations

from datetime import UTC, datetime

from contabo_reseller.adapters import service_store
from contabo_reseller.domain.errors import NotFound
from contabo_reseller.domain.instance import instance_details
from contabo_reseller.domain.service import ServiceState, ServiceView
from contabo_reseller.domain.status_messages import CLEARED, say
from contabo_reseller.services import service_policy
from contabo_reseller.services.actions import service_action
from contabo_reseller.services.compute_port import compute_for
from contabo_reseller.services.views import service_view

GONE_MESSAGE = say("status_server_gone")


def refresh(service_id: str, actor: str) -> ServiceView:
    """A read (allowed while suspended); servers still being set up are the worker's to
    follow, and a terminated service has nothing left to read, so both answer as stored."""
    record = service_policy.readable(service_id)
    if record.state != ServiceState.ACTIVE or not record.resource_id:
        return service_view(record)
    with service_action(service_id, "refresh", actor) as action:
        record = action.record
        contabo = compute_for(service_id, action.trace_id)
        try:
            facts = contabo.get_instance(service_policy.instance_id_of(record))
        except NotFound:
            service_store.update(
                record,
                details={"instance_status": "not_found"},
                release=True,  # the last write under the lock: one round trip less
                **GONE_MESSAGE.fields(),
            )
            return service_view(record)
        service_store.update(
            record,
            **CLEARED,
            details={
                **instance_details(facts),
                "image_id": facts.image_id,
                "refreshed_at": datetime.now(UTC).isoformat(),
            },
            release=True,
        )
        return service_view(record)
