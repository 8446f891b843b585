# Generated from docs/contabo/openapi-2026-08.generator-normalized.yaml by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by retrievePresetRules.

from __future__ import annotations

from typing import Any

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._self_links import SelfLinks


class PresetRulesResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    name: str = Field(..., description='Name of the preset rule', examples=['HTTPS'])
    macro: dict[str, Any] = Field(
        ...,
        description='Inbound rules options',
        examples=[
            '{\n      "inbound": [\n        {\n          "action": "accept",\n          "status": "active",\n          "srcCidr": {\n            "ipv4": [],\n            "ipv6": []\n          },\n          "protocol": "udp",\n          "destPorts": [\n            "53"\n          ]\n        }\n      ]\n    }'
        ],
    )


class ListPresetRulesResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[PresetRulesResponse]
    field_links: SelfLinks = Field(
        ..., alias='_links', examples=[{'self': 'v1/firewalls/preset-rules'}]
    )
