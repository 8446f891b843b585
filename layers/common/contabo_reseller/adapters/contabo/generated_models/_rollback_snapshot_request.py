# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by rollbackSnapshot.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._self_links import SelfLinks


class RollbackSnapshotRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )


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
