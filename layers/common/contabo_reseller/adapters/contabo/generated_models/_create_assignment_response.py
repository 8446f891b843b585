# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by createAssignment.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._tag_assignment_self_links import TagAssignmentSelfLinks


class CreateAssignmentResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_links: TagAssignmentSelfLinks = Field(
        ...,
        alias='_links',
        description='Links for easy navigation.',
        examples=[
            {
                'self': '/v1/tags/12345/assignments/instance/6549',
                'tag': '/v1/tags/12345',
                'instance': '/v1/compute/instance/6549',
            }
        ],
    )
