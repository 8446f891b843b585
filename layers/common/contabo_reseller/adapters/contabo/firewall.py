"""The firewall port (services.firewall) on the Contabo client.

Our rule is one protocol, one port or range, one source network; Contabo's has port and
source lists per family. Writing maps each of ours to one of Contabo's; reading expands each
of Contabo's into ours (every port x every source), so what we wrote reads back the same.
"""

from __future__ import annotations

import contextlib
import ipaddress
from typing import Any

from pydantic import ValidationError

from contabo_reseller.adapters.contabo import generated_firewall_models as fw
from contabo_reseller.adapters.contabo.client import ContaboClient, get_contabo_client
from contabo_reseller.adapters.contabo.errors import ContaboNotFound
from contabo_reseller.domain.firewall import ANY_IPV4, ANY_IPV6, FirewallFacts, Rule
from contabo_reseller.observability import logger

# Contabo's words for "anywhere" in a source list.
_ANY = {ANY_IPV4: "AnyIPv4", ANY_IPV6: "AnyIPv6"}
_FROM_ANY = {word: cidr for cidr, word in _ANY.items()}


class ContaboFirewall:
    def __init__(self, service_id: str, trace_id: str, client: ContaboClient | None = None):
        self._client = (client or get_contabo_client()).for_service(service_id, trace_id)

    def find(self, firewall_id: str) -> FirewallFacts | None:
        try:
            return facts_of(self._client.get_firewall(firewall_id))
        except ContaboNotFound:
            return None

    def find_by_name(self, name: str) -> FirewallFacts | None:
        for firewall in self._client.list_firewalls(name=name):
            if firewall.name == name:  # the filter may match more than the exact name
                return facts_of(firewall)
        return None

    def create(self, name: str, description: str, rules: list[Rule]) -> FirewallFacts:
        order = fw.CreateFirewallRequest(
            name=name,
            description=description,
            status=fw.Status.active,
            rules=fw.RulesRequest(inbound=[request_rule(rule) for rule in rules]),
        )
        return facts_of(self._client.create_firewall(order))

    def replace_rules(self, firewall_id: str, rules: list[Rule]) -> FirewallFacts:
        order = fw.PutFirewallRequest(
            rules=fw.RulesRequest(inbound=[request_rule(rule) for rule in rules])
        )
        return facts_of(self._client.replace_firewall(firewall_id, order))

    def assign(self, firewall_id: str, instance_id: int) -> None:
        self._client.assign_firewall(firewall_id, instance_id)

    def unassign(self, firewall_id: str, instance_id: int) -> None:
        with contextlib.suppress(ContaboNotFound):
            self._client.unassign_firewall(firewall_id, instance_id)

    def delete(self, firewall_id: str) -> None:
        with contextlib.suppress(ContaboNotFound):
            self._client.delete_firewall(firewall_id)


def request_rule(rule: Rule) -> fw.FirewallRuleRequest:
    source = _ANY.get(rule.source, rule.source)
    version = ipaddress.ip_network(rule.source).version
    return fw.FirewallRuleRequest(
        protocol=fw.Protocol("" if rule.protocol == "any" else rule.protocol),
        dest_ports=[fw.DestPort(rule.ports)] if rule.ports else [],
        # The other family's list is sent empty on purpose: "AnyIPv4"/"AnyIPv6" mean anywhere.
        src_cidr=fw.SrcCidr(
            ipv4=[source] if version == 4 else [], ipv6=[source] if version == 6 else []
        ),
        action=fw.Action1.accept,
        status=fw.Status.active,
        display_name=f"{rule.protocol} {rule.ports or 'all ports'} from {rule.source}",
    )


def rules_of(contabo_rules: list[Any]) -> list[Rule]:
    """Active accept rules as ours; what we cannot express (drop, inactive) is left out."""
    rules: list[Rule] = []
    for item in contabo_rules:
        if _value(item.status) != "active" or _value(item.action) != "accept":
            continue
        protocol = _value(item.protocol) or "any"
        sources = [*(item.src_cidr.ipv4 or []), *(item.src_cidr.ipv6 or [])]
        ports = list(item.dest_ports) if protocol in ("tcp", "udp") and item.dest_ports else [""]
        for port in ports:
            for source in sources:
                try:
                    rules.append(
                        Rule(protocol=protocol, ports=port, source=_FROM_ANY.get(source, source))
                    )
                except ValidationError:
                    logger.warning("firewall rule not shown", extra={"port": port, "src": source})
    return rules


def facts_of(firewall: Any) -> FirewallFacts:
    return FirewallFacts(
        firewall_id=firewall.firewall_id,
        name=firewall.name,
        status=_value(firewall.status),
        rules=rules_of(firewall.rules.inbound if firewall.rules else []),
        instance_ids=[instance.instance_id for instance in firewall.instances],
    )


def _value(field: Any) -> str:
    return str(getattr(field, "value", field) or "")
