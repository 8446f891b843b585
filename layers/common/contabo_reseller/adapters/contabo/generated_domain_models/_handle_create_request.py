# Generated from docs/contabo/openapi.json (+ listPendingActions from the normalized yaml) by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by createHandle.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._handle_response import (
    Gender,
    HandleAddress,
    HandleBirthInfo,
    HandlePhone,
    HandleResponse,
    HandleType,
)
from ._self_links import SelfLinks


class HandleCreateRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    handle_type: HandleType = Field(
        ...,
        alias='handleType',
        description='The type of the handle',
        examples=['organization'],
    )
    first_name: str = Field(
        ...,
        alias='firstName',
        description='Handle first name',
        examples=['John'],
        max_length=255,
        min_length=1,
    )
    last_name: str = Field(
        ...,
        alias='lastName',
        description='Handle last name',
        examples=['Doe'],
        max_length=255,
        min_length=1,
    )
    organization: str | None = Field(
        None,
        description='The organization of the handle',
        examples=['Test Organization'],
        max_length=255,
        min_length=1,
    )
    email: str = Field(
        ...,
        description='Handle email',
        examples=['john.doe@test.com'],
        max_length=255,
        min_length=1,
    )
    gender: Gender = Field(..., description='Handle gender', examples=['male'])
    birth_info: HandleBirthInfo | None = Field(
        None, alias='birthInfo', description='The birth info of the handle'
    )
    address: HandleAddress = Field(..., description='Address details for handle')
    phone: HandlePhone = Field(..., description='Handle phone')
    fax: HandlePhone | None = Field(None, description='Handle fax')
    nic_it_entity_type: str | None = Field(
        None,
        alias='nicItEntityType',
        description='NIC.it entity type (required for .it registrant contacts). Valid values: natural_person, individual_firm, non_profit, public_org, other, company, foreign_legal_entity.',
        examples=['natural_person'],
    )
    pin: str | None = Field(
        None,
        description='Registration code / fiscal code. Required for .it registrant contacts (NIC.it NIC_IT_REG_CODE — codice fiscale or VAT number).',
        examples=['MRORSS77T05E472I'],
        max_length=255,
        min_length=1,
    )


class HandleCreateResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[HandleResponse]
    field_links: SelfLinks = Field(
        ..., alias='_links', examples=[{'self': 'v1/domains/handles/CA1234O1'}]
    )
