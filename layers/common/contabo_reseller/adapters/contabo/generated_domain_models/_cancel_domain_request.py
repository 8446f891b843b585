# Generated from docs/contabo/openapi.json (+ listPendingActions from the normalized yaml) by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by cancelDomain.

from __future__ import annotations

from enum import StrEnum

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import AwareDatetime, ConfigDict, Field

from ._self_links import SelfLinks


class Reason(StrEnum):
    technical_issues___outages___performance = (
        'Technical issues / Outages / Performance'
    )
    too_expensive___price = 'Too expensive / price'
    product_not_needed_anymore = 'Product not needed anymore'
    bad_customer_support = 'Bad customer support'
    switch_to_a_different_contabo_product = 'Switch to a different Contabo product'
    missing_features = 'Missing features'
    other = 'Other'


class CancelDomainRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    reason: Reason | None = Field(
        None,
        description='Reason for cancelling an domain',
        examples=['Product not needed anymore'],
    )
    reason_text: str | None = Field(
        None,
        alias='reasonText',
        description='Reason Text when `Other` reason got selected while cancelling an domain',
        examples=['Not satisfied with the service.'],
    )
    cancel_date: AwareDatetime | None = Field(
        None,
        alias='cancelDate',
        description='Date of cancellation',
        examples=['15-8-2021'],
    )


class DomainCancel(ContaboModel):
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
        examples=['3f184ab8-a600-4e7c-8c9b-3413e21a3752'],
        min_length=1,
    )
    domain: str = Field(..., description='Domain name', examples=['testDomain.com'])
    sld: str = Field(..., description='Domain SLD', examples=['testDomain'])
    tld: str = Field(..., description='Domain TLD', examples=['com'])
    cancel_date: AwareDatetime | None = Field(
        ...,
        alias='cancelDate',
        description='The cancel date of domain',
        examples=['2021-07-03T06:27:12.000Z'],
    )


class DomainCancelResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[DomainCancel]
    field_links: SelfLinks = Field(
        ..., alias='_links', examples=[{'self': 'v1/domains/testDomain.com'}]
    )
