# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by createAssignment, retrieveAssignment.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field


class TagAssignmentSelfLinks(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    self: str = Field(..., description='Link to current resource.')
    tag: str = Field(..., description='Link to related tag.')
    field_resource: str = Field(
        ..., alias='_resource', description='Link to assigned resource'
    )
