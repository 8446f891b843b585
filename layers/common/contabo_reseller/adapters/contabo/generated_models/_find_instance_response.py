# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by retrieveInstance.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import AwareDatetime, ConfigDict, Field

from ._add_on_response import AddOnResponse, InstanceStatus
from ._default_user import DefaultUser
from ._product_type import AdditionalIp, IpConfig1, ProductType
from ._self_links import SelfLinks
from ._tenant_id import TenantId


class InstanceResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    tenant_id: TenantId = Field(
        ..., alias='tenantId', description='Your customer tenant id', examples=['DE']
    )
    customer_id: str = Field(
        ...,
        alias='customerId',
        description='Customer ID',
        examples=['3f184ab8-a600-4e7c-8c9b-3413e21a3752'],
        min_length=1,
    )
    additional_ips: list[AdditionalIp] = Field(..., alias='additionalIps')
    name: str = Field(..., description='Instance Name', examples=['vmd12345'])
    display_name: str = Field(
        ..., alias='displayName', description='Instance display name', examples=['VPS']
    )
    instance_id: int = Field(
        ..., alias='instanceId', description='Instance ID', examples=[100]
    )
    data_center: str = Field(
        ...,
        alias='dataCenter',
        description='The data center where your Private Network is located',
        examples=['European Union 1'],
    )
    region: str = Field(
        ...,
        description='Instance region where the compute instance should be located.',
        examples=['EU'],
    )
    region_name: str = Field(
        ...,
        alias='regionName',
        description='The name of the region where the instance is located.',
        examples=['European Union'],
    )
    product_id: str = Field(
        ..., alias='productId', description='Product ID', examples=['V5']
    )
    image_id: str = Field(
        ...,
        alias='imageId',
        description="Image's id",
        examples=['9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d'],
    )
    ip_config: IpConfig1 = Field(..., alias='ipConfig')
    mac_address: str = Field(
        ...,
        alias='macAddress',
        description='MAC Address',
        examples=['F2:65:50:F3:63:A1'],
    )
    ram_mb: float = Field(
        ..., alias='ramMb', description='Image RAM size in MB', examples=['1024']
    )
    cpu_cores: int = Field(
        ..., alias='cpuCores', description='CPU core count', examples=[4]
    )
    os_type: str = Field(
        ...,
        alias='osType',
        description='Type of operating system (OS)',
        examples=['Linux'],
    )
    disk_mb: float = Field(
        ..., alias='diskMb', description='Image Disk size in MB', examples=[2048]
    )
    ssh_keys: list[int] = Field(
        ...,
        alias='sshKeys',
        description='Array of `secretId`s of public SSH keys for logging into as `defaultUser` with administrator/root privileges. Applies to Linux/BSD systems. Please refer to Secrets Management API.',
        examples=[[123, 125]],
    )
    created_date: AwareDatetime | None = Field(
        ...,
        alias='createdDate',
        description='The creation date for the instance',
        examples=['2021-06-03T06:27:12.000Z'],
    )
    cancel_date: str = Field(
        ...,
        alias='cancelDate',
        description='The date on which the instance will be cancelled',
        examples=['2021-06-03'],
        max_length=10,
        min_length=0,
    )
    status: InstanceStatus = Field(
        ..., description="Instance's status", examples=['running']
    )
    v_host_id: int = Field(
        ..., alias='vHostId', description='ID of host system', examples=[73395]
    )
    v_host_number: int = Field(
        ..., alias='vHostNumber', description='Number of host system', examples=[1001]
    )
    v_host_name: str = Field(
        ..., alias='vHostName', description='Name of host system', examples=['m1000']
    )
    add_ons: list[AddOnResponse] = Field(..., alias='addOns')
    error_message: str | None = Field(
        None, alias='errorMessage', description='Message in case of an error.'
    )
    product_type: ProductType = Field(
        ...,
        alias='productType',
        description="Instance's category depending on Product Id",
        examples=['ssd'],
    )
    product_name: str = Field(
        ...,
        alias='productName',
        description="Instance's Product Name",
        examples=['VPS M'],
    )
    default_user: DefaultUser | None = Field(
        DefaultUser.admin,
        alias='defaultUser',
        description='Default user name created for login during (re-)installation with administrative privileges. Allowed values for Linux/BSD are `admin` (use sudo to apply administrative privileges like root) or `root`. Allowed values for Windows are `admin` (has administrative privileges like administrator) or `administrator`.',
        examples=['root'],
    )
    application_id: str = Field(
        ...,
        alias='applicationId',
        description='Application ID',
        examples=['3f184ab8-a600-4e7c-8c9b-3413e21a3752'],
    )


class FindInstanceResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[InstanceResponse]
    field_links: SelfLinks = Field(
        ..., alias='_links', examples=[{'self': '/v1/compute/instances/100'}]
    )
