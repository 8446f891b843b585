# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by retrieveSecretList.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._pagination_meta import PaginationMeta
from ._secret_response import SecretResponse
from ._self_links import SelfLinks


class ListSecretResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias='_pagination',
        description='Data about pagination like how many results, pages, page size.',
    )
    data: list[SecretResponse]
    field_links: SelfLinks = Field(
        ...,
        alias='_links',
        examples=[
            {
                'self': '/v1/secrets',
                'first': '/v1/secrets?page=1',
                'previous': '/v1/secrets?page=19',
                'next': '/v1/secrets?page=21',
                'last': '/v1/secrets?page=101',
            }
        ],
    )
