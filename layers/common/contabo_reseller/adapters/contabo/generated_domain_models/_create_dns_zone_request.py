# Generated from docs/contabo/openapi.json (+ listPendingActions from the normalized yaml) by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by createDnsZone.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._dns_zone_response import DnsZoneResponse
from ._self_links import SelfLinks


class CreateDnsZoneRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    zone_name: str = Field(
        ..., alias='zoneName', description='Zone name', examples=['example.com']
    )


class ApiDnsZoneResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[DnsZoneResponse]
    field_links: SelfLinks = Field(
        ..., alias='_links', examples=[{'self': '/v1/dns/zones/example.com'}]
    )
