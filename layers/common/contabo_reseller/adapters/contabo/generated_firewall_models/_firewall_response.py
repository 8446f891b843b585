# Generated from docs/contabo/openapi-2026-08.generator-normalized.yaml by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by createFirewall, patchFirewall, putFirewall, retrieveFirewall.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import AwareDatetime, ConfigDict, Field

from ._instance_status_representation import (
    InstanceDetails,
    InstanceStatusRepresentation,
    Rules,
    Status,
)


class FirewallResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    tenant_id: str = Field(
        ...,
        alias='tenantId',
        description='Your customer tenant id',
        examples=['DE'],
        min_length=1,
    )
    customer_id: str = Field(
        ...,
        alias='customerId',
        description='Your customer number',
        examples=['54321'],
        min_length=1,
    )
    firewall_id: str = Field(
        ...,
        alias='firewallId',
        description='Your firewall id.',
        examples=['b943b25a-c8b5-4570-9135-4bbaa7615b81'],
        min_length=1,
    )
    name: str = Field(
        ...,
        description='The name of the firewall.',
        examples=['My Firewall'],
        max_length=255,
    )
    description: str = Field(
        ...,
        description='The description of the firewall.',
        examples=['Allowing incoming HTTP traffic.'],
        max_length=255,
    )
    status: Status = Field(
        ...,
        description='Inactive status means no rules of this firewall are set for all assigned instances.',
        examples=['active'],
    )
    instance_status: list[InstanceStatusRepresentation] = Field(
        ..., alias='instanceStatus'
    )
    instances: list[InstanceDetails]
    rules: Rules
    created_date: AwareDatetime | None = Field(
        ...,
        alias='createdDate',
        description='The creation date time for the firewall',
        examples=['2021-06-03T06:27:12Z'],
    )
    updated_date: AwareDatetime | None = Field(
        ...,
        alias='updatedDate',
        description='The update date time for the firewall',
        examples=['2021-06-13T06:27:12Z'],
    )
