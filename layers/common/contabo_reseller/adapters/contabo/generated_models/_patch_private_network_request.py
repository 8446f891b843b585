# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by patchPrivateNetwork.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._private_network_response import PrivateNetworkResponse
from ._self_links import SelfLinks


class PatchPrivateNetworkRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    name: str | None = Field(
        None,
        description='The name of the Private Network. It may contain letters, numbers, colons, dashes, and underscores. There is a limit of 255 characters per Private Network.',
        examples=['myPrivateNetwork'],
        max_length=255,
        min_length=1,
    )
    description: str | None = Field(
        None,
        description='The description of the Private Network. There is a limit of 255 characters per Private Network.',
        examples=['myPrivateNetwork Description'],
        max_length=255,
    )


class PatchPrivateNetworkResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[PrivateNetworkResponse]
    field_links: SelfLinks = Field(
        ..., alias='_links', examples=[{'self': '/v1/private-networks/12345'}]
    )
