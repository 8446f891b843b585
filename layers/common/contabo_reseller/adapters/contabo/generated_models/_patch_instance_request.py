# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by patchInstance.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field


class PatchInstanceRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    display_name: str | None = Field(
        None,
        alias='displayName',
        description='The display name of the instance',
        examples=['VPS'],
        max_length=255,
    )
