# Generated from docs/contabo/openapi.json (+ listPendingActions from the normalized yaml) by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by listDomains.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._domain_response import DomainResponse
from ._links import Links, PaginationMeta


class DomainsListResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias='_pagination',
        description='Data about pagination like how many results, pages, page size.',
    )
    data: list[DomainResponse]
    field_links: Links = Field(
        ...,
        alias='_links',
        examples=[
            {
                'first': 'v1/domains?page=1',
                'next': 'v1/domains?page=19',
                'self': 'v1/domains',
                'previous': 'v1/domains?page=18',
                'last': 'v1/domains?page=100',
            }
        ],
    )
