# Generated from docs/contabo/openapi.json (+ listPendingActions from the normalized yaml) by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by retrieveDnsZoneRecordsList.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._dns_zone_record_response import DnsZoneRecordResponse
from ._links import Links, PaginationMeta


class ListDnsZoneRecordsResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias='_pagination',
        description='Data about pagination like how many results, pages, page size.',
    )
    data: list[DnsZoneRecordResponse]
    field_links: Links = Field(
        ...,
        alias='_links',
        examples=[
            {
                'first': '/v1/dns/zones/example/records?page=1',
                'previous': '/v1/dns/zones/example/records?page=19',
                'self': '/v1/dns/zones/example/records?page=20',
                'next': '/v1/dns/zones/example/records?page=21',
                'last': '/v1/dns/zones/example/records?page=101',
            }
        ],
    )
