# Generated from docs/contabo/openapi-2026-08.generator-normalized.yaml by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by createFirewall, patchFirewall, putFirewall, retrieveFirewall, retrievePresetRules.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field


class SelfLinks(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    self: str = Field(..., description='Link to current resource.')
