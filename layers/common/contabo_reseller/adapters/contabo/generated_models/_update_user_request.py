# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by updateUser.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._locale import Locale
from ._self_links import SelfLinks


class UpdateUserRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    first_name: str | None = Field(
        None,
        alias='firstName',
        description='The name of the user. Names may contain letters, numbers, colons, dashes, and underscores. There is a limit of 255 characters per user.',
        examples=['John'],
        max_length=255,
        min_length=1,
    )
    last_name: str | None = Field(
        None,
        alias='lastName',
        description='The last name of the user. Users may contain letters, numbers, colons, dashes, and underscores. There is a limit of 255 characters per user.',
        examples=['Doe'],
        max_length=255,
        min_length=1,
    )
    email: str | None = Field(
        None,
        description='The email of the user to which activation and forgot password links are being sent to. There is a limit of 255 characters per email.',
        examples=['john.doe@example.com'],
        max_length=255,
        min_length=1,
    )
    enabled: bool | None = Field(
        None,
        description="If user is not enabled, he can't login and thus use services any longer.",
        examples=[False],
    )
    totp: bool | None = Field(
        None,
        description='Enable or disable two-factor authentication (2FA) via time based OTP.',
        examples=[False],
    )
    locale: Locale | None = Field(
        None,
        description='The locale of the user. This can be `de-DE`, `de`, `en-US`, `en`, `es-ES`, `es`, `pt-BR`, `pt`.',
        examples=['de'],
    )
    roles: list[int] | None = Field(
        None,
        description='The roles as list of `roleId`s of the user.',
        examples=[[1, 2, 3, 4]],
    )


class UpdateUserResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_links: SelfLinks = Field(
        ...,
        alias='_links',
        description='Links for easy navigation.',
        examples=[{'self': '/v1/users/12345'}],
    )
