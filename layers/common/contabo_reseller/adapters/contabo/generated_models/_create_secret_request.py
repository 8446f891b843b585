# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by createSecret.

from __future__ import annotations

from enum import StrEnum

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._secret_response import SecretResponse
from ._self_links import SelfLinks


class Type(StrEnum):
    password = 'password'
    ssh = 'ssh'


class CreateSecretRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    name: str = Field(
        ...,
        description='The name of the secret that will keep the password',
        examples=['my-password'],
        max_length=255,
        min_length=1,
    )
    value: str = Field(
        ...,
        description='The secret value that needs to be saved. In case of a password it must match a pattern with at least one upper and lower case character and either one number with two special characters `!@#$^&*?_~` or at least three numbers with one special character `!@#$^&*?_~`. This is expressed in the following regular expression: `^((?=.*?[A-Z]{1,})(?=.*?[a-z]{1,}))(((?=(?:[^d]*d){1})(?=([^^&*?_~]*[!@#$^&*?_~]){2,}))|((?=(?:[^d]*d){3})(?=.*?[!@#$^&*?_~]+))).{8,}$`',
        examples=['PwdA?2092w#'],
        min_length=8,
    )
    type: Type = Field(
        ...,
        description='The type of the secret. Can be `password` or `ssh`',
        examples=['password'],
    )


class CreateSecretResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[SecretResponse]
    field_links: SelfLinks = Field(
        ..., alias='_links', examples=[{'self': '/v1/secrets/123'}]
    )
