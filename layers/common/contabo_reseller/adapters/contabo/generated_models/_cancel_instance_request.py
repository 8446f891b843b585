# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by cancelInstance.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import AwareDatetime, ConfigDict, Field

from ._self_links import SelfLinks


class CancelInstanceRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    cancel_date: AwareDatetime | None = Field(
        None,
        alias='cancelDate',
        description='Date of cancellation',
        examples=['15-8-2021'],
    )


class CancelInstanceResponseData(ContaboModel):
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
        ..., alias='instanceId', description="Instance's id", examples=[12345]
    )
    cancel_date: str = Field(
        ...,
        alias='cancelDate',
        description='The date on which the instance will be cancelled',
        examples=['2021-06-03'],
    )


class CancelInstanceResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[CancelInstanceResponseData]
    field_links: SelfLinks = Field(
        ..., alias='_links', examples=[{'self': '/v1/compute/instances/12345'}]
    )
