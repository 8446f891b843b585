"""DNS hosting: zones and records as the customer edits them, checked per record type before
anything reaches the provider, with a sentence a person can act on for every refusal."""

from __future__ import annotations

import ipaddress
import re
from typing import Literal

from pydantic import ConfigDict, Field, model_validator

from contabo_reseller.domain.domains import normalize_domain
from contabo_reseller.domain.model_base import DomainModel

RecordType = Literal["A", "AAAA", "CAA", "CNAME", "MX", "SRV", "TXT"]
CAA_TAGS = ("issue", "issuewild", "iodef")
# Guardrails: how much one WHMCS client may host (the provider bills nothing per zone, the
# reseller's account has limits of its own).
MAX_ZONES_PER_CLIENT = 20
MAX_RECORDS_PER_ZONE = 200
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
            raise ValueError(f"'{self.name}' is not a valid record name (use @ for the zone).")
        check = _CHECKS[self.type]
        problem = check(self)
        if problem:
            raise ValueError(problem)
        return self


def _ip(version: int):
    def check(record: RecordInput) -> str | None:
        try:
            if ipaddress.ip_address(record.data).version == version:
                return None
        except ValueError:
            pass
        kind = "IPv4" if version == 4 else "IPv6"
        return f"An {record.type} record needs an {kind} address, not '{record.data}'."

    return check


def _host(record: RecordInput) -> str | None:
    try:
        normalize_domain(record.data)
    except ValueError:
        return f"A {record.type} record needs a host name, not '{record.data}'."
    if record.type == "SRV" and record.port == 0:
        return "An SRV record needs the service's port (1-65535)."
    return None


def _caa(record: RecordInput) -> str | None:
    if record.tag not in CAA_TAGS:
        return f"A CAA record's tag must be one of {', '.join(CAA_TAGS)}."
    if record.flag not in (0, 128):
        return "A CAA record's flag must be 0 or 128."
    return None


_CHECKS = {
    "A": _ip(4),
    "AAAA": _ip(6),
    "CNAME": _host,
    "MX": _host,
    "SRV": _host,
    "CAA": _caa,
    "TXT": lambda record: None,
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


class ZoneList(DomainModel):
    zones: list[str]
    limit: int = MAX_ZONES_PER_CLIENT


class BulkDeleteRequest(DomainModel):
    model_config = ConfigDict(extra="forbid")

    record_ids: list[int] = Field(min_length=1, max_length=MAX_RECORDS_PER_ZONE)


class BulkDeleteResult(DomainModel):
    deleted: list[int]
    failed: list[int]


class PointRequest(DomainModel):
    model_config = ConfigDict(extra="forbid")

    client_id: str = Field(pattern=r"^[0-9]{1,12}$")
    zone_name: str
    name: str = Field(default="@", max_length=253)
    ttl: int = Field(default=3600, ge=60, le=604800)
