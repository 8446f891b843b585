# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by createTag.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._self_links import SelfLinks


class CreateTagRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    name: str = Field(
        ...,
        description='The name of the tag. Tags may contain letters, numbers, colons, dashes, and underscores. There is a limit of 255 characters per tag.',
        examples=['Web-Server'],
        max_length=255,
        min_length=1,
    )
    color: str = Field(
        ...,
        description='The color of the tag. Color can be specified using hexadecimal value. Default color is #0A78C3',
        examples=['#0A78C3'],
        max_length=7,
        min_length=4,
    )
    description: str | None = Field(
        None,
        description='The description of the Tag name. ',
        examples=['Tag to differenciate the bad vhosts'],
    )


class CreateTagResponseData(ContaboModel):
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
    tag_id: int = Field(..., alias='tagId', description="Tag's id", examples=[12345])


class CreateTagResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[CreateTagResponseData]
    field_links: SelfLinks = Field(
        ..., alias='_links', examples=[{'self': '/v1/tags/12345'}]
    )
