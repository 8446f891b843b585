# Generated from docs/contabo/openapi.json (+ listPendingActions from the normalized yaml) by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by listDomains, listHandles, retrieveDnsAuditsList, retrieveDnsZoneRecordsList,
# retrieveDnsZonesList, retrieveDomainsAuditsList, retrieveHandlesAuditsList,
# retrieveRecordAuditsList.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field


class Links(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    self: str = Field(..., description='Link to current resource.')
    first: str = Field(..., description='Link to first page, if applicable.')
    previous: str | None = Field(
        None, description='Link to previous page, if applicable.'
    )
    next: str | None = Field(None, description='Link to next page, if applicable.')
    last: str = Field(..., description='Link to last page, if applicable.')


class PaginationMeta(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    size: float = Field(..., description='Number of elements per page.', examples=[10])
    total_elements: float = Field(
        ...,
        alias='totalElements',
        description='Number of overall matched elements.',
        examples=[100],
    )
    total_pages: float = Field(
        ..., alias='totalPages', description='Overall number of pages.', examples=[10]
    )
    page: float = Field(..., description='Current number of page.', examples=[1])
