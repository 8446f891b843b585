# Generated from docs/contabo/openapi-2026-08.generator-normalized.yaml by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by createFirewall.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._firewall_response import FirewallResponse
from ._instance_status_representation import Status
from ._rules_request import RulesRequest
from ._self_links import SelfLinks


class CreateFirewallRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    name: str = Field(
        ...,
        description='The name of the firewall.',
        examples=['My Firewall'],
        max_length=255,
    )
    description: str | None = Field(
        None,
        description='The description of the firewall.',
        examples=['Allowing incoming HTTP traffic.'],
        max_length=255,
    )
    status: Status = Field(
        ...,
        description='The status of the firewall determines whether the rules are active or not.',
        examples=['active'],
    )
    rules: RulesRequest | None = None


class CreateFirewallResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[FirewallResponse]
    field_links: SelfLinks = Field(
        ...,
        alias='_links',
        examples=[{'self': '/v1/firewalls/2c93b255-286e-41f0-9b23-e7bddc1d95ca'}],
    )
