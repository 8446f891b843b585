# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by upgradeObjectStorage.

from __future__ import annotations

from enum import StrEnum

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._auto_scaling_type_response import AutoScalingTypeResponse
from ._self_links import SelfLinks
from ._status2 import Status2


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
