# Generated from docs/contabo/openapi-2026-08.generator-normalized.yaml by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by createFirewall, putFirewall.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field, RootModel

from ._instance_status_representation import Action1, Protocol, SrcCidr, Status


class DestPort(RootModel[str]):
    root: str = Field(..., max_length=15)


class FirewallRuleRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    protocol: Protocol = Field(
        ...,
        description='Protocol for incoming traffic to be allowed. ‘tcp‘, ´udp´, ´icmp´ or ´´ empty value are allowed. Empty means any traffic.',
        examples=['tcp'],
    )
    dest_ports: list[DestPort] = Field(
        ...,
        alias='destPorts',
        description='Ports to specify allowed traffic. Not available for protocol `ICMP`. Port ranges can specified like in example.',
        examples=['["80", "80-90"]'],
    )
    src_cidr: SrcCidr = Field(
        ...,
        alias='srcCidr',
        description='Source CIDR configuration. Use "AnyIPv4" to allow all IPv4 sources (0.0.0.0/0) or "AnyIPv6" to allow all IPv6 sources (::/0). Both can be combined to allow all IP sources. Regular CIDR notation is also supported.',
    )
    action: Action1 = Field(
        ..., description='Currently only `accept` is supported.', examples=['accept']
    )
    status: Status = Field(
        ...,
        description='Status of the inbound rule. An inactive rule is removed from all assigned instances.',
        examples=['active'],
    )
    display_name: str | None = Field(
        None,
        alias='displayName',
        description='Display name for the firewall rule.',
        examples=['Allow HTTP Traffic'],
    )


class RulesRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    inbound: list[FirewallRuleRequest]
