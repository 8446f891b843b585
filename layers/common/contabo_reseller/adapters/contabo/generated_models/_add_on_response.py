# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by createInstance, retrieveInstance, retrieveInstancesList.

from __future__ import annotations

from enum import StrEnum

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field


class AddOnResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    id: int = Field(
        ...,
        description='Id of the Addon. Please refer to list [here](https://contabo.com/en/product-list/?show_ids=true).',
        examples=[1431],
    )
    quantity: int = Field(
        ..., description='The number of Addons you wish to aquire.', examples=[4]
    )


class InstanceStatus(StrEnum):
    provisioning = 'provisioning'
    uninstalled = 'uninstalled'
    running = 'running'
    stopped = 'stopped'
    error = 'error'
    installing = 'installing'
    unknown = 'unknown'
    manual_provisioning = 'manual_provisioning'
    product_not_available = 'product_not_available'
    verification_required = 'verification_required'
    rescue = 'rescue'
    pending_payment = 'pending_payment'
    other = 'other'
    reset_password = 'reset_password'
