# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by createInstance.

from __future__ import annotations

from enum import StrEnum
from typing import Any

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import AwareDatetime, ConfigDict, Field

from ._add_on_response import AddOnResponse, InstanceStatus
from ._default_user import DefaultUser
from ._self_links import SelfLinks


class AddOnRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    id: int = Field(
        ...,
        description='Id of the Addon. Please refer to list [here](https://contabo.com/en/product-list/?show_ids=true).',
        examples=[1019],
    )
    quantity: int = Field(
        ..., description='The number of Addons you wish to aquire.', examples=[4]
    )


class Region(StrEnum):
    eu = 'EU'
    us_central = 'US-central'
    us_east = 'US-east'
    us_west = 'US-west'
    sin = 'SIN'
    uk = 'UK'
    aus = 'AUS'
    jpn = 'JPN'
    ind = 'IND'


class License(StrEnum):
    c_panel5 = 'cPanel5'
    c_panel30 = 'cPanel30'
    c_panel50 = 'cPanel50'
    c_panel100 = 'cPanel100'
    c_panel150 = 'cPanel150'
    c_panel200 = 'cPanel200'
    c_panel250 = 'cPanel250'
    c_panel300 = 'cPanel300'
    c_panel350 = 'cPanel350'
    c_panel400 = 'cPanel400'
    c_panel450 = 'cPanel450'
    c_panel500 = 'cPanel500'
    c_panel550 = 'cPanel550'
    c_panel600 = 'cPanel600'
    c_panel650 = 'cPanel650'
    c_panel700 = 'cPanel700'
    c_panel750 = 'cPanel750'
    c_panel800 = 'cPanel800'
    c_panel850 = 'cPanel850'
    c_panel900 = 'cPanel900'
    c_panel950 = 'cPanel950'
    c_panel1000 = 'cPanel1000'
    plesk_admin = 'PleskAdmin'
    plesk_host = 'PleskHost'
    plesk_pro = 'PleskPro'


class ExtraStorageRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    ssd: list[str] | None = Field(
        None, description='Specify the size in TB and the quantity'
    )
    nvme: list[str] | None = Field(
        None, description='Specify the size in TB and the quantity'
    )


class CreateInstanceAddons(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    private_networking: dict[str, Any] | None = Field(
        None,
        alias='privateNetworking',
        description='Set this attribute if you want to upgrade your instance with the Private Networking addon.   Please provide an empty object for the time being as value. There will be more configuration possible   in the future.',
        examples=[{}],
    )
    additional_ips: dict[str, Any] | None = Field(
        None,
        alias='additionalIps',
        description='Set this attribute if you want to upgrade your instance with the Additional IPs addon. Please provide an empty object for the time being as value. There will be more configuration possible in the future.',
        examples=[{}],
    )
    backup: dict[str, Any] | None = Field(
        None,
        description='Set this attribute if you want to upgrade your instance with the Automated backup addon.     Please provide an empty object for the time being as value. There will be more configuration possible     in the future.',
        examples=[{}],
    )
    extra_storage: ExtraStorageRequest | None = Field(
        None,
        alias='extraStorage',
        description='Set this attribute if you want to upgrade your instance with the Extra Storage addon.',
        examples=[{}],
    )
    custom_image: dict[str, Any] | None = Field(
        None,
        alias='customImage',
        description='Set this attribute if you want to upgrade your instance with the Custom Images addon.   Please provide an empty object for the time being as value. There will be more configuration possible   in the future.',
        examples=[{}],
    )
    addons_ids: list[AddOnRequest] | None = Field(None, alias='addonsIds')


class CreateInstanceRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    image_id: str = Field(
        'afecbb85-e2fc-46f0-9684-b46b1faf00bb',
        alias='imageId',
        description='ImageId to be used to setup the compute instance. Default is Ubuntu 22.04',
        examples=['3f184ab8-a600-4e7c-8c9b-3413e21a3752'],
    )
    product_id: str = Field(
        'V92',
        alias='productId',
        description='Default is V92',
        examples=['V92'],
        min_length=1,
    )
    region: Region = Field(
        Region.eu,
        description='Instance Region where the compute instance should be located. Default is EU',
        examples=['EU'],
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
    license: License | None = Field(
        None,
        description='Additional licence in order to enhance your chosen product, mainly needed for software licenses on your product (not needed for windows).',
        examples=['PleskHost'],
    )
    period: int = Field(
        ...,
        description='Initial contract period in months. Available periods are: 1, 3, 6 and 12 months. Default to 1 month',
        examples=[6],
    )
    display_name: str | None = Field(
        None,
        alias='displayName',
        description='The display name of the instance',
        examples=['VPS'],
        max_length=255,
    )
    default_user: DefaultUser = Field(
        DefaultUser.admin,
        alias='defaultUser',
        description='Default user name created for login during (re-)installation with administrative privileges. Allowed values for Linux/BSD are `admin` (use sudo to apply administrative privileges like root) or `root`. Allowed values for Windows are `admin` (has administrative privileges like administrator) or `administrator`.',
        examples=['root'],
    )
    add_ons: CreateInstanceAddons | None = Field(
        None,
        alias='addOns',
        description='Set attributes in the addons object for the corresponding ones that need to be added to the instance',
        examples=[
            {
                'privateNetworking': {},
                'additionalIps': {},
                'extraStorage': {},
                'customImage': {},
            }
        ],
    )
    application_id: str | None = Field(
        None,
        alias='applicationId',
        description='Application ID',
        examples=['3f184ab8-a600-4e7c-8c9b-3413e21a3752'],
    )


class CreateInstanceResponseData(ContaboModel):
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
    image_id: str = Field(
        ...,
        alias='imageId',
        description="Image's id",
        examples=['9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d'],
    )
    product_id: str = Field(
        ..., alias='productId', description='Product ID', examples=['V92']
    )
    region: str = Field(
        ...,
        description='Instance Region where the compute instance should be located.',
        examples=['EU'],
    )
    add_ons: list[AddOnResponse] = Field(..., alias='addOns')
    os_type: str = Field(
        ...,
        alias='osType',
        description='Type of operating system (OS)',
        examples=['Linux'],
    )
    status: InstanceStatus = Field(
        ..., description="Instance's status", examples=['running']
    )
    ssh_keys: list[int] = Field(
        ...,
        alias='sshKeys',
        description='Array of `secretId`s of public SSH keys for logging into as `defaultUser` with administrator/root privileges. Applies to Linux/BSD systems. Please refer to Secrets Management API.',
        examples=[[123, 125]],
    )


class CreateInstanceResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[CreateInstanceResponseData]
    field_links: SelfLinks = Field(
        ..., alias='_links', examples=[{'self': '/v1/compute/instances/12345'}]
    )
