"""A private network sold as its own WHMCS product (region, name).

CreateAccount makes the network at the provider (found again by its name after a crash, so a
retry never makes two) and records it as the client's, so the client's servers list and join
it from their Network page like any network of theirs. Terminate detaches every server still
in it first (each keeps running; its private interface goes at its next restart), then deletes
the network; if a server cannot be detached, nothing is deleted and the error says so (WHMCS
retries). The service's ``resource_id`` is the network id.
"""

from __future__ import annotations

from datetime import UTC, datetime

from contabo_reseller.adapters import config_items, service_store
from contabo_reseller.domain.errors import Conflict
from contabo_reseller.domain.private_networks import (
    PRIVATE_NETWORK,
    CreatePrivateNetworkProductRequest,
    provider_name,
)
from contabo_reseller.domain.service import ServiceState, ServiceView
from contabo_reseller.domain.status_messages import CLEARED, say
from contabo_reseller.services.actions import service_action
from contabo_reseller.services.private_networks import network_gateway_for, owner_kind
from contabo_reseller.services.views import service_view


def create(service_id: str, request: CreatePrivateNetworkProductRequest, actor: str) -> ServiceView:
    with service_action(service_id, "create_private_network_product", actor) as action:
        record = action.record
        if record.resource_id:
            action.message = "already created"
            return service_view(record)
        owned = config_items.all_of(owner_kind(request.client_id))
        if any(data.get("name") == request.name for _, data in owned):
            raise Conflict(
                f"You already have a private network named '{request.name}'.",
                message_code="private_network_name_taken",
                params={"name": request.name},
            )
        gateway = network_gateway_for(service_id, action.trace_id)
        name = provider_name(request.client_id, request.name)
        network = gateway.find_network(name) or gateway.create_network(
            request.region, name, request.description
        )
        config_items.put(
            owner_kind(request.client_id),
            str(network.network_id),
            {
                "name": request.name,
                "region": network.region,
                "product_service_id": service_id,
                "created_at": datetime.now(UTC).isoformat(),
            },
        )
        service_store.update(
            record,
            state=ServiceState.ACTIVE.value,
            kind=PRIVATE_NETWORK,
            client_id=request.client_id,
            region=network.region,
            resource_id=str(network.network_id),
            created_at=record.created_at or datetime.now(UTC),
            **say(
                "status_private_network_created",
                name=request.name,
                cidr=network.cidr,
                region=network.region,
            ).fields(),
            details={"whmcs_product_id": request.whmcs_product_id, "network_name": request.name},
        )
        action.message = f"network {network.network_id} in {network.region}"
        return service_view(record)


def set_suspended(service_id: str, suspended: bool, actor: str) -> ServiceView:
    """The provider cannot switch a network off: suspended, no server joins it (servers already
    in it keep it, so nothing of theirs breaks); unsuspended, joining works again."""
    action_name = "suspend" if suspended else "unsuspend"
    with service_action(service_id, action_name, actor, known=True) as action:
        record = action.record
        if record.state == ServiceState.TERMINATED.value:
            return service_view(record)
        message = say("private_network_suspended").fields() if suspended else CLEARED
        service_store.update(record, details={"suspended": suspended}, release=True, **message)
        action.message = action_name
        return service_view(record)


def terminate(service_id: str, actor: str) -> ServiceView:
    # known: an id nobody ordered (e.g. another installation's) is not found and gets no row.
    with service_action(
        service_id, "terminate_private_network_product", actor, known=True
    ) as action:
        record = action.record
        if record.kind != PRIVATE_NETWORK or record.state == ServiceState.TERMINATED.value:
            action.message = "nothing to do"
            return service_view(record)
        gateway = network_gateway_for(service_id, action.trace_id)
        network_id = int(record.resource_id or 0)
        network = gateway.get_network(network_id) if network_id else None
        if network is not None:
            for instance_id in list(network.members):  # a failure raises: nothing deleted
                gateway.leave(network_id, instance_id)
            gateway.delete_network(network_id)
        if record.client_id:
            config_items.delete(owner_kind(record.client_id), str(network_id))
        detached = len(network.members) if network else 0
        service_store.update(
            record,
            state=ServiceState.TERMINATED.value,
            **say("status_private_network_deleted", detached=detached).fields(),
        )
        action.message = f"network {network_id} deleted, {detached} detached"
        return service_view(record)
