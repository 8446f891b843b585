# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by createSnapshot.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._self_links import SelfLinks
from ._snapshot_response import SnapshotResponse


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
