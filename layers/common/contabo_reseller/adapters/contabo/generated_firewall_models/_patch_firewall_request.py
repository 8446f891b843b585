# Generated from docs/contabo/openapi-2026-08.generator-normalized.yaml by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by patchFirewall.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._firewall_response import FirewallResponse
from ._self_links import SelfLinks
from ._status5 import Status5


class PatchFirewallRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    name: str | None = Field(
        None,
        description='The name of the firewall',
        examples=['My Firewall'],
        max_length=255,
        min_length=1,
    )
    status: Status5 | None = Field(
        None,
        description='Active status of the firewall enables all rules, thus filtering traffic. Inactive status does not filter any traffic.',
        examples=['active'],
    )
    description: str | None = Field(
        None,
        description='The description of the firewall.',
        examples=['Allowing incoming HTTP traffic.'],
    )


class PatchFirewallResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[FirewallResponse]
    field_links: SelfLinks = Field(
        ...,
        alias='_links',
        examples=[{'self': '/v1/firewalls/2c93b255-286e-41f0-9b23-e7bddc1d95ca'}],
    )
