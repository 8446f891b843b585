# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by retrieveObjectStorage, retrieveObjectStorageList.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import AwareDatetime, ConfigDict, Field

from ._auto_scaling_type_response import AutoScalingTypeResponse
from ._status2 import Status2


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
