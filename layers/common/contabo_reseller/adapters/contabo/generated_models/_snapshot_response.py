# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by createSnapshot, retrieveSnapshot, retrieveSnapshotList, updateSnapshot.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import AwareDatetime, ConfigDict, Field


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
