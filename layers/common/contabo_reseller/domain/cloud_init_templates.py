"""Cloud-init templates with variables, kept by the admin and chosen at reinstall.

A template is cloud-init user data in which ``${client_email}``, ``${service_id}``,
``${hostname}``, ``${client_id}`` and ``${region}`` are replaced by the service's values.
Any other ``${...}`` is left as written: shell scripts in ``runcmd`` use the same syntax.
"""

from __future__ import annotations

import re
from typing import Annotated, Self

from pydantic import ConfigDict, Field, StringConstraints, model_validator

from contabo_reseller.domain.cloud_init import MAX_USER_DATA_BYTES, validate_user_data
from contabo_reseller.domain.errors import DomainError, InvalidInput
from contabo_reseller.domain.model_base import DomainModel

TemplateName = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")]
VARIABLES = ("client_email", "service_id", "hostname", "client_id", "region")
SAMPLE_VALUES = {
    "client_email": "ada@example.com",
    "service_id": "1234",
    "hostname": "server1.example.com",
    "client_id": "42",
    "region": "EU",
}
PLACEHOLDER = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


class TemplateBody(DomainModel):
    model_config = ConfigDict(extra="forbid")

    description: str = Field(default="", max_length=500)
    content: str = Field(min_length=1, max_length=4 * MAX_USER_DATA_BYTES)


class CloudInitTemplate(TemplateBody):
    name: str


class TemplateList(DomainModel):
    items: list[CloudInitTemplate]


class PreviewRequest(DomainModel):
    """Either a stored template (``name``) or draft ``content``; with ``service_id`` the
    service's own values are used, otherwise sample values."""

    model_config = ConfigDict(extra="forbid")

    name: TemplateName | None = None
    content: str | None = Field(default=None, min_length=1, max_length=4 * MAX_USER_DATA_BYTES)
    service_id: Annotated[str, StringConstraints(pattern=r"^[0-9]{1,12}$")] | None = None

    @model_validator(mode="after")
    def _name_or_content(self) -> Self:
        if (self.name is None) == (self.content is None):
            raise InvalidInput(
                "Send either the name of a stored template or draft content.",
                message_code="template_name_or_content",
            )
        return self


class PreviewResult(DomainModel):
    rendered: str
    variables: dict[str, str]
    unknown_variables: list[str]  # left as written (shell variables, or a typo)
    bytes: int
    valid: bool
    error: str | None = None


def render(content: str, values: dict[str, str]) -> str:
    """Replaces the known variables; anything else in ``${...}`` stays as written."""
    return PLACEHOLDER.sub(
        lambda match: values[match.group(1)] if match.group(1) in values else match.group(0),
        content,
    )


def unknown_variables(content: str) -> list[str]:
    return sorted({name for name in PLACEHOLDER.findall(content) if name not in VARIABLES})


def preview(content: str, values: dict[str, str], max_bytes: int) -> PreviewResult:
    rendered = render(content, values)
    error = None
    try:
        validate_user_data(rendered, max_bytes)
    except DomainError as problem:
        error = problem.message
    return PreviewResult(
        rendered=rendered,
        variables=values,
        unknown_variables=unknown_variables(content),
        bytes=len(rendered.encode()),
        valid=error is None,
        error=error,
    )


def check_template(content: str) -> None:
    """A template must be valid user data once rendered (with sample values)."""
    result = preview(content, SAMPLE_VALUES, MAX_USER_DATA_BYTES)
    if not result.valid:
        raise InvalidInput(
            f"The template is not valid once its variables are filled in: {result.error}",
            message_code="template_invalid_after_fill",
            params={"error": str(result.error)},
        )
