# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.

from __future__ import annotations

from enum import StrEnum
from typing import Any

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import AwareDatetime, ConfigDict, Field


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


class AddOnResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    id: int = Field(
        ...,
        description='Id of the Addon. Please refer to list [here](https://contabo.com/en/product-list/?show_ids=true).',
        examples=[1431],
    )
    quantity: int = Field(
        ..., description='The number of Addons you wish to aquire.', examples=[4]
    )


class AssignedTagResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    tag_id: float = Field(..., alias='tagId', description="Tag's id", examples=[12345])
    tag_name: str = Field(
        ...,
        alias='tagName',
        description="Tag's name",
        examples=['Web-Server'],
        max_length=255,
        min_length=1,
    )


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


class State(StrEnum):
    enabled = 'enabled'
    disabled = 'disabled'


class AutoScalingTypeRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    state: State = Field(
        ...,
        description='State of the autoscaling for the current object storage.',
        examples=['enabled'],
    )
    size_limit_tb: float = Field(
        ...,
        alias='sizeLimitTB',
        description='Autoscaling size limit for the current object storage.',
        examples=[1],
    )


class State1(StrEnum):
    enabled = 'enabled'
    disabled = 'disabled'
    error = 'error'


class AutoScalingTypeResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    state: State1 = Field(
        ...,
        description='State of the autoscaling for the current object storage.',
        examples=['enabled'],
    )
    size_limit_tb: float = Field(
        ...,
        alias='sizeLimitTB',
        description='Autoscaling size limit for the current object storage.',
        examples=[1],
    )
    error_message: str | None = Field(
        None, alias='errorMessage', description='Error message'
    )


class Backup(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )


class CancelInstanceRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    cancel_date: AwareDatetime | None = Field(
        None,
        alias='cancelDate',
        description='Date of cancellation',
        examples=['15-8-2021'],
    )


class CancelInstanceResponseData(ContaboModel):
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
    cancel_date: str = Field(
        ...,
        alias='cancelDate',
        description='The date on which the instance will be cancelled',
        examples=['2021-06-03'],
    )


class CancelObjectStorageRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    cancel_date: AwareDatetime | None = Field(
        None,
        alias='cancelDate',
        description='Date of cancellation',
        examples=['2025-01-01'],
    )


class CancelObjectStorageResponseData(ContaboModel):
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
    object_storage_id: str = Field(
        ..., alias='objectStorageId', description='Object Storage id'
    )
    cancel_date: str = Field(
        ...,
        alias='cancelDate',
        description='Cancellation date for object storage.',
        examples=['2021-06-02'],
    )
    display_name: str = Field(
        ...,
        alias='displayName',
        description='Display name for object storage.',
        examples=['Object storage 1'],
        max_length=255,
        min_length=1,
    )


class ClientResponse(ContaboModel):
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
    id: str = Field(
        ...,
        description="Client's id",
        examples=['6cdf5968-f9fe-4192-97c2-f349e813c5e8'],
    )
    client_id: str = Field(
        ..., alias='clientId', description='IDM client id', examples=['DE-54321']
    )
    secret: str = Field(
        ...,
        description='IDM client secret',
        examples=['7271e905-239e-4d15-a8c5-527743a58390'],
    )


class CreateCustomImageFailResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    message: str = Field(
        ...,
        description='Unsupported Media Type: Please provide a direct link to an .iso or .qcow2 image.',
        examples=['Unsupported Media Type'],
    )
    status_code: int = Field(
        ..., alias='statusCode', description='statuscode:415', examples=['415']
    )


class OsType(StrEnum):
    windows = 'Windows'
    linux = 'Linux'


class CreateCustomImageRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    name: str = Field(..., description='Image Name', examples=['Ubuntu Custom Image'])
    description: str | None = Field(
        None, description='Image Description', examples=['Ubuntu Server 20.04.2 LTS']
    )
    url: str = Field(
        ...,
        description='URL from where the image has been downloaded / provided.',
        examples=['https://example.com/image.qcow2'],
    )
    os_type: OsType = Field(
        ...,
        alias='osType',
        description='Provided type of operating system (OS). Please specify `Windows` for MS Windows and `Linux` for other OS. Specifying wrong OS type may lead to disfunctional cloud instance.',
        examples=['Linux'],
    )
    version: str = Field(
        ...,
        description='Version number to distinguish the contents of an image. Could be the version of the operating system for example.',
        examples=['20.04.2'],
    )


