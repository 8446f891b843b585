# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by retrieveTag, retrieveTagList.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field


class TagResponse(ContaboModel):
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
        examples=['54321'],
        min_length=1,
    )
    tag_id: int = Field(..., alias='tagId', description="Tag's id", examples=['12345'])
    name: str = Field(
        ...,
        description="Tag's name",
        examples=['Web-Server'],
        max_length=255,
        min_length=1,
    )
    color: str = Field(
        ..., description="Tag's color", examples=['#0A78C3'], max_length=7, min_length=4
    )
    description: str = Field(
        ..., description='The description of the Tag', examples=['Tag Description']
    )
