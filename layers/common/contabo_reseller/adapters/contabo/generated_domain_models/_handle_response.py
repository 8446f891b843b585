# Generated from docs/contabo/openapi.json (+ listPendingActions from the normalized yaml) by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by createHandle, listHandles, retrieveHandle, updateHandle.

from __future__ import annotations

from enum import StrEnum

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import AwareDatetime, ConfigDict, Field


class HandleAddress(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    street: str = Field(
        ..., description='Street', examples=['My Street'], max_length=255, min_length=1
    )
    street_number: str = Field(
        ...,
        alias='streetNumber',
        description='Street Number',
        examples=['12'],
        max_length=255,
        min_length=1,
    )
    city: str = Field(
        ..., description='City', examples=['Munich'], max_length=100, min_length=1
    )
    country: str = Field(
        ..., description='Country', examples=['DE'], max_length=100, min_length=1
    )
    zip_code: str = Field(
        ...,
        alias='zipCode',
        description='ZipCode',
        examples=['12345'],
        max_length=50,
        min_length=1,
    )
    siret: str | None = Field(
        None, description='Siret', examples=['12345'], max_length=255, min_length=1
    )
    region: str | None = Field(
        None, description='Region', examples=['region'], max_length=255, min_length=1
    )


class HandleBirthInfo(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    date: AwareDatetime | None = Field(
        None, description='Date', examples=['2023-03-03T12:32:03.363Z']
    )
    city: str | None = Field(
        None, description='City', examples=['Munich'], max_length=255, min_length=1
    )
    zip_code: str | None = Field(
        None,
        alias='zipCode',
        description='Zipcode',
        examples=['12345'],
        max_length=50,
        min_length=1,
    )
    country: str | None = Field(
        None, description='Country', examples=['DE'], max_length=100, min_length=1
    )


class HandleType(StrEnum):
    person = 'person'
    organization = 'organization'


class Gender(StrEnum):
    male = 'male'
    female = 'female'
    na = 'na'


class HandlePhone(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    prefix: str = Field(
        ..., description='prefix', examples=['+40'], max_length=5, min_length=1
    )
    number: str = Field(
        ..., description='number', examples=['123456789'], max_length=50, min_length=1
    )


class HandleResponse(ContaboModel):
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
    handle_id: str = Field(
        ..., alias='handleId', description='Handle ID', examples=['CA1234O1']
    )
    handle_type: HandleType = Field(
        ..., alias='handleType', description='Handle Type', examples=['person']
    )
    is_default: bool = Field(
        ...,
        alias='isDefault',
        description='Flag if the handle is default or not',
        examples=[True],
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
