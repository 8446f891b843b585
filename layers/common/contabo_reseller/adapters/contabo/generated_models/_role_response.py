# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by retrieveRoleList, retrieveUser, retrieveUserList.

from __future__ import annotations

from enum import StrEnum

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field


class Action3(StrEnum):
    create = 'CREATE'
    read = 'READ'
    update = 'UPDATE'
    delete = 'DELETE'


class ResourcePermissionsResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    tag_id: int = Field(..., alias='tagId', description="Tag's id", examples=['12345'])
    tag_name: str = Field(
        ...,
        alias='tagName',
        description='Tag name. The resriction is based on the resources which have been assigned to that tag. If no resource has been assigned to the given tag, no access will be possible.',
        examples=['Web'],
    )


class PermissionResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    api_name: str = Field(
        ...,
        alias='apiName',
        description='API endpoint. In order to get a list availbale api enpoints please refer to the GET api-permissions endpoint.',
        examples=['/v1/compute/instances'],
    )
    actions: list[Action3] = Field(
        ...,
        description='Action allowed for the API endpoint. Basically `CREATE` corresponds to POST endpoints, `READ` to GET endpoints, `UPDATE` to PATCH / PUT endpoints and `DELETE` to DELETE endpoints.',
        examples=[['CREATE', 'READ']],
    )
    resources: list[ResourcePermissionsResponse] | None = None


class RoleResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    role_id: int = Field(
        ..., alias='roleId', description="Role's id", examples=['12345']
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
    name: str = Field(..., description="Role's name", examples=['infrastructure'])
    admin: bool = Field(..., description='Admin', examples=['true'])
    access_all_resources: bool = Field(
        ...,
        alias='accessAllResources',
        description='Access All Resources',
        examples=['true'],
    )
    type: str = Field(
        ...,
        description='Role type can be either `default` or `custom`. The `default` roles cannot be modified or deleted.',
        examples=['custom'],
    )
    permissions: list[PermissionResponse] | None = None
