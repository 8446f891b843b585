# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by updateObjectStorage.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field


class PatchObjectStorageRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    display_name: str = Field(
        ...,
        alias='displayName',
        description='Display name helps to differentiate between object storages, especially if they are in the same region.',
        examples=['Object storage 1'],
        max_length=255,
        min_length=1,
    )
