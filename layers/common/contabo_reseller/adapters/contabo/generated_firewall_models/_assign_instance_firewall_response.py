# Generated from docs/contabo/openapi-2026-08.generator-normalized.yaml by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by assignInstanceFirewall.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._instance_assignment_self_links1 import InstanceAssignmentSelfLinks1


class AssignInstanceFirewallResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_links: InstanceAssignmentSelfLinks1 = Field(
        ...,
        alias='_links',
        description='Links for easy navigation.',
        examples=[
            {
                'self': '/v1/firewalls/2c93b255-286e-41f0-9b23-e7bddc1d95ca/instances/100',
                'firewall': '/v1/firewalls/2c93b255-286e-41f0-9b23-e7bddc1d95ca',
                'instance': '/v1/compute/instances/100',
            }
        ],
    )
