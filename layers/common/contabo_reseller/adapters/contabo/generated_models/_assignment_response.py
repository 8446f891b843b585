# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by retrieveAssignment, retrieveAssignmentList.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field


class AssignmentResponse(ContaboModel):
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
    tag_id: int = Field(
        ..., alias='tagId', description='The identifier of the tag.', examples=['12345']
    )
    tag_name: str = Field(
        ...,
        alias='tagName',
        description="Tag's name",
        examples=['Web-Server'],
        max_length=255,
        min_length=1,
    )
    resource_type: str = Field(
        ...,
        alias='resourceType',
        description='Resource type. Resource type is one of `instance|image|object-storage`.',
        examples=['instance'],
        min_length=1,
    )
    resource_id: str = Field(
        ...,
        alias='resourceId',
        description='Resource id',
        examples=['d65ecf3b-30db-4dc2-9e88-dfc21a14a6bc'],
        min_length=1,
    )
    resource_name: str = Field(
        ...,
        alias='resourceName',
        description='Resource name',
        examples=['Instance'],
        min_length=1,
    )
