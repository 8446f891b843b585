# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by createPtrRecord, retrievePtrRecord, retrievePtrRecordsList.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field


class PtrRecordResponse(ContaboModel):
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
    ip: str = Field(..., description='IP Address', examples=['1.2.3.4'])
    ttl: int = Field(
        ..., description='Time to live for the PTR record in seconds', examples=[86400]
    )
    ptr: str = Field(..., description='PTR', examples=['vmd1027177.server.net'])
