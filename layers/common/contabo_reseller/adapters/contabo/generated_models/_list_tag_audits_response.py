# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by retrieveTagAuditsList.

from __future__ import annotations

from typing import Any

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import AwareDatetime, ConfigDict, Field

from ._action7 import Action7
from ._links import Links
from ._pagination_meta import PaginationMeta


class TagAuditResponse(ContaboModel):
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
        examples=['54321'],
        min_length=1,
    )
    id: float = Field(
        ..., description='The identifier of the audit entry.', examples=['12345']
    )
    tag_id: int = Field(
        ...,
        alias='tagId',
        description='The identifier of the audit entry.',
        examples=['12345'],
        ge=0,
    )
    action: Action7 = Field(
        ..., description='Type of the action.', examples=['CREATED']
    )
    timestamp: AwareDatetime | None = Field(
        ...,
        description='When the change took place.',
        examples=['2021-03-30T11:35:06.177Z'],
    )
    changed_by: str = Field(
        ..., alias='changedBy', description='User ID', examples=['54321'], min_length=1
    )
    username: str = Field(
        ...,
        description='Name of the user which led to the change.',
        examples=['John Doe'],
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
    changes: dict[str, Any] | None = Field(
        None,
        description='List of actual changes.',
        examples=[{'prev': {'name': 'test'}, 'new': {'name': 'test1'}}],
    )


class ListTagAuditsResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias='_pagination',
        description='Data about pagination like how many results, pages, page size.',
    )
    data: list[TagAuditResponse]
    field_links: Links = Field(
        ...,
        alias='_links',
        examples=[
            {
                'first': '/v1/tags/audits?page=1',
                'previous': '/v1/tags/audits?page=19',
                'self': '/v1/tags/audits?page=20',
                'next': '/v1/tags/audits?page=21',
                'last': '/v1/tags/audits?page=101',
            }
        ],
    )
