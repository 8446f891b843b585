# Generated from docs/contabo/openapi-2026-08.generator-normalized.yaml by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by assignInstanceFirewall, unassignInstanceFirewall.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field


class InstanceAssignmentSelfLinks1(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    self: str = Field(..., description='Link to current resource.')
    firewall: str = Field(..., description='Link to related firewall.')
    instance: str = Field(..., description='Link to assigned instance.')
