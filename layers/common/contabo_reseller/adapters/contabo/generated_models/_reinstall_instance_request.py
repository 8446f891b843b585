# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by reinstallInstance.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import AwareDatetime, ConfigDict, Field

from ._default_user import DefaultUser
from ._self_links import SelfLinks


class ReinstallInstanceRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    image_id: str = Field(
        ...,
        alias='imageId',
        description='ImageId to be used to setup the compute instance.',
        examples=['3f184ab8-a600-4e7c-8c9b-3413e21a3752'],
    )
    ssh_keys: list[int] | None = Field(
        None,
        alias='sshKeys',
        description='Array of `secretId`s of public SSH keys for logging into as `defaultUser` with administrator/root privileges. Applies to Linux/BSD systems. Please refer to Secrets Management API.',
        examples=['[123, 125]'],
    )
    root_password: int | None = Field(
        None,
        alias='rootPassword',
        description='`secretId` of the password for the `defaultUser` with administrator/root privileges. For Linux/BSD please use SSH, for Windows RDP. Please refer to Secrets Management API.',
        examples=[1],
    )
    user_data: str | None = Field(
        None,
        alias='userData',
        description='[Cloud-Init](https://cloud-init.io/) Config in order to customize during start of compute instance.',
        examples=[
            '#cloud-config\nuser: admin\ntimezone: Europe/Berlin\nchpasswd:\n expire: False'
        ],
    )
    default_user: DefaultUser | None = Field(
        DefaultUser.admin,
        alias='defaultUser',
        description='Default user name created for login during (re-)installation with administrative privileges. Allowed values for Linux/BSD are `admin` (use sudo to apply administrative privileges like root) or `root`. Allowed values for Windows are `admin` (has administrative privileges like administrator) or `administrator`.',
        examples=['root'],
    )
    application_id: str | None = Field(
        None,
        alias='applicationId',
        description='Application ID',
        examples=['3f184ab8-a600-4e7c-8c9b-3413e21a3752'],
    )


class ReinstallInstanceResponseData(ContaboModel):
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
    instance_id: int = Field(
        ..., alias='instanceId', description="Instance's id", examples=[12345]
    )
    created_date: AwareDatetime | None = Field(
        ...,
        alias='createdDate',
        description='Creation date for instance',
        examples=['2021-06-02T12:32:03.363Z'],
    )


class ReinstallInstanceResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[ReinstallInstanceResponseData]
    field_links: SelfLinks = Field(
        ..., alias='_links', examples=[{'self': '/v1/compute/instances/12345'}]
    )
