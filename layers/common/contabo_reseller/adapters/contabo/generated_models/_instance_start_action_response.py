# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by start.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._self_links import SelfLinks


class InstanceStartActionResponseData(ContaboModel):
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
    instance_id: int = Field(
        ...,
        alias='instanceId',
        description='Compute instance / resource id',
        examples=[12345],
    )
    action: str = Field(
        ..., description='Action that was triggered', examples=['start']
    )


class InstanceStartActionResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[InstanceStartActionResponseData]
    field_links: SelfLinks = Field(
        ...,
        alias='_links',
        examples=[{'self': '/v1/compute/instances/12345/actions/start'}],
    )
