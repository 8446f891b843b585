# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by assignIp, retrieveVip.

from __future__ import annotations

from enum import StrEnum

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._ip_v4 import IpV4, IpVersion, ResourceType


class Type3(StrEnum):
    additional = 'additional'
    floating = 'floating'


class VipResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    tenant_id: str = Field(
        ..., alias='tenantId', description='Tenant Id.', examples=['DE'], min_length=1
    )
    customer_id: str = Field(
        ...,
        alias='customerId',
        description="Customer's Id.",
        examples=['1234'],
        min_length=1,
    )
    vip_id: str = Field(
        ...,
        alias='vipId',
        description='Vip uuid.',
        examples=['a846c6cc-731c-45dc-b653-bc8232e88d9c'],
    )
    data_center: str = Field(
        ...,
        alias='dataCenter',
        description='data center.',
        examples=['European Union (Germany) 3'],
    )
    region: str = Field(
        ..., description='Region', examples=['European Union (Germany)']
    )
    resource_id: str = Field(
        ..., alias='resourceId', description='Resource Id.', examples=['101234']
    )
    resource_type: ResourceType | None = Field(
        None,
        alias='resourceType',
        description='The resourceType using the VIP.',
        examples=['instances'],
    )
    resource_name: str = Field(
        ..., alias='resourceName', description='Resource name.', examples=['vmi100101']
    )
    resource_display_name: str = Field(
        ...,
        alias='resourceDisplayName',
        description='Resource display name.',
        examples=['My Instance 12'],
    )
    ip_version: IpVersion = Field(..., alias='ipVersion', description='Version of Ip.')
    type: Type3 | None = Field(
        None, description='The VIP type.', examples=['additional']
    )
    v4: IpV4 | None = None
