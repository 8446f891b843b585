# Generated from docs/contabo/openapi.json (+ listPendingActions from the normalized yaml) by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by updateDomain.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._domain_response import DomainResponse
from ._nameserver import Nameserver
from ._self_links import SelfLinks
from ._status import DomainHandles


class DomainPatchRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    nameservers: list[Nameserver] | None = Field(None, description='Nameservers')
    handles: DomainHandles | None = Field(None, description='The handles of the domain')


class DomainPatchResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[DomainResponse]
    field_links: SelfLinks = Field(
        ..., alias='_links', examples=[{'self': 'v1/domains/testDomain.com'}]
    )
