# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by retrieveObjectStorageList.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._links import Links
from ._object_storage_response import ObjectStorageResponse
from ._pagination_meta import PaginationMeta


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
