# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by CancelObjectStorage, updateObjectStorage.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._self_links import SelfLinks


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
