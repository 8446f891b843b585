"""DNS hosting: zones and records as the customer edits them, checked per record type before
anything reaches the provider, with a sentence a person can act on for every refusal."""

from __future__ import annotations

import ipaddress
import re
from typing import Literal

from pydantic import ConfigDict, Field, model_validator

from contabo_reseller.domain.domains import normalize_domain
from contabo_reseller.domain.errors import InvalidValue
from contabo_reseller.domain.guardrails import (
    MAX_RECORDS_PER_ZONE,
    MAX_ZONES_PER_CLIENT,
    RECORDS_PER_ZONE_CEILING,
)
from contabo_reseller.domain.model_base import DomainModel

RecordType = Literal["A", "AAAA", "CAA", "CNAME", "MX", "SRV", "TXT"]
CAA_TAGS = ("issue", "issuewild", "iodef")
_NAME = re.compile(r"^(@|\*|(\*\.)?((?!-)[a-z0-9_-]{1,63}(?<!-)\.?)+)$")


class ZoneRequest(DomainModel):
    model_config = ConfigDict(extra="forbid")

    zone_name: str = Field(max_length=253)

    @model_validator(mode="after")
    def _normalized(self) -> ZoneRequest:
        self.zone_name = normalize_domain(self.zone_name)
        return self


class RecordInput(DomainModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    type: RecordType
    name: str = Field(default="@", max_length=253, description="@ for the zone itself")
    ttl: int = Field(default=3600, ge=60, le=604800)
    data: str = Field(min_length=1, max_length=4096)
    prio: int = Field(default=0, ge=0, le=65535)
    weight: int = Field(default=0, ge=0, le=65535)
    port: int = Field(default=0, ge=0, le=65535)
    flag: int = Field(default=0)
    tag: str = ""

    @model_validator(mode="after")
    def _valid_for_its_type(self) -> RecordInput:
        self.name = self.name.lower()
        if not _NAME.match(self.name):
            raise InvalidValue(
                f"'{self.name}' is not a valid record name: use @ for the zone itself, "
                "or a name such as www.",
                message_code="dns_record_name_invalid",
                params={"name": self.name},
            )
        _CHECKS[self.type](self)
        return self


# Each check raises the record's refusal (a sentence by code, with its parameters) or passes.


def _ipv4(record: RecordInput) -> None:
    if not _is_ip(record.data, 4):
        raise InvalidValue(
            f"An A record needs an IPv4 address such as 203.0.113.10, not '{record.data}'.",
            message_code="dns_ipv4_required",
            params={"data": record.data},
        )


def _ipv6(record: RecordInput) -> None:
    if not _is_ip(record.data, 6):
        raise InvalidValue(
            f"An AAAA record needs an IPv6 address such as 2001:db8::10, not '{record.data}'.",
            message_code="dns_ipv6_required",
            params={"data": record.data},
        )


def _is_ip(text: str, version: int) -> bool:
    try:
        return ipaddress.ip_address(text).version == version
    except ValueError:
        return False


def _host(record: RecordInput) -> None:
    try:
        normalize_domain(record.data)
    except InvalidValue:
        raise InvalidValue(
            f"A {record.type} record needs a host name such as mail.example.com, "
            f"not '{record.data}'.",
            message_code="dns_host_required",
            params={"type": record.type, "data": record.data},
        ) from None
    if record.type == "SRV" and record.port == 0:
        raise InvalidValue(
            "An SRV record needs the service's port (1-65535), for example 5060.",
            message_code="dns_srv_port_required",
        )


def _caa(record: RecordInput) -> None:
    if record.tag not in CAA_TAGS:
        raise InvalidValue(
            f"A CAA record's tag must be one of {', '.join(CAA_TAGS)}.",
            message_code="dns_caa_tag_invalid",
            params={"tags": ", ".join(CAA_TAGS)},
        )
    if record.flag not in (0, 128):
        raise InvalidValue(
            f"A CAA record's flag must be 0 (usual) or 128 (critical), not {record.flag}.",
            message_code="dns_caa_flag_invalid",
            params={"flag": record.flag},
        )


def _no_check(record: RecordInput) -> None:
    return None


_CHECKS = {
    "A": _ipv4,
    "AAAA": _ipv6,
    "CNAME": _host,
    "MX": _host,
    "SRV": _host,
    "CAA": _caa,
    "TXT": _no_check,
}


class RecordView(DomainModel):
    record_id: int
    name: str
    type: str
    ttl: int
    data: str
    prio: int = 0
    weight: int = 0
    port: int = 0
    flag: int = 0
    tag: str = ""


class ZoneView(DomainModel):
    zone_name: str
    records: list[RecordView] = Field(default_factory=list)
    record_limit: int = Field(
        default=MAX_RECORDS_PER_ZONE, description="records this zone may hold (guardrail)"
    )


class ZoneList(DomainModel):
    zones: list[str]
    limit: int = Field(default=MAX_ZONES_PER_CLIENT, description="zones the client may host")
    record_limit: int = Field(
        default=MAX_RECORDS_PER_ZONE, description="records each zone may hold (guardrail)"
    )


class DnsLimits(DomainModel):
    """A client's DNS guardrails: the most generous of their servers' products (a client
    without a server, e.g. one with only domains, has the defaults)."""

    zones: int = MAX_ZONES_PER_CLIENT
    records_per_zone: int = MAX_RECORDS_PER_ZONE


class BulkDeleteRequest(DomainModel):
    model_config = ConfigDict(extra="forbid")

    record_ids: list[int] = Field(min_length=1, max_length=RECORDS_PER_ZONE_CEILING)


class BulkDeleteResult(DomainModel):
    deleted: list[int]
    failed: list[int]


class PointRequest(DomainModel):
    model_config = ConfigDict(extra="forbid")

    client_id: str = Field(pattern=r"^[0-9]{1,12}$")
    zone_name: str
    name: str = Field(default="@", max_length=253)
    ttl: int = Field(default=3600, ge=60, le=604800)
