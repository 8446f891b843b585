# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by retrieveSnapshotList.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._links import Links
from ._pagination_meta import PaginationMeta
from ._snapshot_response import SnapshotResponse


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
