# Generated from docs/contabo/openapi.json (+ listPendingActions from the normalized yaml) by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by createDnsZoneRecord, retrieveDnsZoneRecordsList, updateDnsZoneRecord.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field


class DnsZoneRecordResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    tenant_id: str = Field(
        ...,
        alias='tenantId',
        description='Your customer tenant id',
        examples=['DE'],
        min_length=1,
    )
    customer_id: str = Field(
        ...,
        alias='customerId',
        description='Your customer number',
        examples=['3f184ab8-a600-4e7c-8c9b-3413e21a3752'],
        min_length=1,
    )
    record_id: float = Field(
        ..., alias='recordId', description='RecordId', examples=[1122]
    )
    name: str = Field(
        ...,
        description='Name, if empty the zone name will be used',
        examples=['example.com'],
        min_length=1,
    )
    type: str = Field(..., description='Type', examples=['A'], min_length=1)
    ttl: float = Field(..., description='TTL', examples=[86400])
    prio: float = Field(..., description='Prio', examples=[0])
    data: str = Field(..., description='Data', examples=['10.0.0.1'], min_length=1)
    port: float = Field(..., description='Port', examples=['1234'])
    weight: float = Field(..., description='Weight', examples=[1])
    flag: float = Field(..., description='Flag', examples=[1])
    tag: str = Field(..., description='Tag', examples=['issue'])
