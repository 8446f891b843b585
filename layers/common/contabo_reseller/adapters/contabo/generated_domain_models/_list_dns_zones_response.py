# Generated from docs/contabo/openapi.json (+ listPendingActions from the normalized yaml) by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by retrieveDnsZonesList.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._dns_zone_response import DnsZoneResponse
from ._links import Links, PaginationMeta


class ListDnsZonesResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias='_pagination',
        description='Data about pagination like how many results, pages, page size.',
    )
    data: list[DnsZoneResponse]
    field_links: Links = Field(
        ...,
        alias='_links',
        examples=[
            {
                'first': '/v1/dns/zones?page=1',
                'previous': '/v1/dns/zones?page=19',
                'self': '/v1/dns/zones?page=20',
                'next': '/v1/dns/zones?page=21',
                'last': '/v1/dns/zones?page=101',
            }
        ],
    )
