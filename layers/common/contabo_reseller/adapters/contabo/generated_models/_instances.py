# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by createPrivateNetwork, patchPrivateNetwork, retrievePrivateNetwork,
# retrievePrivateNetworkList.

from __future__ import annotations

from enum import StrEnum

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._ip_v6 import IpV6


class Status1(StrEnum):
    ok = 'ok'
    restart = 'restart'
    reinstall = 'reinstall'
    reinstallation_failed = 'reinstallation failed'
    installing = 'installing'


class IpV41(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    ip: str = Field(..., description='IP Address', examples=['192.168.0.1'])
    netmask_cidr: int = Field(
        ..., alias='netmaskCidr', description='Netmask CIDR', examples=[19]
    )
    gateway: str = Field(..., description='Gateway', examples=['1.1.1.1'])


class PrivateIpConfig(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    v4: list[IpV41]


class IpConfig(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    v4: IpV41
    v6: IpV6


class Instances(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    instance_id: int = Field(
        ..., alias='instanceId', description='Instance id', examples=[100]
    )
    display_name: str = Field(
        ...,
        alias='displayName',
        description='Instance display name',
        examples=['Instance'],
    )
    name: str = Field(..., description='Instance name', examples=['vmd12345'])
    product_id: str = Field(
        ..., alias='productId', description='Product id', examples=['V1']
    )
    private_ip_config: PrivateIpConfig = Field(..., alias='privateIpConfig')
    ip_config: IpConfig = Field(..., alias='ipConfig')
    status: Status1 = Field(
        ..., description='State of the instance in the Private Network', examples=['ok']
    )
    error_message: str | None = Field(
        None, alias='errorMessage', description='Message in case of an error.'
    )
