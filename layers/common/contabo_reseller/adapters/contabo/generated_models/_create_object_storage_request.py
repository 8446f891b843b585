# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by createObjectStorage.

from __future__ import annotations

from enum import StrEnum

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import AwareDatetime, ConfigDict, Field

from ._auto_scaling_type_response import AutoScalingTypeResponse
from ._self_links import SelfLinks


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
