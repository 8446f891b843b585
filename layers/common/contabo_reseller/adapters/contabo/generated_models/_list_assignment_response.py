# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by retrieveAssignmentList.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._assignment_response import AssignmentResponse
from ._links import Links
from ._pagination_meta import PaginationMeta


class ListAssignmentResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias='_pagination',
        description='Data about pagination like how many results, pages, page size.',
    )
    data: list[AssignmentResponse]
    field_links: Links = Field(
        ...,
        alias='_links',
        examples=[
            {
                'first': '/v1/tags/12345/assignments?page=1',
                'previous': '/v1/tags/12345/assignments?page=19',
                'self': '/v1/tags/12345/assignments/instance/23456',
                'next': '/v1/tags/12345/assignments?page=21',
                'last': '/v1/tags/12345/assignments?page=101',
            }
        ],
    )
