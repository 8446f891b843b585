# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by listObjectStorageCredentials.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._credential_data import CredentialData
from ._links import Links
from ._pagination_meta import PaginationMeta


class ListCredentialResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias='_pagination',
        description='Data about pagination like how many results, pages, page size.',
    )
    data: list[CredentialData]
    field_links: Links = Field(
        ...,
        alias='_links',
        examples=[
            {
                'first': 'v1/users/08a92037-01e8-4dff-8565-47cad7be701a/object-storages/credentials?page=1',
                'next': 'v1/users/08a92037-01e8-4dff-8565-47cad7be701a/object-storages/credentials?page=19',
                'self': 'v1/users/08a92037-01e8-4dff-8565-47cad7be701a/object-storages/credentials/12345',
                'previous': 'v1/users/08a92037-01e8-4dff-8565-47cad7be701a/object-storages/credentials?page=21',
                'last': 'v1/users/08a92037-01e8-4dff-8565-47cad7be701a/object-storages/credentials?page=101',
            }
        ],
    )
