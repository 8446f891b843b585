# Generated from docs/contabo/openapi.json (+ listPendingActions from the normalized yaml) by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by createDnsZoneRecord.

from __future__ import annotations

from enum import StrEnum

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field


class Type(StrEnum):
    a = 'A'
    aaaa = 'AAAA'
    caa = 'CAA'
    cname = 'CNAME'
    mx = 'MX'
    srv = 'SRV'
    txt = 'TXT'


class CreateDnsZoneRecordRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    name: str | None = Field(
        None,
        description='Name, if empty the zone name will be used',
        examples=['test'],
        min_length=1,
    )
    type: Type = Field(..., description='DNS record type', examples=['A'])
    ttl: float = Field(..., description='TTL', examples=[86400])
    prio: float = Field(..., description='Prio', examples=[0])
    data: str = Field(..., description='Data', examples=['10.0.0.1'], min_length=1)
    port: float | None = Field(None, description='Port', examples=[''])
    weight: float | None = Field(None, description='Weight', examples=[''])
    flag: float | None = Field(None, description='Flag', examples=[''])
    tag: str | None = Field(None, description='Tag', examples=[''])
