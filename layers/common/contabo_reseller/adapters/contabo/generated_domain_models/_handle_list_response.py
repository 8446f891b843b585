# Generated from docs/contabo/openapi.json (+ listPendingActions from the normalized yaml) by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by listHandles.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._handle_response import HandleResponse
from ._links import Links, PaginationMeta


class HandleListResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias='_pagination',
        description='Data about pagination like how many results, pages, page size.',
    )
    data: list[HandleResponse]
    field_links: Links = Field(
        ...,
        alias='_links',
        examples=[
            {
                'first': 'v1/domains/handles?page=1',
                'next': 'v1/domains/handles?page=19',
                'self': 'v1/domains/handles',
                'previous': 'v1/domains/handles?page=18',
                'last': 'v1/domains/handles?page=100',
            }
        ],
    )
