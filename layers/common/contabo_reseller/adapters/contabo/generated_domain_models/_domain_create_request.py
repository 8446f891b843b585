# Generated from docs/contabo/openapi.json (+ listPendingActions from the normalized yaml) by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by orderDomain.

from __future__ import annotations

from enum import StrEnum

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._domain_response import DomainResponse
from ._nameserver import Nameserver
from ._self_links import SelfLinks
from ._status import DomainHandles


class ResourceType(StrEnum):
    instance = 'instance'
    server = 'server'
    package = 'package'


class DomainCreateRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    domain: str = Field(..., description='Domain name', examples=['testDomain.com'])
    auth_code: str | None = Field(
        None, alias='authCode', description='The domain auth code', examples=['1234']
    )
    handles: DomainHandles = Field(..., description='The handles of the domain')
    nameservers: list[Nameserver] = Field(..., description='Nameservers')
    resource_type: ResourceType | None = Field(
        None,
        alias='resourceType',
        description='The identifier of the resource type',
        examples=['instance'],
    )
    resource_id: str | None = Field(
        None,
        alias='resourceId',
        description='The identifier of the resource id',
        examples=['1234'],
    )


class DomainCreateResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[DomainResponse]
    field_links: SelfLinks = Field(
        ..., alias='_links', examples=[{'self': 'v1/domains/testDomain.com'}]
    )
