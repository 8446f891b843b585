# Generated from docs/contabo/openapi.json (+ listPendingActions from the normalized yaml) by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by orderDomain, updateDomain.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field


class Nameserver(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    hostname: list[str] = Field(
        ..., description='Nameservers', examples=['ns1.example.com']
    )
    ip_v4: list[str] | None = Field(
        None, alias='ipV4', description='IPv4 of nameserver', examples=['132.1.1.1']
    )
    ip_v6: list[str] | None = Field(
        None,
        alias='ipV6',
        description='IPv6 of nameserver',
        examples=['2001:db8:85a3::8a2e:370:7334'],
    )
