# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by createPtrRecord.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field


class CreatePtrRecordRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    ptr: str = Field(
        ..., description='PTR Record name', examples=['vmd1027177.server.net']
    )
    ip: str = Field(..., description='IP Address', examples=['1:2:3:4:5:6:7:8'])
    ttl: int = Field(
        ..., description='Time to live for the PTR record in seconds', examples=[86400]
    )
