# Generated from docs/contabo/openapi.json (+ listPendingActions from the normalized yaml) by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by listPendingActions.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import AwareDatetime, ConfigDict, Field

from ._self_links import SelfLinks


class DomainPendingActionResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    tenant_id: str = Field(
        ...,
        alias='tenantId',
        description='Your customer tenant id',
        examples=['DE'],
        min_length=1,
    )
    customer_id: str = Field(
        ...,
        alias='customerId',
        description='Your customer number',
        examples=['3f184ab8-a600-4e7c-8c9b-3413e21a3752'],
        min_length=1,
    )
    domain_id: str = Field(
        ...,
        alias='domainId',
        description='OpusDNS domain id (mirrors the local domain `opusId`)',
        examples=['domain_01HZX8ABCDEFGHJKMNPQRSTV'],
    )
    domain: str = Field(
        ..., description='Domain name (sld.tld)', examples=['example.com']
    )
    event_type: str = Field(
        ...,
        alias='eventType',
        description='Event type — always OUTBOUND_TRANSFER for this endpoint',
        examples=['OUTBOUND_TRANSFER'],
    )
    event_id: str = Field(
        ...,
        alias='eventId',
        description='OpusDNS event id to ACK/NACK against',
        examples=['event_01HZX8ABCDEFGHJKMNPQRSTV'],
    )
    created_on: AwareDatetime | None = Field(
        ...,
        alias='createdOn',
        description='When OpusDNS created the transfer-out event',
        examples=['2026-06-23T08:15:30Z'],
    )


class DomainPendingActionsListResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[DomainPendingActionResponse] = Field(
        ..., description='Domains with an unacknowledged outbound transfer'
    )
    field_links: SelfLinks = Field(
        ..., alias='_links', examples=[{'self': 'v1/domains/pending-actions'}]
    )
