# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by upgradeInstance.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field


class Backup(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )


class PrivateNetworkingUpgradeRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )


class UpgradeInstanceRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    private_networking: PrivateNetworkingUpgradeRequest | None = Field(
        None,
        alias='privateNetworking',
        description='Set this attribute if you want to upgrade your instance with the Private Networking addon. Please provide an empty object for the time being as value. There will be more configuration possible in the future.',
        examples=[{}],
    )
    backup: Backup | None = Field(
        None,
        description='Set this attribute if you want to upgrade your instance with the Automated Backup addon.   Please provide an empty object for the time being as value. There will be more configuration possible   in the future.',
        examples=[{}],
    )
