# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by rescue.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._self_links import SelfLinks


class InstanceRescueActionResponseData(ContaboModel):
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
        ...,
        alias='instanceId',
        description='Compute instance / resource id',
        examples=[12345],
    )
    action: str = Field(
        ..., description='Action that was triggered', examples=['start']
    )


class InstancesActionsRescueRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    root_password: int | None = Field(
        None,
        alias='rootPassword',
        description='`secretId` of the password to login into rescue system for the `root` user.',
        examples=[1],
    )
    ssh_keys: list[int] | None = Field(
        None,
        alias='sshKeys',
        description='Array of `secretId`s of public SSH keys for logging into rescue system as `root` user.',
        examples=['[123, 125]'],
    )
    user_data: str | None = Field(
        None,
        alias='userData',
        description='[Cloud-Init](https://cloud-init.io/) Config in order to customize during start of compute instance.',
        examples=[
            '#cloud-config\nuser: root\nssh_pwauth: true\ndisable_root: false\nssh_authorized_keys:\n  - <sshkey>\nchpasswd:\n  list:\n    - root:<password> \n expire: False\n'
        ],
    )


class InstanceRescueActionResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[InstanceRescueActionResponseData]
    field_links: SelfLinks = Field(
        ...,
        alias='_links',
        examples=[{'self': '/v1/compute/instances/12345/actions/rescue'}],
    )
