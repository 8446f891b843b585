# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by unassignInstancePrivateNetwork.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._instance_assignment_self_links import InstanceAssignmentSelfLinks


class UnassignInstancePrivateNetworkResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_links: InstanceAssignmentSelfLinks = Field(
        ...,
        alias='_links',
        description='Links for easy navigation.',
        examples=[
            {
                'self': '/v1/private-networks/12345/instances/100',
                'virtualPrivateCloud': '/v1/private-networks/12345',
                'instance': '/v1/compute/instances/100',
            }
        ],
    )
