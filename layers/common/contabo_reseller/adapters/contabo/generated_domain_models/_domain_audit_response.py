# Generated from docs/contabo/openapi.json (+ listPendingActions from the normalized yaml) by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by retrieveDomainsAuditsList.

from __future__ import annotations

from typing import Any

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import AwareDatetime, ConfigDict, Field

from ._action import Action
from ._links import Links, PaginationMeta


class DomainAuditResponseData(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    id: int = Field(..., description='The ID of the audit entry.', examples=['12345'])
    action: Action = Field(..., description='Type of the action.', examples=['CREATED'])
    timestamp: AwareDatetime | None = Field(
        ...,
        description='When the change took place.',
        examples=['2021-03-30T11:35:06.177Z'],
    )
    tenant_id: str = Field(
        ...,
        alias='tenantId',
        description='Customer tenant id',
        examples=['DE'],
        min_length=1,
    )
    customer_id: str = Field(
        ...,
        alias='customerId',
        description='Customer ID',
        examples=['54321'],
        min_length=1,
    )
    changed_by: str = Field(
        ...,
        alias='changedBy',
        description='Id of user who performed the change',
        examples=['c4c800ff-e524-47dd-9543-71dfc8b91113'],
        min_length=1,
    )
    username: str = Field(
        ...,
        description='Name of the user which led to the change.',
        examples=['John.Doe'],
    )
    request_id: str = Field(
        ...,
        alias='requestId',
        description='The requestId of the API call which led to the change.',
        examples=['A2F56FAF-18N0-4893-11HG-R312M1E4FEC5'],
    )
    trace_id: str = Field(
        ...,
        alias='traceId',
        description='The traceId of the API call which led to the change.',
        examples=['78E9A428-94E9-4A2A-92F5-26038C6884F'],
    )
    domain: str = Field(
        ..., description='The identifier of the domain', examples=['testDom.com']
    )
    changes: dict[str, Any] | None = Field(
        None,
        description='List of actual changes.',
        examples=[{'prev': {'sld': 'com'}, 'new': {'sld': 'de'}}],
    )


class DomainAuditResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias='_pagination',
        description='Data about pagination like how many results, pages, page size.',
    )
    data: list[DomainAuditResponseData]
    field_links: Links = Field(
        ...,
        alias='_links',
        examples=[
            {
                'first': 'v1/domains/audits?page=2',
                'previous': 'v1/domains/audits?page=2',
                'next': 'v1/domains/audits?page=3',
                'last': 'v1/domains/audits?page=10',
                'self': 'v1/domains/audits',
            }
        ],
    )
