# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by CancelObjectStorage.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import AwareDatetime, ConfigDict, Field


class CancelObjectStorageRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    cancel_date: AwareDatetime | None = Field(
        None,
        alias='cancelDate',
        description='Date of cancellation',
        examples=['2025-01-01'],
    )
