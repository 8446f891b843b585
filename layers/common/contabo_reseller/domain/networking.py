"""A server's public IP addresses and their reverse DNS (PTR) names.

Pure rules: which addresses belong to a service and what a PTR name may be. The addresses come
from the provider through the networking port (services.networking).
"""

from __future__ import annotations

import ipaddress
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, ConfigDict, Field

from contabo_reseller.domain.errors import InvalidInput, InvalidValue
from contabo_reseller.domain.model_base import DomainModel

_LABEL = re.compile(r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")
MAX_HOSTNAME = 253


def validate_ptr_name(value: str) -> str:
    """A PTR name is a full host name (at least two labels, letters/digits/hyphens, no label
    over 63 characters, a top-level label that is not all digits); returned lower-case,
    without a trailing dot."""
    name = value.strip().lower().removesuffix(".")
    labels = name.split(".")
    if (
        not name
        or len(name) > MAX_HOSTNAME
        or len(labels) < 2
        or not all(_LABEL.match(label) for label in labels)
        or labels[-1].isdigit()
    ):
        raise InvalidValue(
            "must be a full host name such as host.example.com (letters, digits and hyphens, "
            "labels of at most 63 characters, 253 characters in all)",
            message_code="ptr_format",
        )
    return name


PtrName = Annotated[str, Field(max_length=MAX_HOSTNAME + 1), AfterValidator(validate_ptr_name)]


def parse_ip(text: str) -> tuple[str, Literal[4, 6]]:
    """The address in its canonical form (IPv6 compressed, lower case) and its version."""
    try:
        address = ipaddress.ip_address(text.strip())
    except ValueError:
        raise InvalidInput(
            f"'{text[:64]}' is not an IP address.",
            message_code="ip_invalid",
            params={"value": text[:64]},
        ) from None
    return address.compressed, 4 if address.version == 4 else 6


class InstanceAddresses(DomainModel):
    """The public addresses the provider has given one instance."""

    ipv4: str | None = None
    ipv6: str | None = None
    additional: list[str] = Field(default_factory=list)  # additional IPs and VIPs

    def entries(self) -> list[tuple[str, Literal[4, 6], Literal["primary", "additional"]]]:
        found: list[tuple[str, Literal[4, 6], Literal["primary", "additional"]]] = []
        seen: set[str] = set()
        candidates = [(self.ipv4, "primary"), (self.ipv6, "primary")]
        candidates += [(ip, "additional") for ip in self.additional]
        for raw, kind in candidates:
            if not raw:
                continue
            ip, version = parse_ip(raw)
            if ip not in seen:
                seen.add(ip)
                found.append((ip, version, "primary" if kind == "primary" else "additional"))
        return found

    def owns(self, ip: str) -> bool:
        return any(own == ip for own, _, _ in self.entries())


class IpAddressView(DomainModel):
    ip: str
    version: Literal[4, 6]
    type: Literal["primary", "additional"]
    ptr: str | None = None  # None: no reverse DNS name is set


class IpAddressList(DomainModel):
    items: list[IpAddressView]


class SetPtrRequest(DomainModel):
    model_config = ConfigDict(extra="forbid")

    ptr: PtrName


class PtrView(DomainModel):
    ip: str
    ptr: str | None = None


# Extra IPv4 addresses (the provider's VIPs) ---------------------------------------------------


class VipFacts(DomainModel):
    """One extra IPv4 of the provider account: where it lives and which instance holds it."""

    ip: str
    region: str
    instance_id: int | None = None  # None: spare (held by the account, on no server)


class MoveIpRequest(DomainModel):
    model_config = ConfigDict(extra="forbid")

    target_service_id: str = Field(pattern=r"^[0-9]{1,12}$")


class IpMoveView(DomainModel):
    ip: str
    from_service_id: str
    to_service_id: str


class AssignSpareIpRequest(DomainModel):
    model_config = ConfigDict(extra="forbid")

    ip: str = Field(min_length=7, max_length=15)


class SpareIpView(DomainModel):
    ip: str
    region: str


class SpareIpList(DomainModel):
    items: list[SpareIpView]


class MoveTargetView(DomainModel):
    service_id: str
    hostname: str | None = None
    ipv4: str | None = None


class MoveTargetList(DomainModel):
    """The client's other servers an extra IP of this service can move to (same region)."""

    items: list[MoveTargetView]
