# Generated from docs/contabo/openapi.json (+ listPendingActions from the normalized yaml) by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by getAuthCode, listDomains, orderDomain, retrieveDomain, updateDomain.

from __future__ import annotations

from enum import StrEnum

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field


class Status(StrEnum):
    ready = 'ready'
    processing = 'processing'
    transferring_in = 'transferring in'
    transferring_out = 'transferring out'
    manual_task = 'manual_task'
    transferred = 'transferred'


class DomainDetails(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    sld: str = Field(..., description='Domain SLD', examples=['testDomain'])
    tld: str = Field(..., description='Domain TLD', examples=['com'])
    domain_puny: str = Field(
        ...,
        alias='domainPuny',
        description='Domain Puny',
        examples=['xn--testdomain-6r6y'],
    )


class DomainHandles(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    owner: str = Field(..., description="Domain's owner handle", examples=['CA1423255'])
    admin: str = Field(..., description="Domain's admin handle", examples=['CA1423222'])
    tech: str = Field(..., description="Domain's tech handle", examples=['CA1223122'])
    zone: str = Field(..., description="Domain's zone handle", examples=['CA3655838'])
