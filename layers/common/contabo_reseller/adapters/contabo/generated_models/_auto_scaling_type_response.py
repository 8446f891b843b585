# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by createObjectStorage, retrieveObjectStorage, retrieveObjectStorageList,
# upgradeObjectStorage.

from __future__ import annotations

from enum import StrEnum

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field


class State1(StrEnum):
    enabled = 'enabled'
    disabled = 'disabled'
    error = 'error'


class AutoScalingTypeResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    state: State1 = Field(
        ...,
        description='State of the autoscaling for the current object storage.',
        examples=['enabled'],
    )
    size_limit_tb: float = Field(
        ...,
        alias='sizeLimitTB',
        description='Autoscaling size limit for the current object storage.',
        examples=[1],
    )
    error_message: str | None = Field(
        None, alias='errorMessage', description='Error message'
    )
