"""Importing existing Contabo instances as services: what the admin sends and sees."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field

from contabo_reseller.domain.model_base import DomainModel
from contabo_reseller.domain.service import ServiceId


class ImportRequest(DomainModel):
    model_config = ConfigDict(extra="forbid")

    service_id: ServiceId
    client_id: str = Field(pattern=r"^[0-9]{1,12}$")
    instance_id: int = Field(ge=1)


class Suggestion(DomainModel):
    service_id: str
    by: Literal["display_name", "tag", "ip"]


class ImportCandidate(DomainModel):
    instance_id: int
    display_name: str
    status: str
    ipv4: str | None = None
    product_id: str | None = None
    region: str | None = None
    cancel_date: str | None = None
    suggestions: list[Suggestion] = Field(default_factory=list)
    note: str = ""


class CandidateList(DomainModel):
    items: list[ImportCandidate]
    as_of: str | None = Field(description="when the status sync that found them finished")
    total: int = Field(description="instances with no service at that sync")
    truncated: bool = Field(description="more than listed: import these, the next sync lists more")
