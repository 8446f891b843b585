# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by createPrivateNetwork, patchPrivateNetwork, retrieveInstance, retrieveInstancesList,
# retrievePrivateNetwork, retrievePrivateNetworkList.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field


class IpV6(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    ip: str = Field(..., description='IP Address', examples=['1:2:3:4:5:6:7:8'])
    netmask_cidr: int = Field(
        ..., alias='netmaskCidr', description='Netmask CIDR', examples=[64]
    )
    gateway: str = Field(..., description='Gateway', examples=['1:2:3:4:5:6:7:8'])
