# Generated from docs/contabo/openapi.json (+ listPendingActions from the normalized yaml) by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by getAuthCode.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import AwareDatetime, ConfigDict, Field

from ._self_links import SelfLinks
from ._status import DomainDetails, DomainHandles, Status


class ChangedAuthCode(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    changed: bool | None = Field(
        None,
        description='Flag that indicates if the auth code got changed',
        examples=['true'],
    )
    date: AwareDatetime | None = Field(
        None,
        description='The date when auth code got changed',
        examples=['2021-06-03T06:27:12.000Z'],
    )


class DomainAuthCodeResponse(ContaboModel):
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
    domain_details: DomainDetails = Field(
        ..., alias='domainDetails', description='Domain Details'
    )
    status: Status = Field(..., description='Domain Status', examples=['ready'])
    nameservers: list[str] = Field(
        ...,
        description='Nameservers',
        examples=['["a1.test.com", "a2.test.com", "a3.test.com"]'],
    )
    handles: DomainHandles = Field(..., description='The handles of the domain')
    registration_date: AwareDatetime | None = Field(
        ...,
        alias='registrationDate',
        description='The registration date of domain',
        examples=['2021-06-03T06:27:12.000Z'],
    )
    renewal_date: AwareDatetime | None = Field(
        ...,
        alias='renewalDate',
        description='The renewal date of domain',
        examples=['2021-07-03T06:27:12.000Z'],
    )
    termination_date: AwareDatetime | None = Field(
        ...,
        alias='terminationDate',
        description='The termination date of domain',
        examples=['2021-07-03T06:27:12.000Z'],
    )
    cancel_date: AwareDatetime | None = Field(
        ...,
        alias='cancelDate',
        description='The cancel date of domain',
        examples=['2021-07-03T06:27:12.000Z'],
    )
    dnssec_keys: list[str] = Field(
        ...,
        alias='dnssecKeys',
        description='DNSSEC keys',
        examples=[
            '["test-secdns.org. 3600 IN DNSKEY 256 3 8 AwEAAb7eE4c6PFpHI0IyM1U23Dimgjt6YlafZlzOkKf42tIlArvGu1lf iSLnzyGvkJlwfzZ4tkpSgKkLiQ6vgKptM7Ij6iCA/fQYRwK0vizWmE5+ pZ0DfBBz+9MU3bGkVhVe4T8YggQvXmQ6gYrYfLHMDJaE2v7bn5VZFMCY ESxFbS/h"]'
        ],
    )
    transfer_out_confirmation: bool = Field(
        ...,
        alias='transferOutConfirmation',
        description='Transfer out confirmation',
        examples=['true'],
    )
    auth_code: str = Field(
        ...,
        alias='authCode',
        description='Your auth code of the domain',
        examples=['XXXX-AAAA-BBBB-CCCC'],
    )
    auth_code_changed: ChangedAuthCode = Field(
        ...,
        alias='authCodeChanged',
        description='Details if the auth code has been changed',
    )


class DomainAuthCodeRegenerateResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[DomainAuthCodeResponse]
    field_links: SelfLinks = Field(
        ...,
        alias='_links',
        examples=[{'self': 'v1/domains/testDomain.com/generate-auth-code'}],
    )
