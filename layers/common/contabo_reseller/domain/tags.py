"""Tags on a server: the service tag (set on create, always kept) and the admin's extra tags."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, ConfigDict, Field, field_validator

from contabo_reseller.domain.errors import InvalidValue
from contabo_reseller.domain.model_base import DomainModel

SERVICE_TAG_PREFIX = "whmcs-service-"
MAX_EXTRA_TAGS = 20


def validate_tag_name(value: str) -> str:
    """The provider's rule (letters, digits, colons, dashes, underscores), at most 64
    characters; the service tag prefix is reserved so no tag can claim another service."""
    name = value.strip()
    if (
        not name
        or len(name) > 64
        or not all(c.isascii() and (c.isalnum() or c in "_:-") for c in name)
    ):
        raise InvalidValue(
            "tags use letters, digits, _ : - and at most 64 characters", message_code="tag_format"
        )
    if name.lower().startswith(SERVICE_TAG_PREFIX):
        raise InvalidValue(
            f"tags starting with '{SERVICE_TAG_PREFIX}' are reserved for services",
            message_code="tag_reserved",
            params={"prefix": SERVICE_TAG_PREFIX},
        )
    return name


TagName = Annotated[str, AfterValidator(validate_tag_name)]


class SetTagsRequest(DomainModel):
    model_config = ConfigDict(extra="forbid")

    tags: list[TagName] = Field(max_length=MAX_EXTRA_TAGS)

    @field_validator("tags")
    @classmethod
    def _once_each(cls, tags: list[str]) -> list[str]:
        return list(dict.fromkeys(tags))


class TagList(DomainModel):
    items: list[str]
