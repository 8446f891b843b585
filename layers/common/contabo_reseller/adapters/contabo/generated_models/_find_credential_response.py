# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by getObjectStorageCredentials, regenerateObjectStorageCredentials.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._credential_data import CredentialData
from ._self_links import SelfLinks


class FindCredentialResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[CredentialData]
    field_links: SelfLinks = Field(
        ...,
        alias='_links',
        examples=[
            {
                'self': 'v1/users/08a92037-01e8-4dff-8565-47cad7be701a/object-storages/e3f0207c-f7fe-433a-92ab-39a9e976642d/credentials'
            }
        ],
    )
