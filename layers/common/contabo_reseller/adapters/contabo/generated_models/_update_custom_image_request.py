# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by updateImage.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._self_links import SelfLinks


class UpdateCustomImageRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    name: str | None = Field(
        None, description='Image Name', examples=['Ubuntu Custom Image']
    )
    description: str | None = Field(
        None, description='Image Description', examples=['Ubuntu 20.04 image']
    )


class UpdateCustomImageResponseData(ContaboModel):
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
    image_id: str = Field(
        ...,
        alias='imageId',
        description="Image's id",
        examples=['9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d'],
    )


class UpdateCustomImageResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[UpdateCustomImageResponseData]
    field_links: SelfLinks = Field(
        ...,
        alias='_links',
        examples=[{'self': '/v1/compute/images/9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d'}],
    )
