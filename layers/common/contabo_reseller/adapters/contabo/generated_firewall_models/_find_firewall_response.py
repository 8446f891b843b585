# Generated from docs/contabo/openapi-2026-08.generator-normalized.yaml by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by retrieveFirewall.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._firewall_response import FirewallResponse
from ._self_links import SelfLinks


class FindFirewallResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[FirewallResponse]
    field_links: SelfLinks = Field(
        ...,
        alias='_links',
        examples=[{'self': '/v1/firewalls/b943b25a-c8b5-4570-9135-4bbaa7615b81'}],
    )
