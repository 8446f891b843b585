# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by createSecret, retrieveSecret, retrieveSecretList.

from __future__ import annotations

from enum import StrEnum

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import AwareDatetime, ConfigDict, Field


class Type2(StrEnum):
    password = 'password'
    ssh = 'ssh'


class SecretResponse(ContaboModel):
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
        description='Your Customer number',
        examples=['54321'],
        min_length=1,
    )
    secret_id: float = Field(
        ..., alias='secretId', description="Secret's id", examples=['12345'], ge=0.0
    )
    name: str = Field(
        ...,
        description='The name assigned to the password/ssh',
        examples=['Password Secret'],
        max_length=255,
        min_length=1,
    )
    type: Type2 = Field(
        ...,
        description='The type of the secret. This will be available only when retrieving secrets',
        examples=['password'],
    )
    value: str = Field(
        ...,
        description='The value of the secret. This will be available only when retrieving a single secret',
        examples=['password'],
        max_length=500,
        min_length=1,
    )
    created_at: AwareDatetime | None = Field(
        ...,
        alias='createdAt',
        description='The creation date for the secret',
        examples=['2021-06-03T06:27:12.000Z'],
    )
    updated_at: AwareDatetime | None = Field(
        ...,
        alias='updatedAt',
        description='The last update date for the secret',
        examples=['2021-06-03T06:27:12.000Z'],
    )
