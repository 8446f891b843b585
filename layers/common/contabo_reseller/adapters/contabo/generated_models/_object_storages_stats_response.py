# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by retrieveObjectStoragesStats.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._self_links import SelfLinks


class ObjectStoragesStatsResponseData(ContaboModel):
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
    used_space_tb: float = Field(
        ...,
        alias='usedSpaceTB',
        description='Currently used space in TB.',
        examples=[4],
    )
    used_space_percentage: float = Field(
        ...,
        alias='usedSpacePercentage',
        description='Currently used space in percentage.',
        examples=['100'],
        ge=0.0,
        le=100.0,
    )
    number_of_objects: int = Field(
        ...,
        alias='numberOfObjects',
        description='Number of all objects (i.e. files and folders) in object storage.',
        examples=[2],
    )


class ObjectStoragesStatsResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[ObjectStoragesStatsResponseData]
    field_links: SelfLinks = Field(
        ...,
        alias='_links',
        examples=[
            {'self': '/v1/object-storages/stats/8cd3f2ba-65a7-4279-bb54-0fea88dc8860'}
        ],
    )
