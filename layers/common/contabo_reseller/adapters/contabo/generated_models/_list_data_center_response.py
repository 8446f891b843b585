# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by retrieveDataCenterList.

from __future__ import annotations

from enum import StrEnum

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._links import Links
from ._pagination_meta import PaginationMeta


class Capability(StrEnum):
    vps = 'VPS'
    vds = 'VDS'
    object_storage = 'Object-Storage'
    private_networking = 'Private-Networking'


class DataCenterResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    name: str = Field(
        ...,
        description='Name of the data center',
        examples=['European Union 1'],
        min_length=1,
    )
    slug: str = Field(
        ..., description='Slug of the data center', examples=['EU1'], min_length=1
    )
    capabilities: list[Capability] = Field(..., examples=[['VPS', 'Object-Storage']])
    s3_url: str = Field(
        ...,
        alias='s3Url',
        description='S3 URL of the data center',
        examples=['eu1-s3.contabo.com'],
        min_length=1,
    )
    region_name: str = Field(
        ...,
        alias='regionName',
        description='Name of the region',
        examples=['European Union'],
        min_length=1,
    )
    region_slug: str = Field(
        ...,
        alias='regionSlug',
        description='Slug of the region',
        examples=['EU'],
        min_length=1,
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


class ListDataCenterResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias='_pagination',
        description='Data about pagination like how many results, pages, page size.',
    )
    data: list[DataCenterResponse]
    field_links: Links = Field(
        ...,
        alias='_links',
        examples=[
            {
                'first': '/v1/data-centers?page=1',
                'previous': '/v1/data-centers?page=19',
                'self': '/v1/data-centers/12345',
                'next': '/v1/data-centers?page=21',
                'last': '/v1/data-centers?page=101',
            }
        ],
    )
