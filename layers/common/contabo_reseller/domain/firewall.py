"""A server's firewall: inbound allow rules, validated, and the presets a customer can apply.

The provider's firewall lets through only what a rule allows (inbound only; outbound is
open), so an active firewall without rules denies every inbound connection.
"""

from __future__ import annotations

import ipaddress
import re
from typing import Literal

from pydantic import ConfigDict, Field, field_validator, model_validator

from contabo_reseller.domain.errors import InvalidValue
from contabo_reseller.domain.model_base import DomainModel

MAX_RULES = 50
_PORTS = re.compile(r"^([0-9]{1,5})(?:-([0-9]{1,5}))?$")
ANY_IPV4 = "0.0.0.0/0"
ANY_IPV6 = "::/0"


def validate_ports(value: str) -> str:
    """ "" (every port), one port "22", or a range "8000-8100", within 1-65535."""
    text = value.strip()
    if not text:
        return ""
    found = _PORTS.match(text)
    if not found:
        raise InvalidValue(
            'must be a port such as "22", a range such as "8000-8100", or empty',
            message_code="ports_format",
        )
    low = int(found.group(1))
    high = int(found.group(2) or low)
    if not 1 <= low <= 65535 or not 1 <= high <= 65535:
        raise InvalidValue("ports are numbers from 1 to 65535", message_code="ports_range")
    if low > high:
        raise InvalidValue("a port range starts with the lower port", message_code="ports_order")
    return str(low) if low == high else f"{low}-{high}"


def validate_source(value: str) -> str:
    """An IPv4 or IPv6 network in CIDR form (a bare address means that one host)."""
    try:
        return ipaddress.ip_network(value.strip(), strict=False).compressed
    except ValueError:
        raise InvalidValue(
            'must be an IPv4 or IPv6 network such as "203.0.113.0/24", "2001:db8::/32" '
            'or "0.0.0.0/0" for anywhere',
            message_code="source_format",
        ) from None


class Rule(DomainModel):
    model_config = ConfigDict(extra="forbid")

    direction: Literal["inbound"] = "inbound"
    protocol: Literal["tcp", "udp", "icmp", "any"]
    ports: str = ""
    source: str = ANY_IPV4
    action: Literal["accept"] = "accept"

    @field_validator("ports")
    @classmethod
    def _valid_ports(cls, value: str) -> str:
        return validate_ports(value)

    @field_validator("source")
    @classmethod
    def _valid_source(cls, value: str) -> str:
        return validate_source(value)

    @model_validator(mode="after")
    def _ports_only_for_tcp_and_udp(self) -> Rule:
        if self.ports and self.protocol not in ("tcp", "udp"):
            raise InvalidValue(
                "ports apply to tcp and udp only; leave them empty for icmp and any",
                message_code="ports_protocol",
            )
        return self


class FirewallRulesRequest(DomainModel):
    model_config = ConfigDict(extra="forbid")

    rules: list[Rule] = Field(max_length=MAX_RULES)


class FirewallFacts(DomainModel):
    """A firewall as the provider describes it."""

    firewall_id: str
    name: str
    status: str
    rules: list[Rule]
    instance_ids: list[int] = Field(default_factory=list)


class FirewallView(DomainModel):
    id: str
    name: str
    status: str
    rules: list[Rule]


class Preset(DomainModel):
    name: str
    description: str
    rules: list[Rule]


class FirewallState(DomainModel):
    firewall: FirewallView | None
    presets: list[Preset]


def _open(protocol: Literal["tcp", "udp"], *ports: str) -> list[Rule]:
    """The ports open from anywhere, over IPv4 and IPv6."""
    return [
        Rule(protocol=protocol, ports=port, source=source)
        for port in ports
        for source in (ANY_IPV4, ANY_IPV6)
    ]


PRESETS: dict[str, Preset] = {
    preset.name: preset
    for preset in (
        Preset(
            name="web",
            description="SSH (22), HTTP (80) and HTTPS (443) from anywhere.",
            rules=_open("tcp", "22", "80", "443"),
        ),
        Preset(
            name="ssh-only", description="Only SSH (22) from anywhere.", rules=_open("tcp", "22")
        ),
        Preset(
            name="mail",
            description=(
                "SSH (22), SMTP (25, 465, 587), IMAP (143, 993) and POP3 (110, 995) from anywhere."
            ),
            rules=_open("tcp", "22", "25", "465", "587", "143", "993", "110", "995"),
        ),
        Preset(
            name="deny-all-inbound",
            description="No inbound connections at all (the server can still reach out).",
            rules=[],
        ),
    )
}
