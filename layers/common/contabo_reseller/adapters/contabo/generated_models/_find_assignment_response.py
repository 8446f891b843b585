# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by retrieveAssignment.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._assignment_response import AssignmentResponse
from ._tag_assignment_self_links import TagAssignmentSelfLinks


class FindAssignmentResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[AssignmentResponse]
    field_links: TagAssignmentSelfLinks = Field(
        ...,
        alias='_links',
        examples=[
            {
                'self': '/v1/tags/12345/assignments/instance/23456',
                'tag': '/v1/tags/12345',
                'instance': '/v1/compute/instances/23456',
            }
        ],
    )
