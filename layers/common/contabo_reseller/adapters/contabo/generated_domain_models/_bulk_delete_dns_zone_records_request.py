# Generated from docs/contabo/openapi.json (+ listPendingActions from the normalized yaml) by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by bulkDeleteDnsZoneRecords.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._self_links import SelfLinks


class BulkDeleteDnsZoneRecordsRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    record_ids: list[int] = Field(
        ...,
        alias='recordIds',
        description='List of zone record ids to delete',
        examples=[[10111, 10211, 10311]],
    )


class BulkDeleteResultResponse(ContaboModel):
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
    failed_ids: list[int] = Field(
        ..., alias='failedIds', description='Failed zone record IDs', examples=[[103]]
    )


class ApiBulkDeleteDnsZoneRecordsResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[BulkDeleteResultResponse]
    field_links: SelfLinks = Field(
        ..., alias='_links', examples=[{'self': '/v1/dns/zones/:zoneName/records/bulk'}]
    )
