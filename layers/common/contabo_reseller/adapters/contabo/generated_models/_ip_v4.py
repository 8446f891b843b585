# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by assignIp, retrieveVip, retrieveVipList.

from __future__ import annotations

from enum import StrEnum

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field


class IpV4(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    ip: str = Field(..., description='IP address', examples=['195.123.123.1'])
    gateway: str = Field(..., description='Gateway', examples=['255.255.255.1'])
    netmask_cidr: int = Field(
        ..., alias='netmaskCidr', description='Netmask CIDR', examples=[24]
    )
    broadcast: str = Field(
        ..., description='Broadcast address', examples=['195.123.123.255']
    )
    net: str = Field(..., description='Net address', examples=['195.123.123.0/24'])


class ResourceType(StrEnum):
    instances = 'instances'
    bare_metal = 'bare-metal'
    null = 'null'


class IpVersion(StrEnum):
    v4 = 'v4'
