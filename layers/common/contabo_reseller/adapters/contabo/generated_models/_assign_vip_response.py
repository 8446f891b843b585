# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by assignIp.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._self_links import SelfLinks
from ._vip_response import VipResponse


class AssignVipResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[VipResponse]
    field_links: SelfLinks = Field(
        ..., alias='_links', examples=[{'self': '/v1/vips/1.2.2.4/instances/12345'}]
    )
