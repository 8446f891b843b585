# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by createPtrRecord, retrievePtrRecord.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._ptr_record_response import PtrRecordResponse
from ._self_links import SelfLinks


class ApiPtrRecordResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[PtrRecordResponse]
    field_links: SelfLinks = Field(
        ..., alias='_links', examples=[{'self': '/v1/dns/ptrs/1.2.3.4'}]
    )
