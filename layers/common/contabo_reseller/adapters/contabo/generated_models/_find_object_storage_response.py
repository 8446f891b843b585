# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by retrieveObjectStorage.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._object_storage_response import ObjectStorageResponse
from ._self_links import SelfLinks


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
