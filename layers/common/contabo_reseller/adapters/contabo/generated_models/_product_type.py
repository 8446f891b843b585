# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by retrieveInstance, retrieveInstancesList.

from __future__ import annotations

from enum import StrEnum

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._ip_v6 import IpV6


class ProductType(StrEnum):
    hdd = 'hdd'
    ssd = 'ssd'
    vds = 'vds'
    nvme = 'nvme'


class IpV42(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    ip: str = Field(..., description='IP Address', examples=['192.168.0.1'])
    netmask_cidr: int = Field(
        ..., alias='netmaskCidr', description='Netmask CIDR', examples=[19]
    )
    gateway: str = Field(..., description='Gateway', examples=['1.1.1.1'])


class AdditionalIp(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    v4: IpV42


class IpConfig1(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    v4: IpV42
    v6: IpV6