class CreateCustomImageResponseData(ContaboModel):
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
    image_id: str = Field(
        ...,
        alias='imageId',
        description="Image's id",
        examples=['9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d'],
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


class DefaultUser(StrEnum):
    root = 'root'
    admin = 'admin'
    administrator = 'administrator'


class CreateObjectStorageRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    region: str = Field(
        ...,
        description='Region where the object storage should be located. Default is EU. Available regions: EU, US-central, SIN',
        examples=['EU'],
        min_length=1,
    )
    auto_scaling: AutoScalingTypeRequest | None = Field(
        None, alias='autoScaling', description='Autoscaling settings'
    )
    total_purchased_space_tb: float = Field(
        ...,
        alias='totalPurchasedSpaceTB',
        description='Amount of purchased / requested object storage in TB.',
        examples=[6],
    )
    display_name: str | None = Field(
        None,
        alias='displayName',
        description='Display name helps to differentiate between object storages, especially if they are in the same region. If display name is not provided, it will be generated. Display name can be changed any time.',
        examples=['Object storage 1'],
        max_length=255,
        min_length=1,
    )


class Status(StrEnum):
    ready = 'READY'
    provisioning = 'PROVISIONING'
    upgrading = 'UPGRADING'
    cancelled = 'CANCELLED'
    error = 'ERROR'
    disabled = 'DISABLED'
    manual_provisioning = 'MANUAL_PROVISIONING'
    product_not_available = 'PRODUCT_NOT_AVAILABLE'
    limit_exceeded = 'LIMIT_EXCEEDED'
    verification_required = 'VERIFICATION_REQUIRED'
    order_processing = 'ORDER_PROCESSING'
    pending_payment = 'PENDING_PAYMENT'
    unknown = 'UNKNOWN'


class CreateObjectStorageResponseData(ContaboModel):
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
    object_storage_id: str = Field(
        ...,
        alias='objectStorageId',
        description='Your object storage id',
        examples=['b943b25a-c8b5-4570-9135-4bbaa7615b81'],
        min_length=1,
    )
    created_date: AwareDatetime | None = Field(
        ...,
        alias='createdDate',
        description='Creation date for object storage.',
        examples=['2021-06-02T12:32:03.363Z'],
    )
    cancel_date: str = Field(
        ...,
        alias='cancelDate',
        description='Cancellation date for object storage.',
        examples=['2021-06-02'],
    )
    auto_scaling: AutoScalingTypeResponse = Field(
        ..., alias='autoScaling', description='Autoscaling settings'
    )
    data_center: str = Field(
        ...,
        alias='dataCenter',
        description='The data center of the storage',
        examples=['EU'],
        min_length=1,
    )
    total_purchased_space_tb: float = Field(
        ...,
        alias='totalPurchasedSpaceTB',
        description='Amount of purchased / requested object storage in TB.',
        examples=[6.25],
    )
    used_space_tb: float = Field(
        ...,
        alias='usedSpaceTB',
        description='Currently used space in TB.',
        examples=[4],
    )
    used_space_percentage: float = Field(
        ...,
        alias='usedSpacePercentage',
        description='Currently used space in percentage.',
        examples=['100'],
        ge=0.0,
        le=100.0,
    )
    s3_url: str = Field(
        ...,
        alias='s3Url',
        description='S3 URL to connect to your S3 compatible object storage',
        examples=['eu1-s3.contabo.com'],
    )
    s3_tenant_id: str = Field(
        ...,
        alias='s3TenantId',
        description='Your S3 tenantId. Only required for public sharing.',
        examples=['2cd2e5e1444a41b0bed16c6410ecaa84'],
    )
    status: Status = Field(
        ..., description='The object storage status', examples=['READY']
    )
    region: str = Field(
        ...,
        description='The region where your object storage is located',
        examples=['European Union'],
    )
    display_name: str = Field(
        ...,
        alias='displayName',
        description='Display name for object storage.',
        examples=['Object storage 1'],
        max_length=255,
        min_length=1,
    )


class CreatePrivateNetworkRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    region: str = Field(
        'EU',
        description='Region where the Private Network should be located. Default is `EU`',
        examples=['EU'],
        min_length=1,
    )
    name: str = Field(
        ...,
        description='The name of the Private Network. It may contain letters, numbers, colons, dashes, and underscores. There is a limit of 255 characters per Private Network name.',
        examples=['myPrivateNetwork'],
        max_length=255,
        min_length=1,
    )
    description: str | None = Field(
        None,
        description='The description of the Private Network. There is a limit of 255 characters per Private Network description.',
        examples=['myPrivateNetwork Description'],
        max_length=255,
    )


class CreatePtrRecordRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    ptr: str = Field(
        ..., description='PTR Record name', examples=['vmd1027177.server.net']
    )
    ip: str = Field(..., description='IP Address', examples=['1:2:3:4:5:6:7:8'])
    ttl: int = Field(
        ..., description='Time to live for the PTR record in seconds', examples=[86400]
    )


class Type(StrEnum):
    password = 'password'
    ssh = 'ssh'


class CreateSecretRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    name: str = Field(
        ...,
        description='The name of the secret that will keep the password',
        examples=['my-password'],
        max_length=255,
        min_length=1,
    )
    value: str = Field(
        ...,
        description='The secret value that needs to be saved. In case of a password it must match a pattern with at least one upper and lower case character and either one number with two special characters `!@#$^&*?_~` or at least three numbers with one special character `!@#$^&*?_~`. This is expressed in the following regular expression: `^((?=.*?[A-Z]{1,})(?=.*?[a-z]{1,}))(((?=(?:[^d]*d){1})(?=([^^&*?_~]*[!@#$^&*?_~]){2,}))|((?=(?:[^d]*d){3})(?=.*?[!@#$^&*?_~]+))).{8,}$`',
        examples=['PwdA?2092w#'],
        min_length=8,
    )
    type: Type = Field(
        ...,
        description='The type of the secret. Can be `password` or `ssh`',
        examples=['password'],
    )


class CreateSnapshotRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    name: str = Field(
        ...,
        description='The name of the snapshot. It may contain letters, numbers, spaces, dashes. There is a limit of 30 characters per snapshot.',
        examples=['Snapshot-Server'],
        max_length=30,
        min_length=1,
    )
    description: str | None = Field(
        None,
        description='The description of the snapshot. There is a limit of 255 characters per snapshot.',
        examples=['Snapshot-Description'],
        max_length=255,
        min_length=1,
    )


class CreateTagRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    name: str = Field(
        ...,
        description='The name of the tag. Tags may contain letters, numbers, colons, dashes, and underscores. There is a limit of 255 characters per tag.',
        examples=['Web-Server'],
        max_length=255,
        min_length=1,
    )
    color: str = Field(
        ...,
        description='The color of the tag. Color can be specified using hexadecimal value. Default color is #0A78C3',
        examples=['#0A78C3'],
        max_length=7,
        min_length=4,
    )
    description: str | None = Field(
        None,
        description='The description of the Tag name. ',
        examples=['Tag to differenciate the bad vhosts'],
    )


class CreateTagResponseData(ContaboModel):
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
    tag_id: int = Field(..., alias='tagId', description="Tag's id", examples=[12345])


class Locale(StrEnum):
    de_de = 'de-DE'
    de = 'de'
    en_us = 'en-US'
    en = 'en'
    es = 'es'
    es_es = 'es-ES'
    pt_br = 'pt-BR'
    pt = 'pt'


class CreateUserRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    first_name: str | None = Field(
        None,
        alias='firstName',
        description='The name of the user. Names may contain letters, numbers, colons, dashes, and underscores. There is a limit of 255 characters per user.',
        examples=['John'],
        max_length=255,
        min_length=1,
    )
    last_name: str | None = Field(
        None,
        alias='lastName',
        description='The last name of the user. Users may contain letters, numbers, colons, dashes, and underscores. There is a limit of 255 characters per user.',
        examples=['Doe'],
        max_length=255,
        min_length=1,
    )
    email: str = Field(
        ...,
        description='The email of the user to which activation and forgot password links are being sent to. There is a limit of 255 characters per email.',
        examples=['john.doe@example.com'],
        max_length=255,
        min_length=1,
    )
    enabled: bool = Field(
        ...,
        description="If user is not enabled, he can't login and thus use services any longer.",
        examples=[False],
    )
    totp: bool = Field(
        ...,
        description='Enable or disable two-factor authentication (2FA) via time based OTP.',
        examples=[False],
    )
    locale: Locale = Field(
        ...,
        description='The locale of the user. This can be `de-DE`, `de`, `en-US`, `en`, `es-ES`, `es`, `pt-BR`, `pt`.',
        examples=['de'],
    )
    roles: list[int] | None = Field(
        None,
        description='The roles as list of `roleId`s of the user.',
        examples=[[1, 2, 3, 4]],
    )


class CreateUserResponseData(ContaboModel):
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
    user_id: str = Field(
        ...,
        alias='userId',
        description="User's id",
        examples=['6cdf5968-f9fe-4192-97c2-f349e813c5e8'],
    )


class CredentialData(ContaboModel):
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
    access_key: str = Field(
        ...,
        alias='accessKey',
        description='Access key ID.',
        examples=['AKIAIOSFODNN7EXAMPLE'],
    )
    secret_key: str = Field(
        ...,
        alias='secretKey',
        description='Secret key ID.',
        examples=['wJalrXK7MDENGbPxRfiCYEXAMPLEKEY'],
    )
    object_storage_id: str = Field(
        ...,
        alias='objectStorageId',
        description='Object Storage ID.',
        examples=['9a4c7e20-c326-4a8c-900c-687ad83ba170Y'],
    )
    display_name: str = Field(
        ...,
        alias='displayName',
        description='Object Storage Name.',
        examples=['Object Storage Test'],
    )
    region: str = Field(
        ..., description='Object Storage Region.', examples=['European Union']
    )
    credential_id: float = Field(
        ...,
        alias='credentialId',
        description='Object Storage Credential ID',
        examples=[12345],
    )


class CustomImagesStatsResponseData(ContaboModel):
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
    current_images_count: float = Field(
        ...,
        alias='currentImagesCount',
        description='The number of existing custom images',
        examples=[4],
    )
    total_size_mb: float = Field(
        ...,
        alias='totalSizeMb',
        description='Total available disk space in MB',
        examples=[102400],
    )
    used_size_mb: float = Field(
        ..., alias='usedSizeMb', description='Used disk space in MB', examples=[55000]
    )
    free_size_mb: float = Field(
        ..., alias='freeSizeMb', description='Free disk space in MB', examples=[47400]
    )


class Capability(StrEnum):
    vps = 'VPS'
    vds = 'VDS'
    object_storage = 'Object-Storage'
    private_networking = 'Private-Networking'


class DataCenterResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    name: str = Field(
        ...,
        description='Name of the data center',
        examples=['European Union 1'],
        min_length=1,
    )
    slug: str = Field(
        ..., description='Slug of the data center', examples=['EU1'], min_length=1
    )
    capabilities: list[Capability] = Field(..., examples=[['VPS', 'Object-Storage']])
    s3_url: str = Field(
        ...,
        alias='s3Url',
        description='S3 URL of the data center',
        examples=['eu1-s3.contabo.com'],
        min_length=1,
    )
    region_name: str = Field(
        ...,
        alias='regionName',
        description='Name of the region',
        examples=['European Union'],
        min_length=1,
    )
    region_slug: str = Field(
        ...,
        alias='regionSlug',
        description='Slug of the region',
        examples=['EU'],
        min_length=1,
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


class TenantId(StrEnum):
    de = 'DE'
    int = 'INT'


class Format(StrEnum):
    iso = 'iso'
    qcow2 = 'qcow2'


class ImageResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    image_id: str = Field(
        ...,
        alias='imageId',
        description="Image's id",
        examples=['9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d'],
    )
    tenant_id: TenantId = Field(
        ..., alias='tenantId', description='Your customer tenant id', examples=['DE']
    )
    customer_id: str = Field(
        ...,
        alias='customerId',
        description='Customer ID',
        examples=['12345'],
        min_length=1,
    )
    name: str = Field(..., description='Image Name', examples=['Custom Image Ubuntu'])
    description: str = Field(
        ..., description='Image Description', examples=['Ubuntu Server 20.04.2 LTS']
    )
    url: str = Field(
        ...,
        description='URL from where the image has been downloaded / provided.',
        examples=['https://example.com/image.qcow2'],
    )
    size_mb: float = Field(
        ..., alias='sizeMb', description='Image Size in MB', examples=[1024]
    )
    uploaded_size_mb: float = Field(
        ...,
        alias='uploadedSizeMb',
        description='Image Uploaded Size in MB',
        examples=[1024],
    )
    os_type: str = Field(
        ...,
        alias='osType',
        description='Type of operating system (OS)',
        examples=['Linux'],
    )
    version: str = Field(
        ...,
        description='Version number to distinguish the contents of an image. Could be the version of the operating system for example.',
        examples=['20.04.2'],
    )
    format: Format = Field(..., description='Image format', examples=['iso'])
    status: str = Field(
        ...,
        description='Image status (e.g. if image is still downloading)',
        examples=['Pending'],
    )
    error_message: str = Field(
        ...,
        alias='errorMessage',
        description='Image download error message',
        examples=['Error downloading image from provided URL'],
    )
    standard_image: bool = Field(
        ...,
        alias='standardImage',
        description='Flag indicating that image is either a standard (true) or a custom image (false)',
        examples=[True],
    )
    creation_date: AwareDatetime | None = Field(
        ...,
        alias='creationDate',
        description='The creation date time for the image',
        examples=['2021-06-03T06:27:12.000Z'],
    )
    last_modified_date: AwareDatetime | None = Field(
        ...,
        alias='lastModifiedDate',
        description='The last modified date time for the image',
        examples=['2021-06-04T06:27:12.000Z'],
    )


class InstanceAssignmentSelfLinks(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    self: str = Field(..., description='Link to current resource.')
    virtual_private_cloud: str = Field(
        ..., alias='virtualPrivateCloud', description='Link to related Private Network.'
    )
    instance: str = Field(..., description='Link to assigned instance.')


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


class InstanceResetPasswordActionResponseData(ContaboModel):
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


class ProductType(StrEnum):
    hdd = 'hdd'
    ssd = 'ssd'
    vds = 'vds'
    nvme = 'nvme'


class InstanceRestartActionResponseData(ContaboModel):
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


class InstanceShutdownActionResponseData(ContaboModel):
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


class InstanceStartActionResponseData(ContaboModel):
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


class InstanceStopActionResponseData(ContaboModel):
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


class Status1(StrEnum):
    ok = 'ok'
    restart = 'restart'
    reinstall = 'reinstall'
    reinstallation_failed = 'reinstallation failed'
    installing = 'installing'


class Action(StrEnum):
    created = 'CREATED'
    updated = 'UPDATED'
    deleted = 'DELETED'


class InstancesActionsAuditResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    id: int = Field(..., description='The ID of the audit entry.', examples=['12345'])
    action: Action = Field(..., description='Type of the action.', examples=['CREATED'])
    timestamp: AwareDatetime | None = Field(
        ...,
        description='When the change took place.',
        examples=['2021-03-30T11:35:06.177Z'],
    )
    tenant_id: str = Field(
        ...,
        alias='tenantId',
        description='Customer tenant id',
        examples=['DE'],
        min_length=1,
    )
    customer_id: str = Field(
        ...,
        alias='customerId',
        description='Customer ID',
        examples=['54321'],
        min_length=1,
    )
    changed_by: str = Field(
        ...,
        alias='changedBy',
        description='Id of user who performed the change',
        examples=['c4c800ff-e524-47dd-9543-71dfc8b91113'],
        min_length=1,
    )
    username: str = Field(
        ...,
        description='Name of the user which led to the change.',
        examples=['John.Doe'],
    )
    request_id: str = Field(
        ...,
        alias='requestId',
        description='The requestId of the API call which led to the change.',
        examples=['A2F56FAF-18N0-4893-11HG-R312M1E4FEC5'],
    )
    trace_id: str = Field(
        ...,
        alias='traceId',
        description='The traceId of the API call which led to the change.',
        examples=['78E9A428-94E9-4A2A-92F5-26038C6884F'],
    )
    instance_id: int = Field(
        ...,
        alias='instanceId',
        description='The identifier of the instancesActions',
        examples=[12345],
        ge=0,
    )
    changes: dict[str, Any] | None = Field(
        None,
        description='List of actual changes.',
        examples=[{'prev': {'name': 'test'}, 'new': {'name': 'test1'}}],
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


class InstancesAuditResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    id: int = Field(..., description='The ID of the audit entry.', examples=['12345'])
    action: Action = Field(..., description='Type of the action.', examples=['CREATED'])
    timestamp: AwareDatetime | None = Field(
        ...,
        description='When the change took place.',
        examples=['2021-03-30T11:35:06.177Z'],
    )
    tenant_id: str = Field(
        ...,
        alias='tenantId',
        description='Customer tenant id',
        examples=['DE'],
        min_length=1,
    )
    customer_id: str = Field(
        ...,
        alias='customerId',
        description='Customer ID',
        examples=['54321'],
        min_length=1,
    )
    changed_by: str = Field(
        ...,
        alias='changedBy',
        description='Id of user who performed the change',
        examples=['c4c800ff-e524-47dd-9543-71dfc8b91113'],
        min_length=1,
    )
    username: str = Field(
        ...,
        description='Name of the user which led to the change.',
        examples=['John.Doe'],
    )
    request_id: str = Field(
        ...,
        alias='requestId',
        description='The requestId of the API call which led to the change.',
        examples=['A2F56FAF-18N0-4893-11HG-R312M1E4FEC5'],
    )
    trace_id: str = Field(
        ...,
        alias='traceId',
        description='The traceId of the API call which led to the change.',
        examples=['78E9A428-94E9-4A2A-92F5-26038C6884F'],
    )
    instance_id: int = Field(
        ...,
        alias='instanceId',
        description='The identifier of the instance',
        examples=[12345],
        ge=0,
    )
    changes: dict[str, Any] | None = Field(
        None,
        description='List of actual changes.',
        examples=[{'prev': {'name': 'test'}, 'new': {'name': 'test1'}}],
    )


class InstancesResetPasswordActionsRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
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
            '#cloud-config\nuser: root\nssh_pwauth: true\ndisable_root: false\nssh_authorized_keys:\n  - <sshkey>\nchpasswd:\n  list:\n    - root:<password> \n expire: False\n'
        ],
    )


class IpV4(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    ip: str = Field(..., description='IP address', examples=['195.123.123.1'])
    gateway: str = Field(..., description='Gateway', examples=['255.255.255.1'])
    netmask_cidr: int = Field(
        ..., alias='netmaskCidr', description='Netmask CIDR', examples=[24]
    )
    broadcast: str = Field(
        ..., description='Broadcast address', examples=['195.123.123.255']
    )
    net: str = Field(..., description='Net address', examples=['195.123.123.0/24'])


class IpV41(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    ip: str = Field(..., description='IP Address', examples=['192.168.0.1'])
    netmask_cidr: int = Field(
        ..., alias='netmaskCidr', description='Netmask CIDR', examples=[19]
    )
    gateway: str = Field(..., description='Gateway', examples=['1.1.1.1'])


class IpV42(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    ip: str = Field(..., description='IP Address', examples=['192.168.0.1'])
    netmask_cidr: int = Field(
        ..., alias='netmaskCidr', description='Netmask CIDR', examples=[19]
    )
    gateway: str = Field(..., description='Gateway', examples=['1.1.1.1'])


class IpV6(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    ip: str = Field(..., description='IP Address', examples=['1:2:3:4:5:6:7:8'])
    netmask_cidr: int = Field(
        ..., alias='netmaskCidr', description='Netmask CIDR', examples=[64]
    )
    gateway: str = Field(..., description='Gateway', examples=['1:2:3:4:5:6:7:8'])


class Links(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    self: str = Field(..., description='Link to current resource.')
    first: str = Field(..., description='Link to first page, if applicable.')
    previous: str | None = Field(
        None, description='Link to previous page, if applicable.'
    )
    next: str | None = Field(None, description='Link to next page, if applicable.')
    last: str = Field(..., description='Link to last page, if applicable.')


class ListImageResponseData(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    image_id: str = Field(
        ...,
        alias='imageId',
        description="Image's id",
        examples=['9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d'],
    )
    tenant_id: TenantId = Field(
        ..., alias='tenantId', description='Your customer tenant id', examples=['DE']
    )
    customer_id: str = Field(
        ...,
        alias='customerId',
        description='Customer ID',
        examples=['12345'],
        min_length=1,
    )
    name: str = Field(..., description='Image Name', examples=['Custom Image Ubuntu'])
    description: str = Field(
        ..., description='Image Description', examples=['Ubuntu Server 20.04.2 LTS']
    )
    url: str = Field(
        ...,
        description='URL from where the image has been downloaded / provided.',
        examples=['https://example.com/image.qcow2'],
    )
    size_mb: float = Field(
        ..., alias='sizeMb', description='Image Size in MB', examples=[1024]
    )
    uploaded_size_mb: float = Field(
        ...,
        alias='uploadedSizeMb',
        description='Image Uploaded Size in MB',
        examples=[1024],
    )
    os_type: str = Field(
        ...,
        alias='osType',
        description='Type of operating system (OS)',
        examples=['Linux'],
    )
    version: str = Field(
        ...,
        description='Version number to distinguish the contents of an image. Could be the version of the operating system for example.',
        examples=['20.04.2'],
    )
    format: Format = Field(..., description='Image format', examples=['iso'])
    status: str = Field(
        ...,
        description='Image status (e.g. if image is still downloading)',
        examples=['Pending'],
    )
    error_message: str = Field(
        ...,
        alias='errorMessage',
        description='Image download error message',
        examples=['Error downloading image from provided URL'],
    )
    standard_image: bool = Field(
        ...,
        alias='standardImage',
        description='Flag indicating that image is either a standard (true) or a custom image (false)',
        examples=[True],
    )
    creation_date: AwareDatetime | None = Field(
        ...,
        alias='creationDate',
        description='The creation date time for the image',
        examples=['2021-06-03T06:27:12.000Z'],
    )
    last_modified_date: AwareDatetime | None = Field(
        ...,
        alias='lastModifiedDate',
        description='The last modified date time for the image',
        examples=['2021-06-04T06:27:12.000Z'],
    )
    tags: list[AssignedTagResponse] = Field(
        ..., description='The tags assigned to the image'
    )


class ResourceType(StrEnum):
    instances = 'instances'
    bare_metal = 'bare-metal'
    null = 'null'


class IpVersion(StrEnum):
    v4 = 'v4'


class Type1(StrEnum):
    additional = 'additional'
    floating = 'floating'


class ListVipResponseData(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    tenant_id: str = Field(
        ..., alias='tenantId', description='Tenant Id.', examples=['DE'], min_length=1
    )
    customer_id: str = Field(
        ...,
        alias='customerId',
        description="Customer's Id.",
        examples=['1234'],
        min_length=1,
    )
    vip_id: str = Field(
        ...,
        alias='vipId',
        description='Vip uuid.',
        examples=['a846c6cc-731c-45dc-b653-bc8232e88d9c'],
    )
    data_center: str = Field(
        ...,
        alias='dataCenter',
        description='data center.',
        examples=['European Union (Germany) 3'],
    )
    region: str = Field(
        ..., description='Region', examples=['European Union (Germany)']
    )
    resource_id: str = Field(
        ..., alias='resourceId', description='Resource Id.', examples=['101234']
    )
    resource_type: ResourceType | None = Field(
        None,
        alias='resourceType',
        description='The resourceType using the VIP.',
        examples=['instances'],
    )
    resource_name: str = Field(
        ..., alias='resourceName', description='Resource name.', examples=['vmi100101']
    )
    resource_display_name: str = Field(
        ...,
        alias='resourceDisplayName',
        description='Resource display name.',
        examples=['My Instance 12'],
    )
    ip_version: IpVersion = Field(..., alias='ipVersion', description='Version of Ip.')
    type: Type1 | None = Field(
        None, description='The VIP type.', examples=['additional']
    )
    v4: IpV4 | None = None


class ObjectStorageAuditResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    id: int = Field(
        ..., description='The identifier of the audit entry.', examples=['12345']
    )
    action: Action = Field(..., description='Type of the action.', examples=['CREATED'])
    timestamp: AwareDatetime | None = Field(
        ...,
        description='When the change took place.',
        examples=['2021-03-30T11:35:06.177Z'],
    )
    tenant_id: str = Field(
        ...,
        alias='tenantId',
        description='Customer tenant id',
        examples=['DE'],
        min_length=1,
    )
    customer_id: str = Field(
        ...,
        alias='customerId',
        description='Customer number',
        examples=['54321'],
        min_length=1,
    )
    changed_by: str = Field(
        ..., alias='changedBy', description='User ID', examples=['54321'], min_length=1
    )
    username: str = Field(
        ...,
        description='Name of the user which led to the change.',
        examples=['John.Doe'],
    )
    request_id: str = Field(
        ...,
        alias='requestId',
        description='The requestId of the API call which led to the change.',
        examples=['A2F56FAF-18N0-4893-11HG-R312M1E4FEC5'],
    )
    trace_id: str = Field(
        ...,
        alias='traceId',
        description='The traceId of the API call which led to the change.',
        examples=['78E9A428-94E9-4A2A-92F5-26038C6884F'],
    )
    object_storage_id: str = Field(
        ...,
        alias='objectStorageId',
        description='Object Storage Id',
        examples=['6cdf5968-f9fe-4192-97c2-f349e813c5e8'],
    )
    changes: dict[str, Any] | None = Field(
        None,
        description='List of actual changes.',
        examples=[{'prev': {'name': 'test'}, 'new': {'name': 'test1'}}],
    )


class Status2(StrEnum):
    ready = 'READY'
    provisioning = 'PROVISIONING'
    upgrading = 'UPGRADING'
    cancelled = 'CANCELLED'
    error = 'ERROR'
    disabled = 'DISABLED'
    manual_provisioning = 'MANUAL_PROVISIONING'
    product_not_available = 'PRODUCT_NOT_AVAILABLE'
    limit_exceeded = 'LIMIT_EXCEEDED'
    verification_required = 'VERIFICATION_REQUIRED'
    order_processing = 'ORDER_PROCESSING'
    pending_payment = 'PENDING_PAYMENT'
    unknown = 'UNKNOWN'


class ObjectStorageResponse(ContaboModel):
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
    object_storage_id: str = Field(
        ...,
        alias='objectStorageId',
        description='Your object storage id',
        examples=['b943b25a-c8b5-4570-9135-4bbaa7615b81'],
        min_length=1,
    )
    created_date: AwareDatetime | None = Field(
        ...,
        alias='createdDate',
        description='Creation date for object storage.',
        examples=['2021-06-02T12:32:03.363Z'],
    )
    cancel_date: str = Field(
        ...,
        alias='cancelDate',
        description='Cancellation date for object storage.',
        examples=['2021-06-02'],
    )
    auto_scaling: AutoScalingTypeResponse = Field(
        ..., alias='autoScaling', description='Autoscaling settings'
    )
    data_center: str = Field(
        ...,
        alias='dataCenter',
        description='Data center your object storage is located',
        examples=['EU'],
        min_length=1,
    )
    total_purchased_space_tb: float = Field(
        ...,
        alias='totalPurchasedSpaceTB',
        description='Amount of purchased / requested object storage in TB.',
        examples=[6.25],
    )
    s3_url: str = Field(
        ...,
        alias='s3Url',
        description='S3 URL to connect to your S3 compatible object storage',
        examples=['eu1-s3.contabo.com'],
    )
    s3_tenant_id: str = Field(
        ...,
        alias='s3TenantId',
        description='Your S3 tenantId. Only required for public sharing.',
        examples=['2cd2e5e1444a41b0bed16c6410ecaa84'],
    )
    status: Status2 = Field(
        ..., description='The object storage status', examples=['READY']
    )
    region: str = Field(
        ...,
        description='The region where your object storage is located',
        examples=['European Union'],
    )
    display_name: str = Field(
        ...,
        alias='displayName',
        description='Display name for object storage.',
        examples=['Object storage 1'],
        max_length=255,
        min_length=1,
    )


class ObjectStoragesStatsResponseData(ContaboModel):
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
    used_space_tb: float = Field(
        ...,
        alias='usedSpaceTB',
        description='Currently used space in TB.',
        examples=[4],
    )
    used_space_percentage: float = Field(
        ...,
        alias='usedSpacePercentage',
        description='Currently used space in percentage.',
        examples=['100'],
        ge=0.0,
        le=100.0,
    )
    number_of_objects: int = Field(
        ...,
        alias='numberOfObjects',
        description='Number of all objects (i.e. files and folders) in object storage.',
        examples=[2],
    )


class PaginationMeta(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    size: float = Field(..., description='Number of elements per page.', examples=[10])
    total_elements: float = Field(
        ...,
        alias='totalElements',
        description='Number of overall matched elements.',
        examples=[100],
    )
    total_pages: float = Field(
        ..., alias='totalPages', description='Overall number of pages.', examples=[10]
    )
    page: float = Field(..., description='Current number of page.', examples=[1])


class PatchInstanceRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    display_name: str | None = Field(
        None,
        alias='displayName',
        description='The display name of the instance',
        examples=['VPS'],
        max_length=255,
    )


class PatchInstanceResponseData(ContaboModel):
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
        description='Creation date of the instance',
        examples=['2021-06-02T12:32:03.363Z'],
    )


class PatchObjectStorageRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    display_name: str = Field(
        ...,
        alias='displayName',
        description='Display name helps to differentiate between object storages, especially if they are in the same region.',
        examples=['Object storage 1'],
        max_length=255,
        min_length=1,
    )


class PatchPrivateNetworkRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    name: str | None = Field(
        None,
        description='The name of the Private Network. It may contain letters, numbers, colons, dashes, and underscores. There is a limit of 255 characters per Private Network.',
        examples=['myPrivateNetwork'],
        max_length=255,
        min_length=1,
    )
    description: str | None = Field(
        None,
        description='The description of the Private Network. There is a limit of 255 characters per Private Network.',
        examples=['myPrivateNetwork Description'],
        max_length=255,
    )


class Action3(StrEnum):
    create = 'CREATE'
    read = 'READ'
    update = 'UPDATE'
    delete = 'DELETE'


class PrivateIpConfig(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    v4: list[IpV41]


class Action4(StrEnum):
    created = 'CREATED'
    deleted = 'DELETED'
    updated = 'UPDATED'


class PrivateNetworkAuditResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    id: int = Field(
        ..., description='The identifier of the audit entry.', examples=['12345']
    )
    private_network_id: float = Field(
        ...,
        alias='privateNetworkId',
        description='The identifier of the Private Network',
        examples=['12345'],
        ge=0.0,
    )
    action: Action4 = Field(
        ..., description='Type of the action.', examples=['CREATED']
    )
    timestamp: AwareDatetime | None = Field(
        ...,
        description='When the change took place.',
        examples=['2021-03-30T11:35:06.177Z'],
    )
    tenant_id: str = Field(
        ...,
        alias='tenantId',
        description='Customer tenant id',
        examples=['DE'],
        min_length=1,
    )
    customer_id: str = Field(
        ...,
        alias='customerId',
        description='Customer number',
        examples=['54321'],
        min_length=1,
    )
    changed_by: str = Field(
        ..., alias='changedBy', description='User id', examples=['54321'], min_length=1
    )
    username: str = Field(
        ..., description='User name which did the change.', examples=['John Doe']
    )
    request_id: str = Field(
        ...,
        alias='requestId',
        description='The requestId of the API call which led to the change.',
        examples=['A2F56FAF-18N0-4893-11HG-R312M1E4FEC5'],
    )
    trace_id: str = Field(
        ...,
        alias='traceId',
        description='The traceId of the API call which led to the change.',
        examples=['78E9A428-94E9-4A2A-92F5-26038C6884F'],
    )
    changes: dict[str, Any] | None = Field(
        None,
        description='List of actual changes.',
        examples=[{'prev': {'name': 'test'}, 'new': {'name': 'test1'}}],
    )


class PrivateNetworkingUpgradeRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )


class PtrRecordResponse(ContaboModel):
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
        examples=['3f184ab8-a600-4e7c-8c9b-3413e21a3752'],
        min_length=1,
    )
    ip: str = Field(..., description='IP Address', examples=['1.2.3.4'])
    ttl: int = Field(
        ..., description='Time to live for the PTR record in seconds', examples=[86400]
    )
    ptr: str = Field(..., description='PTR', examples=['vmd1027177.server.net'])


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


class RollbackSnapshotRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )


class Action5(StrEnum):
    created = 'CREATED'
    updated = 'UPDATED'
    deleted = 'DELETED'


class SecretAuditResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    id: float = Field(
        ..., description='The identifier of the audit entry.', examples=['12345']
    )
    secret_id: float = Field(
        ..., alias='secretId', description="Secret's id", examples=['12345'], ge=0.0
    )
    action: Action5 = Field(
        ..., description='Type of the action.', examples=['CREATED']
    )
    timestamp: AwareDatetime | None = Field(
        ...,
        description='When the change took place.',
        examples=['2021-03-30T11:35:06.177Z'],
    )
    tenant_id: str = Field(
        ...,
        alias='tenantId',
        description='Customer tenant id',
        examples=['DE'],
        min_length=1,
    )
    customer_id: str = Field(
        ...,
        alias='customerId',
        description='Customer number',
        examples=['54321'],
        min_length=1,
    )
    changed_by: str = Field(
        ..., alias='changedBy', description='User ID', examples=['54321'], min_length=1
    )
    username: str = Field(
        ...,
        description='Name of the user which led to the change.',
        examples=['John Doe'],
    )
    request_id: str = Field(
        ...,
        alias='requestId',
        description='The requestId of the API call which led to the change.',
        examples=['A2F56FAF-18N0-4893-11HG-R312M1E4FEC5'],
    )
    trace_id: str = Field(
        ...,
        alias='traceId',
        description='The traceId of the API call which led to the change.',
        examples=['78E9A428-94E9-4A2A-92F5-26038C6884F'],
    )
    changes: dict[str, Any] | None = Field(
        None,
        description='List of actual changes.',
        examples=[{'prev': {'name': 'test'}, 'new': {'name': 'test1'}}],
    )


class Type2(StrEnum):
    password = 'password'
    ssh = 'ssh'


class SecretResponse(ContaboModel):
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
        description='Your Customer number',
        examples=['54321'],
        min_length=1,
    )
    secret_id: float = Field(
        ..., alias='secretId', description="Secret's id", examples=['12345'], ge=0.0
    )
    name: str = Field(
        ...,
        description='The name assigned to the password/ssh',
        examples=['Password Secret'],
        max_length=255,
        min_length=1,
    )
    type: Type2 = Field(
        ...,
        description='The type of the secret. This will be available only when retrieving secrets',
        examples=['password'],
    )
    value: str = Field(
        ...,
        description='The value of the secret. This will be available only when retrieving a single secret',
        examples=['password'],
        max_length=500,
        min_length=1,
    )
    created_at: AwareDatetime | None = Field(
        ...,
        alias='createdAt',
        description='The creation date for the secret',
        examples=['2021-06-03T06:27:12.000Z'],
    )
    updated_at: AwareDatetime | None = Field(
        ...,
        alias='updatedAt',
        description='The last update date for the secret',
        examples=['2021-06-03T06:27:12.000Z'],
    )


class SelfLinks(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    self: str = Field(..., description='Link to current resource.')


class SnapshotResponse(ContaboModel):
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
        examples=['3f184ab8-a600-4e7c-8c9b-3413e21a3752'],
        min_length=1,
    )
    snapshot_id: str = Field(
        ...,
        alias='snapshotId',
        description="Snapshot's id",
        examples=['snap1628603855'],
    )
    name: str = Field(
        ...,
        description='The name of the snapshot.',
        examples=['Snapshot-Server'],
        max_length=255,
        min_length=1,
    )
    description: str = Field(
        ...,
        description='The description of the snapshot.',
        examples=['Snapshot-Description'],
        max_length=255,
        min_length=1,
    )
    instance_id: int = Field(
        ...,
        alias='instanceId',
        description='The instance identifier associated with the snapshot',
        examples=[1234],
    )
    created_date: AwareDatetime | None = Field(
        ...,
        alias='createdDate',
        description='The date when the snapshot was created',
        examples=['2021-06-02T12:32:03.363Z'],
    )
    auto_delete_date: AwareDatetime | None = Field(
        ...,
        alias='autoDeleteDate',
        description='The date when the snapshot will be auto-deleted',
        examples=['2021-07-02T12:32:03.363Z'],
    )
    image_id: str = Field(
        ...,
        alias='imageId',
        description='Image Id the snapshot was taken on',
        examples=['9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d'],
    )
    image_name: str = Field(
        ...,
        alias='imageName',
        description='Image name the snapshot was taken on',
        examples=['ubuntu-18.04'],
    )


class SnapshotsAuditResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    id: int = Field(..., description='The ID of the audit entry.', examples=['12345'])
    action: Action5 = Field(
        ..., description='Type of the action.', examples=['CREATED']
    )
    timestamp: AwareDatetime | None = Field(
        ...,
        description='When the change took place.',
        examples=['2021-03-30T11:35:06.177Z'],
    )
    tenant_id: str = Field(
        ...,
        alias='tenantId',
        description='Customer tenant id',
        examples=['DE'],
        min_length=1,
    )
    customer_id: str = Field(
        ...,
        alias='customerId',
        description='Customer ID',
        examples=['54321'],
        min_length=1,
    )
    changed_by: str = Field(
        ...,
        alias='changedBy',
        description='Id of user who performed the change',
        examples=['c4c800ff-e524-47dd-9543-71dfc8b91113'],
        min_length=1,
    )
    username: str = Field(
        ...,
        description='Name of the user which led to the change.',
        examples=['John.Doe'],
    )
    request_id: str = Field(
        ...,
        alias='requestId',
        description='The requestId of the API call which led to the change.',
        examples=['A2F56FAF-18N0-4893-11HG-R312M1E4FEC5'],
    )
    trace_id: str = Field(
        ...,
        alias='traceId',
        description='The traceId of the API call which led to the change.',
        examples=['78E9A428-94E9-4A2A-92F5-26038C6884F'],
    )
    instance_id: int = Field(
        ...,
        alias='instanceId',
        description='The identifier of the instance',
        examples=[12345],
        ge=0,
    )
    snapshot_id: str = Field(
        ...,
        alias='snapshotId',
        description='The identifier of the snapshot',
        examples=['snap1628603855'],
    )
    changes: dict[str, Any] | None = Field(
        None,
        description='List of actual changes',
        examples=[{'prev': {'name': 'test'}, 'new': {'name': 'test1'}}],
    )


class TagAssignmentSelfLinks(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    self: str = Field(..., description='Link to current resource.')
    tag: str = Field(..., description='Link to related tag.')
    field_resource: str = Field(
        ..., alias='_resource', description='Link to assigned resource'
    )


class Action7(StrEnum):
    created = 'CREATED'
    deleted = 'DELETED'
    updated = 'UPDATED'


class TagAuditResponse(ContaboModel):
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
    id: float = Field(
        ..., description='The identifier of the audit entry.', examples=['12345']
    )
    tag_id: int = Field(
        ...,
        alias='tagId',
        description='The identifier of the audit entry.',
        examples=['12345'],
        ge=0,
    )
    action: Action7 = Field(
        ..., description='Type of the action.', examples=['CREATED']
    )
    timestamp: AwareDatetime | None = Field(
        ...,
        description='When the change took place.',
        examples=['2021-03-30T11:35:06.177Z'],
    )
    changed_by: str = Field(
        ..., alias='changedBy', description='User ID', examples=['54321'], min_length=1
    )
    username: str = Field(
        ...,
        description='Name of the user which led to the change.',
        examples=['John Doe'],
    )
    request_id: str = Field(
        ...,
        alias='requestId',
        description='The requestId of the API call which led to the change.',
        examples=['A2F56FAF-18N0-4893-11HG-R312M1E4FEC5'],
    )
    trace_id: str = Field(
        ...,
        alias='traceId',
        description='The traceId of the API call which led to the change.',
        examples=['78E9A428-94E9-4A2A-92F5-26038C6884F'],
    )
    changes: dict[str, Any] | None = Field(
        None,
        description='List of actual changes.',
        examples=[{'prev': {'name': 'test'}, 'new': {'name': 'test1'}}],
    )


class TagResponse(ContaboModel):
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
    tag_id: int = Field(..., alias='tagId', description="Tag's id", examples=['12345'])
    name: str = Field(
        ...,
        description="Tag's name",
        examples=['Web-Server'],
        max_length=255,
        min_length=1,
    )
    color: str = Field(
        ..., description="Tag's color", examples=['#0A78C3'], max_length=7, min_length=4
    )
    description: str = Field(
        ..., description='The description of the Tag', examples=['Tag Description']
    )


class UnassignInstancePrivateNetworkResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_links: InstanceAssignmentSelfLinks = Field(
        ...,
        alias='_links',
        description='Links for easy navigation.',
        examples=[
            {
                'self': '/v1/private-networks/12345/instances/100',
                'virtualPrivateCloud': '/v1/private-networks/12345',
                'instance': '/v1/compute/instances/100',
            }
        ],
    )


class UpdateCustomImageRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    name: str | None = Field(
        None, description='Image Name', examples=['Ubuntu Custom Image']
    )
    description: str | None = Field(
        None, description='Image Description', examples=['Ubuntu 20.04 image']
    )


class UpdateCustomImageResponseData(ContaboModel):
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
    image_id: str = Field(
        ...,
        alias='imageId',
        description="Image's id",
        examples=['9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d'],
    )


class UpdatePtrRecordRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    ptr: str = Field(
        ..., description='PTR Record name', examples=['vmd1027177.server.net']
    )


class UpdateSecretRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    name: str | None = Field(None, description='The name of the secret to be saved')
    value: str | None = Field(
        None, description='The value of the secret to be saved', min_length=8
    )


class UpdateSecretResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_links: SelfLinks = Field(
        ...,
        alias='_links',
        description='Links for easy navigation.',
        examples=[{'self': '/v1/secrets/123'}],
    )


class UpdateSnapshotRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    name: str | None = Field(
        None,
        description='The name of the snapshot. Tags may contain only letters, numbers, spaces, dashes. There is a limit of 30 characters per snapshot.',
        examples=['Snapshot-Server'],
        max_length=30,
        min_length=1,
    )
    description: str | None = Field(
        None,
        description='The description of the snapshot. There is a limit of 255 characters per snapshot.',
        examples=['Snapshot-Description'],
        max_length=255,
        min_length=1,
    )


class UpdateSnapshotResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[SnapshotResponse]
    field_links: SelfLinks = Field(
        ...,
        alias='_links',
        examples=[{'self': '/v1/compute/instances/12345/snapshots/snap1628603855'}],
    )


class UpdateTagRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    name: str | None = Field(
        None,
        description='The name of the tag. Tags may contain letters, numbers, colons, dashes, and underscores. There is a limit of 255 characters per tag.',
        examples=['Updated-Web-Server'],
        max_length=255,
        min_length=1,
    )
    color: str | None = Field(
        None,
        description='The color of the tag. Color can be specified using hexadecimal value. Default color is #0A78C3',
        examples=['#0A78C3'],
        max_length=7,
        min_length=4,
    )
    description: str | None = Field(
        None,
        description='The description of the Tag name. ',
        examples=['Tag to differenciate the bad vhosts'],
    )


class UpdateTagResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_links: SelfLinks = Field(
        ...,
        alias='_links',
        description='Links for easy navigation.',
        examples=[{'self': '/v1/tags/12345'}],
    )


class UpdateUserRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    first_name: str | None = Field(
        None,
        alias='firstName',
        description='The name of the user. Names may contain letters, numbers, colons, dashes, and underscores. There is a limit of 255 characters per user.',
        examples=['John'],
        max_length=255,
        min_length=1,
    )
    last_name: str | None = Field(
        None,
        alias='lastName',
        description='The last name of the user. Users may contain letters, numbers, colons, dashes, and underscores. There is a limit of 255 characters per user.',
        examples=['Doe'],
        max_length=255,
        min_length=1,
    )
    email: str | None = Field(
        None,
        description='The email of the user to which activation and forgot password links are being sent to. There is a limit of 255 characters per email.',
        examples=['john.doe@example.com'],
        max_length=255,
        min_length=1,
    )
    enabled: bool | None = Field(
        None,
        description="If user is not enabled, he can't login and thus use services any longer.",
        examples=[False],
    )
    totp: bool | None = Field(
        None,
        description='Enable or disable two-factor authentication (2FA) via time based OTP.',
        examples=[False],
    )
    locale: Locale | None = Field(
        None,
        description='The locale of the user. This can be `de-DE`, `de`, `en-US`, `en`, `es-ES`, `es`, `pt-BR`, `pt`.',
        examples=['de'],
    )
    roles: list[int] | None = Field(
        None,
        description='The roles as list of `roleId`s of the user.',
        examples=[[1, 2, 3, 4]],
    )


class UpdateUserResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_links: SelfLinks = Field(
        ...,
        alias='_links',
        description='Links for easy navigation.',
        examples=[{'self': '/v1/users/12345'}],
    )


class State2(StrEnum):
    enabled = 'enabled'
    disabled = 'disabled'


class UpgradeAutoScalingType(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    state: State2 | None = Field(
        None,
        description='State of the autoscaling for the current object storage.',
        examples=['enabled'],
    )
    size_limit_tb: float | None = Field(
        None,
        alias='sizeLimitTB',
        description='Autoscaling size limit for the current object storage.',
        examples=[6],
    )


class UpgradeInstanceRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    private_networking: PrivateNetworkingUpgradeRequest | None = Field(
        None,
        alias='privateNetworking',
        description='Set this attribute if you want to upgrade your instance with the Private Networking addon. Please provide an empty object for the time being as value. There will be more configuration possible in the future.',
        examples=[{}],
    )
    backup: Backup | None = Field(
        None,
        description='Set this attribute if you want to upgrade your instance with the Automated Backup addon.   Please provide an empty object for the time being as value. There will be more configuration possible   in the future.',
        examples=[{}],
    )


class UpgradeObjectStorageRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    auto_scaling: UpgradeAutoScalingType | None = Field(
        None,
        alias='autoScaling',
        description='New monthly object storage size limit for autoscaling if enabled.',
    )
    total_purchased_space_tb: float | None = Field(
        None,
        alias='totalPurchasedSpaceTB',
        description='New total object storage limit. If this number is larger than before you will also be billed for the added storage space. No downgrade possible.',
        examples=[8],
    )


class UpgradeObjectStorageResponseData(ContaboModel):
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
    object_storage_id: str = Field(
        ...,
        alias='objectStorageId',
        description='Object storage id',
        examples=['9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d'],
        min_length=1,
    )
    created_date: str = Field(
        ...,
        alias='createdDate',
        description='Creation date for object storage.',
        examples=['2021-06-02T12:32:03.363Z'],
    )
    data_center: str = Field(
        ...,
        alias='dataCenter',
        description='Data center of the object storage.',
        examples=['EU'],
    )
    auto_scaling: AutoScalingTypeResponse = Field(
        ...,
        alias='autoScaling',
        description='The autoscaling limit of the object storage.',
    )
    s3_url: str = Field(
        ...,
        alias='s3Url',
        description='S3 URL to connect to your S3 compatible object storage',
        examples=['eu1-s3.contabo.com'],
    )
    status: Status2 = Field(
        ..., description='The object storage status', examples=['READY']
    )
    total_purchased_space_tb: float = Field(
        ...,
        alias='totalPurchasedSpaceTB',
        description='Total purchased object storage space in TB.',
        examples=[6],
    )
    region: str = Field(
        ...,
        description='The region where your object storage is located',
        examples=['European Union'],
    )
    display_name: str = Field(
        ...,
        alias='displayName',
        description='Display name for object storage.',
        examples=['Object storage 1'],
        max_length=255,
        min_length=1,
    )


class VipAuditResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    id: int = Field(
        ..., description='The identifier of the audit entry.', examples=['12345']
    )
    vip_id: str = Field(
        ...,
        alias='vipId',
        description='The identifier of the VIP',
        examples=['b943b25a-c8b5-4570-9135-4bbaa7615b81'],
    )
    action: Action7 = Field(
        ..., description='Type of the action.', examples=['CREATED']
    )
    timestamp: AwareDatetime | None = Field(
        ...,
        description='When the change took place.',
        examples=['2021-03-30T11:35:06.177Z'],
    )
    tenant_id: str = Field(
        ...,
        alias='tenantId',
        description='Customer tenant id',
        examples=['DE'],
        min_length=1,
    )
    customer_id: str = Field(
        ...,
        alias='customerId',
        description='Customer number',
        examples=['54321'],
        min_length=1,
    )
    changed_by: str = Field(
        ..., alias='changedBy', description='User id', examples=['54321'], min_length=1
    )
    username: str = Field(
        ..., description='User name which did the change.', examples=['John Doe']
    )
    request_id: str = Field(
        ...,
        alias='requestId',
        description='The requestId of the API call which led to the change.',
        examples=['A2F56FAF-18N0-4893-11HG-R312M1E4FEC5'],
    )
    trace_id: str = Field(
        ...,
        alias='traceId',
        description='The traceId of the API call which led to the change.',
        examples=['78E9A428-94E9-4A2A-92F5-26038C6884F'],
    )
    changes: dict[str, Any] | None = Field(
        None,
        description='List of actual changes.',
        examples=[{'prev': {'name': 'test'}, 'new': {'name': 'test1'}}],
    )


class Type3(StrEnum):
    additional = 'additional'
    floating = 'floating'


class VipResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    tenant_id: str = Field(
        ..., alias='tenantId', description='Tenant Id.', examples=['DE'], min_length=1
    )
    customer_id: str = Field(
        ...,
        alias='customerId',
        description="Customer's Id.",
        examples=['1234'],
        min_length=1,
    )
    vip_id: str = Field(
        ...,
        alias='vipId',
        description='Vip uuid.',
        examples=['a846c6cc-731c-45dc-b653-bc8232e88d9c'],
    )
    data_center: str = Field(
        ...,
        alias='dataCenter',
        description='data center.',
        examples=['European Union (Germany) 3'],
    )
    region: str = Field(
        ..., description='Region', examples=['European Union (Germany)']
    )
    resource_id: str = Field(
        ..., alias='resourceId', description='Resource Id.', examples=['101234']
    )
    resource_type: ResourceType | None = Field(
        None,
        alias='resourceType',
        description='The resourceType using the VIP.',
        examples=['instances'],
    )
    resource_name: str = Field(
        ..., alias='resourceName', description='Resource name.', examples=['vmi100101']
    )
    resource_display_name: str = Field(
        ...,
        alias='resourceDisplayName',
        description='Resource display name.',
        examples=['My Instance 12'],
    )
    ip_version: IpVersion = Field(..., alias='ipVersion', description='Version of Ip.')
    type: Type3 | None = Field(
        None, description='The VIP type.', examples=['additional']
    )
    v4: IpV4 | None = None


class InstanceStatus(StrEnum):
    provisioning = 'provisioning'
    uninstalled = 'uninstalled'
    running = 'running'
    stopped = 'stopped'
    error = 'error'
    installing = 'installing'
    unknown = 'unknown'
    manual_provisioning = 'manual_provisioning'
    product_not_available = 'product_not_available'
    verification_required = 'verification_required'
    rescue = 'rescue'
    pending_payment = 'pending_payment'
    other = 'other'
    reset_password = 'reset_password'


class AdditionalIp(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    v4: IpV42


class ApiPtrRecordResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[PtrRecordResponse]
    field_links: SelfLinks = Field(
        ..., alias='_links', examples=[{'self': '/v1/dns/ptrs/1.2.3.4'}]
    )


class AssignInstancePrivateNetworkResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_links: InstanceAssignmentSelfLinks = Field(
        ...,
        alias='_links',
        description='Links for easy navigation.',
        examples=[
            {
                'self': '/v1/private-networks/12345/instances/100',
                'virtualPrivateCloud': '/v1/private-networks/12345',
                'instance': '/v1/compute/instances/100',
            }
        ],
    )


class AssignVipResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[VipResponse]
    field_links: SelfLinks = Field(
        ..., alias='_links', examples=[{'self': '/v1/vips/1.2.2.4/instances/12345'}]
    )


class CancelInstanceResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[CancelInstanceResponseData]
    field_links: SelfLinks = Field(
        ..., alias='_links', examples=[{'self': '/v1/compute/instances/12345'}]
    )


class CancelObjectStorageResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_links: SelfLinks = Field(
        ...,
        alias='_links',
        examples=[{'self': '/v1/object-storages/9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d'}],
    )
    data: list[CancelObjectStorageResponseData]


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


class CreateCustomImageResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[CreateCustomImageResponseData]
    field_links: SelfLinks = Field(
        ...,
        alias='_links',
        examples=[{'self': '/v1/compute/images/9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d'}],
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


class CreateObjectStorageResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[CreateObjectStorageResponseData]
    field_links: SelfLinks = Field(
        ...,
        alias='_links',
        examples=[{'self': '/v1/object-storages/8cd3f2ba-65a7-4279-bb54-0fea88dc8860'}],
    )


class CreateSecretResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[SecretResponse]
    field_links: SelfLinks = Field(
        ..., alias='_links', examples=[{'self': '/v1/secrets/123'}]
    )


class CreateSnapshotResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[SnapshotResponse]
    field_links: SelfLinks = Field(
        ...,
        alias='_links',
        examples=[{'self': '/v1/compute/instances/12345/snapshots/snap1628603855'}],
    )


class CreateTagResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[CreateTagResponseData]
    field_links: SelfLinks = Field(
        ..., alias='_links', examples=[{'self': '/v1/tags/12345'}]
    )


class CreateUserResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[CreateUserResponseData]
    field_links: SelfLinks = Field(
        ..., alias='_links', examples=[{'self': '/v1/users/12345'}]
    )


class CustomImagesStatsResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[CustomImagesStatsResponseData]
    field_links: SelfLinks = Field(
        ..., alias='_links', examples=[{'self': '/v1/compute/images/stats'}]
    )


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


class FindClientResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[ClientResponse]
    field_links: SelfLinks = Field(
        ..., alias='_links', examples=[{'self': '/v1/users/client'}]
    )


class FindCredentialResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[CredentialData]
    field_links: SelfLinks = Field(
        ...,
        alias='_links',
        examples=[
            {
                'self': 'v1/users/08a92037-01e8-4dff-8565-47cad7be701a/object-storages/e3f0207c-f7fe-433a-92ab-39a9e976642d/credentials'
            }
        ],
    )


class FindImageResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[ImageResponse]
    field_links: SelfLinks = Field(
        ...,
        alias='_links',
        examples=[{'self': '/v1/compute/images/9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d'}],
    )


class FindObjectStorageResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[ObjectStorageResponse]
    field_links: SelfLinks = Field(
        ...,
        alias='_links',
        examples=[{'self': '/v1/object-storages/8cd3f2ba-65a7-4279-bb54-0fea88dc8860'}],
    )


class FindSecretResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[SecretResponse]
    field_links: SelfLinks = Field(
        ..., alias='_links', examples=[{'self': '/v1/secrets/123'}]
    )


class FindSnapshotResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[SnapshotResponse]
    field_links: SelfLinks = Field(
        ...,
        alias='_links',
        examples=[{'self': '/v1/compute/instances/12345/snapshots/snap1628603855'}],
    )


class FindTagResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[TagResponse]
    field_links: SelfLinks = Field(
        ..., alias='_links', examples=[{'self': '/v1/tags/12345'}]
    )


class FindVipResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[VipResponse]
    field_links: SelfLinks = Field(
        ..., alias='_links', examples=[{'self': '/v1/vips/12345'}]
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


class InstanceResetPasswordActionResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[InstanceResetPasswordActionResponseData]
    field_links: SelfLinks = Field(
        ...,
        alias='_links',
        examples=[{'self': '/v1/compute/instances/12345/actions/resetPassword'}],
    )


class InstanceRestartActionResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[InstanceRestartActionResponseData]
    field_links: SelfLinks = Field(
        ...,
        alias='_links',
        examples=[{'self': '/v1/compute/instances/12345/actions/restart'}],
    )


class InstanceShutdownActionResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[InstanceShutdownActionResponseData]
    field_links: SelfLinks = Field(
        ...,
        alias='_links',
        examples=[{'self': '/v1/compute/instances/12345/actions/shutdown'}],
    )


class InstanceStartActionResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[InstanceStartActionResponseData]
    field_links: SelfLinks = Field(
        ...,
        alias='_links',
        examples=[{'self': '/v1/compute/instances/12345/actions/start'}],
    )


class InstanceStopActionResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[InstanceStopActionResponseData]
    field_links: SelfLinks = Field(
        ...,
        alias='_links',
        examples=[{'self': '/v1/compute/instances/12345/actions/stop'}],
    )


class IpConfig(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    v4: IpV41
    v6: IpV6


class IpConfig1(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    v4: IpV42
    v6: IpV6


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


class ListCredentialResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias='_pagination',
        description='Data about pagination like how many results, pages, page size.',
    )
    data: list[CredentialData]
    field_links: Links = Field(
        ...,
        alias='_links',
        examples=[
            {
                'first': 'v1/users/08a92037-01e8-4dff-8565-47cad7be701a/object-storages/credentials?page=1',
                'next': 'v1/users/08a92037-01e8-4dff-8565-47cad7be701a/object-storages/credentials?page=19',
                'self': 'v1/users/08a92037-01e8-4dff-8565-47cad7be701a/object-storages/credentials/12345',
                'previous': 'v1/users/08a92037-01e8-4dff-8565-47cad7be701a/object-storages/credentials?page=21',
                'last': 'v1/users/08a92037-01e8-4dff-8565-47cad7be701a/object-storages/credentials?page=101',
            }
        ],
    )


class ListDataCenterResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias='_pagination',
        description='Data about pagination like how many results, pages, page size.',
    )
    data: list[DataCenterResponse]
    field_links: Links = Field(
        ...,
        alias='_links',
        examples=[
            {
                'first': '/v1/data-centers?page=1',
                'previous': '/v1/data-centers?page=19',
                'self': '/v1/data-centers/12345',
                'next': '/v1/data-centers?page=21',
                'last': '/v1/data-centers?page=101',
            }
        ],
    )


class ListImageResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias='_pagination',
        description='Data about pagination like how many results, pages, page size.',
    )
    data: list[ListImageResponseData]
    field_links: Links = Field(
        ...,
        alias='_links',
        examples=[
            {
                'first': '/v1/compute/images?page=1',
                'previous': '/v1/compute/images?page=19',
                'self': '/v1/compute/images?page=20',
                'next': '/v1/compute/images?page=21',
                'last': '/v1/compute/images?page=101',
            }
        ],
    )


class ListInstancesActionsAuditResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias='_pagination',
        description='Data about pagination like how many results, pages, page size.',
    )
    data: list[InstancesActionsAuditResponse]
    field_links: Links = Field(
        ...,
        alias='_links',
        examples=[
            {
                'first': '/v1/compute/instances/actions/audits?page=2',
                'previous': '/v1/compute/instances/actions/audits?page=2',
                'next': '/v1/compute/instances/actions/audits?page=3',
                'last': '/v1/compute/instances/actions/audits?page=10',
                'self': '/v1/compute/instances/actions/audits',
            }
        ],
    )


class ListInstancesAuditResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias='_pagination',
        description='Data about pagination like how many results, pages, page size.',
    )
    data: list[InstancesAuditResponse]
    field_links: Links = Field(
        ...,
        alias='_links',
        examples=[
            {
                'first': '/v1/compute/instances/audits?page=2',
                'previous': '/v1/compute/instances/audits?page=2',
                'next': '/v1/compute/instances/audits?page=3',
                'last': '/v1/compute/instances/audits?page=10',
                'self': '/v1/compute/instances/audits',
            }
        ],
    )


class ListInstancesResponseData(ContaboModel):
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


class ListObjectStorageAuditResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias='_pagination',
        description='Data about pagination like how many results, pages, page size.',
    )
    data: list[ObjectStorageAuditResponse]
    field_links: Links = Field(
        ...,
        alias='_links',
        examples=[
            {
                'first': '/v1/object-storages/audits?page=2',
                'previous': '/v1/object-storages/audits?page=2',
                'next': '/v1/object-storages/audits?page=3',
                'last': '/v1/object-storages/audits?page=10',
                'self': '/v1/object-storages/audits',
            }
        ],
    )


class ListObjectStorageResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias='_pagination',
        description='Data about pagination like how many results, pages, page size.',
    )
    data: list[ObjectStorageResponse]
    field_links: Links = Field(
        ...,
        alias='_links',
        examples=[
            {
                'first': '/v1/object-storages?size=10',
                'previous': '/v1/object-storages?page=1&size=10',
                'next': '/v1/object-storages?page=3&size=10',
                'last': '/v1/object-storages?page=5&size=10',
                'self': '/v1/object-storages',
            }
        ],
    )


class ListPrivateNetworkAuditResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias='_pagination',
        description='Data about pagination like how many results, pages, page size.',
    )
    data: list[PrivateNetworkAuditResponse]
    field_links: Links = Field(
        ...,
        alias='_links',
        examples=[
            {
                'first': '/v1/private-networks/audits?page=2',
                'previous': '/v1/private-networks/audits?page=2',
                'next': '/v1/private-networks/audits?page=3',
                'last': '/v1/private-networks/audits?page=10',
                'self': '/v1/private-networks/audits',
            }
        ],
    )


class ListPtrRecordsResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias='_pagination',
        description='Data about pagination like how many results, pages, page size.',
    )
    data: list[PtrRecordResponse]
    field_links: Links = Field(
        ...,
        alias='_links',
        examples=[
            {
                'first': '/v1/dns/ptrs?page=1',
                'previous': '/v1/dns/ptrs?page=19',
                'self': '/v1/dns/ptrs?page=20',
                'next': '/v1/dns/ptrs?page=21',
                'last': '/v1/dns/ptrs?page=101',
            }
        ],
    )


class ListSecretAuditResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias='_pagination',
        description='Data about pagination like how many results, pages, page size.',
    )
    data: list[SecretAuditResponse]
    field_links: Links = Field(
        ...,
        alias='_links',
        examples=[
            {
                'first': '/v1/secrets/audits?page=1',
                'previous': '/v1/secrets/audits?page=19',
                'self': '/v1/secrets/audits?page=20',
                'next': '/v1/secrets/audits?page=21',
                'last': '/v1/secrets/audits?page=101',
            }
        ],
    )


class ListSecretResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias='_pagination',
        description='Data about pagination like how many results, pages, page size.',
    )
    data: list[SecretResponse]
    field_links: SelfLinks = Field(
        ...,
        alias='_links',
        examples=[
            {
                'self': '/v1/secrets',
                'first': '/v1/secrets?page=1',
                'previous': '/v1/secrets?page=19',
                'next': '/v1/secrets?page=21',
                'last': '/v1/secrets?page=101',
            }
        ],
    )


class ListSnapshotResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias='_pagination',
        description='Data about pagination like how many results, pages, page size.',
    )
    data: list[SnapshotResponse]
    field_links: Links = Field(
        ...,
        alias='_links',
        examples=[
            {
                'first': '/v1/compute/instances/12345/snapshots?page=1',
                'next': '/v1/compute/instances/12345/snapshots?page=19',
                'self': '/v1/compute/instances/12345/snapshots/snap1628603855',
                'previous': '/v1/compute/instances/12345/snapshots?page=21',
                'last': '/v1/compute/instances/12345/snapshots?page=101',
            }
        ],
    )


class ListSnapshotsAuditResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias='_pagination',
        description='Data about pagination like how many results, pages, page size.',
    )
    data: list[SnapshotsAuditResponse]
    field_links: Links = Field(
        ...,
        alias='_links',
        examples=[
            {
                'first': '/v1/compute/snapshots/audits?page=2',
                'previous': '/v1/compute/snapshots/audits?page=2',
                'next': '/v1/compute/snapshots/audits?page=3',
                'last': '/v1/compute/snapshots/audits?page=10',
                'self': '/v1/compute/snapshots/audits',
            }
        ],
    )


class ListTagAuditsResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias='_pagination',
        description='Data about pagination like how many results, pages, page size.',
    )
    data: list[TagAuditResponse]
    field_links: Links = Field(
        ...,
        alias='_links',
        examples=[
            {
                'first': '/v1/tags/audits?page=1',
                'previous': '/v1/tags/audits?page=19',
                'self': '/v1/tags/audits?page=20',
                'next': '/v1/tags/audits?page=21',
                'last': '/v1/tags/audits?page=101',
            }
        ],
    )


class ListTagResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias='_pagination',
        description='Data about pagination like how many results, pages, page size.',
    )
    data: list[TagResponse]
    field_links: Links = Field(
        ...,
        alias='_links',
        examples=[
            {
                'first': '/v1/tags?page=1',
                'previous': '/v1/tags?page=19',
                'self': '/v1/tags/12345',
                'next': '/v1/tags?page=21',
                'last': '/v1/tags?page=101',
            }
        ],
    )


class ListVipAuditResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias='_pagination',
        description='Data about pagination like how many results, pages, page size.',
    )
    data: list[VipAuditResponse]
    field_links: Links = Field(
        ...,
        alias='_links',
        examples=[
            {
                'first': '/v1/vips/audits?page=2',
                'previous': '/v1/vips/audits?page=2',
                'next': '/v1/vips/audits?page=3',
                'last': '/v1/vips/audits?page=10',
                'self': '/v1/vips/audits',
            }
        ],
    )


class ListVipResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias='_pagination',
        description='Data about pagination like how many results, pages, page size.',
    )
    data: list[ListVipResponseData]
    field_links: Links = Field(
        ...,
        alias='_links',
        examples=[
            {
                'first': '/v1/vips?page=1',
                'previous': '/v1/vips?page=19',
                'self': '/v1/vips?page=20',
                'next': '/v1/vips?page=21',
                'last': '/v1/vips?page=101',
            }
        ],
    )


class ObjectStoragesStatsResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[ObjectStoragesStatsResponseData]
    field_links: SelfLinks = Field(
        ...,
        alias='_links',
        examples=[
            {'self': '/v1/object-storages/stats/8cd3f2ba-65a7-4279-bb54-0fea88dc8860'}
        ],
    )


class PatchInstanceResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[PatchInstanceResponseData]
    field_links: SelfLinks = Field(
        ..., alias='_links', examples=[{'self': '/v1/compute/instances/12345'}]
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


class ReinstallInstanceResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[ReinstallInstanceResponseData]
    field_links: SelfLinks = Field(
        ..., alias='_links', examples=[{'self': '/v1/compute/instances/12345'}]
    )


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


class RollbackSnapshotResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_links: SelfLinks = Field(
        ...,
        alias='_links',
        description='Links for easy navigation.',
        examples=[{'self': '/v1/compute/instances/12345/snapshots/snap1628603855'}],
    )


class UpdateCustomImageResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[UpdateCustomImageResponseData]
    field_links: SelfLinks = Field(
        ...,
        alias='_links',
        examples=[{'self': '/v1/compute/images/9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d'}],
    )


class UpgradeObjectStorageResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_links: SelfLinks = Field(
        ...,
        alias='_links',
        examples=[{'self': '/v1/object-storages/9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d'}],
    )
    data: list[UpgradeObjectStorageResponseData]


class UserResponse(ContaboModel):
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
    user_id: str = Field(
        ...,
        alias='userId',
        description='The identifier of the user.',
        examples=['6cdf5968-f9fe-4192-97c2-f349e813c5e8'],
    )
    first_name: str = Field(
        ...,
        alias='firstName',
        description='The first name of the user. Users may contain letters, numbers, colons, dashes, and underscores. There is a limit of 255 characters per user.',
        examples=['John'],
        max_length=255,
        min_length=1,
    )
    last_name: str = Field(
        ...,
        alias='lastName',
        description='The last name of the user. Users may contain letters, numbers, colons, dashes, and underscores. There is a limit of 255 characters per user.',
        examples=['Doe'],
        max_length=255,
        min_length=1,
    )
    email: str = Field(
        ...,
        description='The email of the user to which activation and forgot password links are being sent to. There is a limit of 255 characters per email.',
        examples=['john.doe@example.com'],
        max_length=255,
        min_length=1,
    )
    email_verified: bool = Field(
        ...,
        alias='emailVerified',
        description='User email verification status.',
        examples=[False],
    )
    enabled: bool = Field(
        ...,
        description="If uses is not enabled, he can't login and thus use services any longer.",
        examples=[False],
    )
    totp: bool = Field(
        ...,
        description='Enable or disable two-factor authentication (2FA) via time based OTP.',
        examples=[False],
    )
    locale: Locale = Field(
        ...,
        description='The locale of the user. This can be `de-DE`, `de`, `en-US`, `en`, `es-ES`, `es`, `pt-BR`, `pt`.',
        examples=['de'],
    )
    roles: list[RoleResponse] = Field(
        ..., description='The roles as list of `roleId`s of the user.'
    )
    owner: bool = Field(
        ...,
        description='If user is owner he will have permissions to all API endpoints and resources. Enabling this will superseed all role definitions and `accessAllResources`.',
        examples=[False],
    )


class CreateInstanceResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[CreateInstanceResponseData]
    field_links: SelfLinks = Field(
        ..., alias='_links', examples=[{'self': '/v1/compute/instances/12345'}]
    )


class FindUserResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[UserResponse]
    field_links: SelfLinks = Field(
        ..., alias='_links', examples=[{'self': '/v1/users/12345'}]
    )


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


class Instances(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    instance_id: int = Field(
        ..., alias='instanceId', description='Instance id', examples=[100]
    )
    display_name: str = Field(
        ...,
        alias='displayName',
        description='Instance display name',
        examples=['Instance'],
    )
    name: str = Field(..., description='Instance name', examples=['vmd12345'])
    product_id: str = Field(
        ..., alias='productId', description='Product id', examples=['V1']
    )
    private_ip_config: PrivateIpConfig = Field(..., alias='privateIpConfig')
    ip_config: IpConfig = Field(..., alias='ipConfig')
    status: Status1 = Field(
        ..., description='State of the instance in the Private Network', examples=['ok']
    )
    error_message: str | None = Field(
        None, alias='errorMessage', description='Message in case of an error.'
    )


class ListInstancesResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias='_pagination',
        description='Data about pagination like how many results, pages, page size.',
    )
    data: list[ListInstancesResponseData]
    field_links: Links = Field(
        ...,
        alias='_links',
        examples=[
            {
                'first': '/v1/compute/instances?page=1',
                'previous': '/v1/compute/instances?page=19',
                'self': '/v1/compute/instances?page=20',
                'next': '/v1/compute/instances?page=21',
                'last': '/v1/compute/instances?page=101',
            }
        ],
    )


class ListPrivateNetworkResponseData(ContaboModel):
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
    private_network_id: int = Field(
        ...,
        alias='privateNetworkId',
        description="Private Network's id",
        examples=[12345],
    )
    data_center: str = Field(
        ...,
        alias='dataCenter',
        description='The data center where your Private Network is located',
        examples=['European Union 1'],
    )
    region: str = Field(
        ...,
        description='The slug of the region where your Private Network is located',
        examples=['EU'],
    )
    region_name: str = Field(
        ...,
        alias='regionName',
        description='The region where your Private Network is located',
        examples=['European Union'],
    )
    name: str = Field(
        ...,
        description='The name of the Private Network',
        examples=['myPrivateNetwork'],
    )
    description: str = Field(
        ...,
        description='The description of the Private Network',
        examples=['myPrivateNetwork Description'],
    )
    cidr: str = Field(
        ...,
        description='The cidr range of the Private Network',
        examples=['10.0.0.0/22'],
    )
    available_ips: int = Field(
        ...,
        alias='availableIps',
        description='The total available IPs of the Private Network',
        examples=[1022],
    )
    created_date: AwareDatetime | None = Field(
        ...,
        alias='createdDate',
        description='The creation date of the Private Network',
        examples=['2021-06-03T06:27:12.000Z'],
    )
    instances: list[Instances]


class ListRoleResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias='_pagination',
        description='Data about pagination like how many results, pages, page size.',
    )
    data: list[RoleResponse]
    field_links: Links = Field(
        ...,
        alias='_links',
        examples=[
            {
                'first': '/v1/role/{roleType}/?page=1',
                'next': '/v1/role/{roleType}/?page=19',
                'self': '/v1/role/{roleType}/12345',
                'previous': '/v1/role/{roleType}/?page=21',
                'last': '/v1/role/{roleType}?page=101',
            }
        ],
    )


class ListUserResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias='_pagination',
        description='Data about pagination like how many results, pages, page size.',
    )
    data: list[UserResponse]
    field_links: Links = Field(
        ...,
        alias='_links',
        examples=[
            {
                'first': '/v1/users?page=1',
                'next': '/v1/users?page=19',
                'self': '/v1/users/12345',
                'previous': '/v1/users?page=21',
                'last': '/v1/users?page=101',
            }
        ],
    )


class PrivateNetworkResponse(ContaboModel):
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
    private_network_id: int = Field(
        ...,
        alias='privateNetworkId',
        description="Private Network's id",
        examples=[12345],
    )
    data_center: str = Field(
        ...,
        alias='dataCenter',
        description='The data center where your Private Network is located',
        examples=['European Union 1'],
    )
    region: str = Field(
        ...,
        description='The slug of the region where your Private Network is located',
        examples=['EU'],
    )
    region_name: str = Field(
        ...,
        alias='regionName',
        description='The region where your Private Network is located',
        examples=['European Union'],
    )
    name: str = Field(
        ...,
        description='The name of the Private Network',
        examples=['myPrivateNetwork'],
    )
    description: str = Field(
        ...,
        description='The description of the Private Network',
        examples=['myPrivateNetwork Description'],
    )
    cidr: str = Field(
        ...,
        description='The cidr range of the Private Network',
        examples=['10.0.0.0/22'],
    )
    available_ips: int = Field(
        ...,
        alias='availableIps',
        description='The total available IPs of the Private Network',
        examples=[1022],
    )
    created_date: AwareDatetime | None = Field(
        ...,
        alias='createdDate',
        description='The creation date of the Private Network',
        examples=['2021-06-03T06:27:12.000Z'],
    )
    instances: list[Instances]


class CreatePrivateNetworkResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[PrivateNetworkResponse]
    field_links: SelfLinks = Field(
        ..., alias='_links', examples=[{'self': '/v1/private-networks/12345'}]
    )


class FindInstanceResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[InstanceResponse]
    field_links: SelfLinks = Field(
        ..., alias='_links', examples=[{'self': '/v1/compute/instances/100'}]
    )


class FindPrivateNetworkResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[PrivateNetworkResponse]
    field_links: SelfLinks = Field(
        ..., alias='_links', examples=[{'self': '/v1/private-networks/12345'}]
    )


class ListPrivateNetworkResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias='_pagination',
        description='Data about pagination like how many results, pages, page size.',
    )
    data: list[ListPrivateNetworkResponseData]
    field_links: Links = Field(
        ...,
        alias='_links',
        examples=[
            {
                'first': '/v1/private-networks?page=1',
                'previous': '/v1/private-networks?page=19',
                'self': '/v1/private-networks?page=20',
                'next': '/v1/private-networks?page=21',
                'last': '/v1/private-networks?page=101',
            }
        ],
    )


class PatchPrivateNetworkResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[PrivateNetworkResponse]
    field_links: SelfLinks = Field(
        ..., alias='_links', examples=[{'self': '/v1/private-networks/12345'}]
    )
