# Generated from docs/contabo/openapi.json (+ listPendingActions from the normalized yaml) by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by updateDnsZoneRecord.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field


class UpdateDnsZoneRecordRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    ttl: float = Field(..., description='TTL', examples=[86400])
    prio: float = Field(..., description='Prio', examples=[0])
    data: str = Field(..., description='Data', examples=['10.0.0.1'], min_length=1)
    port: float | None = Field(None, description='Port', examples=[''])
    weight: float | None = Field(None, description='Weight', examples=[''])
    flag: float | None = Field(None, description='Flag', examples=[''])
    tag: str | None = Field(None, description='Tag', examples=[''])
