# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by retrievePrivateNetworkList.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import AwareDatetime, ConfigDict, Field

from ._instances import Instances
from ._links import Links
from ._pagination_meta import PaginationMeta


class ListPrivateNetworkResponseData(ContaboModel):
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
    private_network_id: int = Field(
        ...,
        alias='privateNetworkId',
        description="Private Network's id",
        examples=[12345],
    )
    data_center: str = Field(
        ...,
        alias='dataCenter',
        description='The data center where your Private Network is located',
        examples=['European Union 1'],
    )
    region: str = Field(
        ...,
        description='The slug of the region where your Private Network is located',
        examples=['EU'],
    )
    region_name: str = Field(
        ...,
        alias='regionName',
        description='The region where your Private Network is located',
        examples=['European Union'],
    )
    name: str = Field(
        ...,
        description='The name of the Private Network',
        examples=['myPrivateNetwork'],
    )
    description: str = Field(
        ...,
        description='The description of the Private Network',
        examples=['myPrivateNetwork Description'],
    )
    cidr: str = Field(
        ...,
        description='The cidr range of the Private Network',
        examples=['10.0.0.0/22'],
    )
    available_ips: int = Field(
        ...,
        alias='availableIps',
        description='The total available IPs of the Private Network',
        examples=[1022],
    )
    created_date: AwareDatetime | None = Field(
        ...,
        alias='createdDate',
        description='The creation date of the Private Network',
        examples=['2021-06-03T06:27:12.000Z'],
    )
    instances: list[Instances]


class ListPrivateNetworkResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias='_pagination',
        description='Data about pagination like how many results, pages, page size.',
    )
    data: list[ListPrivateNetworkResponseData]
    field_links: Links = Field(
        ...,
        alias='_links',
        examples=[
            {
                'first': '/v1/private-networks?page=1',
                'previous': '/v1/private-networks?page=19',
                'self': '/v1/private-networks?page=20',
                'next': '/v1/private-networks?page=21',
                'last': '/v1/private-networks?page=101',
            }
        ],
    )
