# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by retrieveUser, retrieveUserList.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._locale import Locale
from ._role_response import RoleResponse


class UserResponse(ContaboModel):
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
    user_id: str = Field(
        ...,
        alias='userId',
        description='The identifier of the user.',
        examples=['6cdf5968-f9fe-4192-97c2-f349e813c5e8'],
    )
    first_name: str = Field(
        ...,
        alias='firstName',
        description='The first name of the user. Users may contain letters, numbers, colons, dashes, and underscores. There is a limit of 255 characters per user.',
        examples=['John'],
        max_length=255,
        min_length=1,
    )
    last_name: str = Field(
        ...,
        alias='lastName',
        description='The last name of the user. Users may contain letters, numbers, colons, dashes, and underscores. There is a limit of 255 characters per user.',
        examples=['Doe'],
        max_length=255,
        min_length=1,
    )
    email: str = Field(
        ...,
        description='The email of the user to which activation and forgot password links are being sent to. There is a limit of 255 characters per email.',
        examples=['john.doe@example.com'],
        max_length=255,
        min_length=1,
    )
    email_verified: bool = Field(
        ...,
        alias='emailVerified',
        description='User email verification status.',
        examples=[False],
    )
    enabled: bool = Field(
        ...,
        description="If uses is not enabled, he can't login and thus use services any longer.",
        examples=[False],
    )
    totp: bool = Field(
        ...,
        description='Enable or disable two-factor authentication (2FA) via time based OTP.',
        examples=[False],
    )
    locale: Locale = Field(
        ...,
        description='The locale of the user. This can be `de-DE`, `de`, `en-US`, `en`, `es-ES`, `es`, `pt-BR`, `pt`.',
        examples=['de'],
    )
    roles: list[RoleResponse] = Field(
        ..., description='The roles as list of `roleId`s of the user.'
    )
    owner: bool = Field(
        ...,
        description='If user is owner he will have permissions to all API endpoints and resources. Enabling this will superseed all role definitions and `accessAllResources`.',
        examples=[False],
    )
