"""A service's firewall: read, replace its rules, apply a preset, delete.

The firewall is created on first use, named after the service (``whmcs-service-<id>``, the
service's display name) and assigned to the service's instance; its id is kept in the service
row (``details.firewall_id``). A lost id is found again by that name, so a crash between
creating and recording never makes a second firewall.
"""

from __future__ import annotations

import uuid
from typing import Protocol

from contabo_reseller.adapters import service_store
from contabo_reseller.adapters.tables import ServiceRecord
from contabo_reseller.domain.errors import NotFound
from contabo_reseller.domain.firewall import (
    PRESETS,
    FirewallFacts,
    FirewallRulesRequest,
    FirewallState,
    FirewallView,
    Rule,
)
from contabo_reseller.domain.service import Deleted, display_name_for
from contabo_reseller.services.service_policy import (
    changing,
    instance_id_of,
    readable,
    require_compute,
)


class FirewallGateway(Protocol):
    def find(self, firewall_id: str) -> FirewallFacts | None: ...

    def find_by_name(self, name: str) -> FirewallFacts | None: ...

    def create(self, name: str, description: str, rules: list[Rule]) -> FirewallFacts: ...

    def replace_rules(self, firewall_id: str, rules: list[Rule]) -> FirewallFacts: ...

    def assign(self, firewall_id: str, instance_id: int) -> None: ...

    def unassign(self, firewall_id: str, instance_id: int) -> None: ...

    def delete(self, firewall_id: str) -> None: ...


def firewall_gateway_for(service_id: str, trace_id: str) -> FirewallGateway:
    from contabo_reseller.adapters.contabo.firewall import ContaboFirewall

    return ContaboFirewall(service_id, trace_id)


def get_firewall(service_id: str) -> FirewallState:
    record = readable(service_id)
    require_compute(record)
    firewall_id = record.details.get("firewall_id")
    firewall = None
    if firewall_id:
        firewall = firewall_gateway_for(service_id, str(uuid.uuid4())).find(firewall_id)
    return FirewallState(
        firewall=_view(firewall) if firewall else None, presets=list(PRESETS.values())
    )


def set_rules(service_id: str, request: FirewallRulesRequest, actor: str) -> FirewallView:
    return _apply_rules(service_id, request.rules, "update_firewall", actor)


def apply_preset(service_id: str, preset: str, actor: str) -> FirewallView:
    if preset not in PRESETS:
        raise NotFound(
            f"There is no firewall preset '{preset[:40]}'; the presets are {', '.join(PRESETS)}.",
            message_code="firewall_preset_unknown",
            params={"preset": preset[:40], "presets": ", ".join(PRESETS)},
        )
    return _apply_rules(service_id, PRESETS[preset].rules, f"firewall_preset:{preset}", actor)


def delete_firewall(service_id: str, actor: str) -> Deleted:
    with changing(service_id, "delete_firewall", actor) as action:
        record = action.record
        require_compute(record)
        gateway = firewall_gateway_for(service_id, action.trace_id)
        firewall = _existing(record, gateway)
        if firewall is not None:
            if instance_id_of(record) in firewall.instance_ids:
                gateway.unassign(firewall.firewall_id, instance_id_of(record))
            gateway.delete(firewall.firewall_id)
            action.message = f"firewall {firewall.firewall_id} deleted"
        if record.details.get("firewall_id"):
            service_store.update(record, details={"firewall_id": None})
        return Deleted()


def _apply_rules(service_id: str, rules: list[Rule], action_name: str, actor: str) -> FirewallView:
    with changing(service_id, action_name, actor) as action:
        record = action.record
        require_compute(record)
        instance_id = instance_id_of(record)
        gateway = firewall_gateway_for(service_id, action.trace_id)
        existing = _existing(record, gateway)
        if existing is None:
            firewall = gateway.create(_name(record), f"Firewall of service {service_id}", rules)
        else:
            firewall = gateway.replace_rules(existing.firewall_id, rules)
        if record.details.get("firewall_id") != firewall.firewall_id:
            service_store.update(record, details={"firewall_id": firewall.firewall_id})
        if instance_id not in firewall.instance_ids:
            gateway.assign(firewall.firewall_id, instance_id)
        action.message = f"firewall {firewall.firewall_id}: {len(rules)} rules"
        return _view(firewall)


def _existing(record: ServiceRecord, gateway: FirewallGateway) -> FirewallFacts | None:
    firewall_id = record.details.get("firewall_id")
    found = gateway.find(firewall_id) if firewall_id else None
    return found or gateway.find_by_name(_name(record))


def _name(record: ServiceRecord) -> str:
    return record.display_name or display_name_for(record.service_id)


def _view(firewall: FirewallFacts) -> FirewallView:
    return FirewallView(
        id=firewall.firewall_id, name=firewall.name, status=firewall.status, rules=firewall.rules
    )
