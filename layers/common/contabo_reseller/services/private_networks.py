"""Private networks of a service's WHMCS client: list, create, join, leave.

Which networks a client owns is recorded in the catalog table (kind
``private_networks#<clientId>``, one item per network id), so a service only ever sees and
touches its own client's networks; any other id answers 404. Joining or leaving needs the
private networking add-on and a restart (or, when the provider says so, a reinstall) to apply:
the request must carry ``confirm: true`` and the restart is asked for right after.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Protocol

from contabo_reseller.adapters import config_items, service_store
from contabo_reseller.adapters.tables import ServiceRecord
from contabo_reseller.domain.errors import ActionRefused, Conflict, DomainError, NotFound
from contabo_reseller.domain.private_networks import (
    ALREADY_JOINED,
    JOIN_WARNING,
    LEAVE_WARNING,
    LIST_NOTICE,
    MAX_NETWORKS_PER_CLIENT,
    NEEDS_REINSTALL,
    NO_ADD_ON,
    NOTICE_CODES,
    RESTART_YOURSELF,
    RESTARTING,
    SUSPENDED_NETWORK,
    ConfirmRequest,
    CreatePrivateNetworkRequest,
    NetworkFacts,
    PrivateNetworkList,
    PrivateNetworkView,
    provider_name,
    view_of,
)
from contabo_reseller.observability import logger
from contabo_reseller.services.service_policy import (
    changing,
    client_id_of,
    guardrails_for,
    instance_id_of,
    readable,
    require_allowed,
    require_changeable,
    require_compute,
)


class PrivateNetworkGateway(Protocol):
    def get_network(self, network_id: int) -> NetworkFacts | None: ...

    def find_network(self, name: str) -> NetworkFacts | None: ...

    def create_network(self, region: str, name: str, description: str) -> NetworkFacts: ...

    def delete_network(self, network_id: int) -> None: ...

    def join(self, network_id: int, instance_id: int) -> None: ...

    def leave(self, network_id: int, instance_id: int) -> None: ...

    def restart(self, instance_id: int) -> None: ...


def network_gateway_for(service_id: str, trace_id: str) -> PrivateNetworkGateway:
    from contabo_reseller.adapters.contabo.networking import ContaboNetworking

    return ContaboNetworking(service_id, trace_id)


def owner_kind(client_id: str) -> str:
    return f"private_networks#{client_id}"


def list_networks(service_id: str) -> PrivateNetworkList:
    record = readable(service_id)
    require_compute(record)
    client_id = client_id_of(record)
    gateway = network_gateway_for(service_id, str(uuid.uuid4()))
    instance_id = int(record.resource_id) if record.resource_id else None
    items = []
    for network_id, _ in config_items.all_of(owner_kind(client_id)):
        network = gateway.get_network(int(network_id))
        if network is not None:  # deleted at the provider: nothing to show
            items.append(view_of(network, client_id, instance_id or 0))
    notices = [LIST_NOTICE] if has_add_on(record) else [NO_ADD_ON, LIST_NOTICE]
    return PrivateNetworkList(
        items=items,
        can_create=_can_create(record),
        notice=" ".join(notices),
        notice_codes=[NOTICE_CODES[notice] for notice in notices],
    )


def create_network(
    service_id: str, request: CreatePrivateNetworkRequest, actor: str
) -> PrivateNetworkView:
    with changing(service_id, "create_private_network", actor) as action:
        record = action.record
        require_compute(record)
        require_allowed(guardrails_for(record), "allow_private_network_create")
        if not has_add_on(record):
            raise ActionRefused(NO_ADD_ON, message_code=NOTICE_CODES[NO_ADD_ON])
        client_id = client_id_of(record)
        owned = config_items.all_of(owner_kind(client_id))
        if any(data.get("name") == request.name for _, data in owned):
            raise Conflict(
                f"You already have a private network named '{request.name}'.",
                message_code="private_network_name_taken",
                params={"name": request.name},
            )
        if len(owned) >= MAX_NETWORKS_PER_CLIENT:
            raise ActionRefused(
                f"You already have {len(owned)} private networks, the most allowed. "
                "Contact support to remove one.",
                message_code="private_network_limit",
                params={"count": len(owned)},
            )
        gateway = network_gateway_for(service_id, action.trace_id)
        name = provider_name(client_id, request.name)
        # Made before a crash but never recorded: the client's name finds it again.
        network = gateway.find_network(name) or gateway.create_network(
            record.region or "EU", name, request.description
        )
        config_items.put(
            owner_kind(client_id),
            str(network.network_id),
            {
                "name": request.name,
                "region": network.region,
                "created_by_service": service_id,
                "created_at": datetime.now(UTC).isoformat(),
            },
        )
        action.message = f"network {network.network_id} in {network.region}"
        return view_of(network, client_id, instance_id_of(record))


def join_network(
    service_id: str, network_id: int, request: ConfirmRequest, actor: str
) -> PrivateNetworkView:
    with changing(service_id, "join_private_network", actor) as action:
        record = action.record
        client_id, instance_id, gateway, network = _owned(record, network_id, action.trace_id)
        if instance_id in network.members:
            return view_of(network, client_id, instance_id, ALREADY_JOINED)
        if not has_add_on(record):
            raise ActionRefused(NO_ADD_ON, message_code=NOTICE_CODES[NO_ADD_ON])
        if _product_suspended(client_id, network.network_id):
            raise ActionRefused(SUSPENDED_NETWORK, message_code="private_network_suspended")
        if network.region != record.region:
            raise ActionRefused(
                f"This private network is in region {network.region} and this server in "
                f"{record.region}; only servers in the same region can share a network.",
                message_code="private_network_other_region",
                params={"network_region": network.region, "server_region": record.region or ""},
            )
        _require_confirmation(request, JOIN_WARNING, "private_network_join_confirm")
        gateway.join(network.network_id, instance_id)
        joined = gateway.get_network(network.network_id) or network
        needs = joined.member_status.get(instance_id, "restart")
        notice = apply_change(gateway, instance_id, needs)
        action.message = f"joined network {network.network_id}"
        return view_of(joined, client_id, instance_id, notice)


def leave_network(
    service_id: str, network_id: int, request: ConfirmRequest, actor: str
) -> PrivateNetworkView:
    with changing(service_id, "leave_private_network", actor) as action:
        record = action.record
        client_id, instance_id, gateway, network = _owned(record, network_id, action.trace_id)
        if instance_id not in network.members:
            return view_of(network, client_id, instance_id, "This server is not in it.")
        _require_confirmation(request, LEAVE_WARNING, "private_network_leave_confirm")
        gateway.leave(network.network_id, instance_id)
        left = gateway.get_network(network.network_id) or network
        notice = apply_change(gateway, instance_id, "restart")
        action.message = f"left network {network.network_id}"
        return view_of(left, client_id, instance_id, notice)


def has_add_on(record: ServiceRecord) -> bool:
    """Bought with the order or added by an upgrade (change_package records it)."""
    details = record.details or {}
    ordered = ((details.get("order") or {}).get("add_ons") or {}).get("private_networking")
    upgraded = (details.get("add_ons") or {}).get("private_networking")
    return bool(ordered or upgraded)


def _can_create(record: ServiceRecord) -> bool:
    try:
        require_changeable(record)
    except ActionRefused:
        return False
    return (
        has_add_on(record)
        and guardrails_for(record).allow_private_network_create
        and bool(record.client_id)
        and len(config_items.all_of(owner_kind(record.client_id or ""))) < MAX_NETWORKS_PER_CLIENT
    )


def _product_suspended(client_id: str, network_id: int) -> bool:
    """A network sold as its own product is not joinable while that service is suspended."""
    owned = config_items.get(owner_kind(client_id), str(network_id)) or {}
    product = owned.get("product_service_id")
    record = service_store.get(str(product)) if product else None
    return bool(record and (record.details or {}).get("suspended"))


def _owned(
    record: ServiceRecord, network_id: int, trace_id: str
) -> tuple[str, int, PrivateNetworkGateway, NetworkFacts]:
    """The client's network (404 for anyone else's, or one gone at the provider)."""
    require_compute(record)
    client_id = client_id_of(record)
    instance_id = instance_id_of(record)
    not_found = NotFound(
        f"Private network {network_id} was not found.",
        message_code="private_network_not_found",
        params={"network_id": network_id},
    )
    if config_items.get(owner_kind(client_id), str(network_id)) is None:
        raise not_found
    gateway = network_gateway_for(record.service_id, trace_id)
    network = gateway.get_network(network_id)
    if network is None:
        raise not_found
    return client_id, instance_id, gateway, network


def _require_confirmation(request: ConfirmRequest, warning: str, message_code: str) -> None:
    if not request.confirm:
        raise ActionRefused(warning, details={"confirm_required": True}, message_code=message_code)


def apply_change(gateway: PrivateNetworkGateway, instance_id: int, needs: str) -> str | None:
    """Asks for what the provider needs before the change applies; says what happens."""
    if needs in ("reinstall", "reinstallation failed"):
        return NEEDS_REINSTALL
    if needs != "restart":
        return None
    try:
        gateway.restart(instance_id)
    except DomainError as error:  # e.g. busy: the membership is done, the restart is theirs
        logger.warning("restart after a network change refused", extra={"why": error.message})
        return RESTART_YOURSELF
    return RESTARTING
