# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by createCustomImage.

from __future__ import annotations

from enum import StrEnum

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._self_links import SelfLinks


class CreateCustomImageFailResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    message: str = Field(
        ...,
        description='Unsupported Media Type: Please provide a direct link to an .iso or .qcow2 image.',
        examples=['Unsupported Media Type'],
    )
    status_code: int = Field(
        ..., alias='statusCode', description='statuscode:415', examples=['415']
    )


class OsType(StrEnum):
    windows = 'Windows'
    linux = 'Linux'


class CreateCustomImageRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    name: str = Field(..., description='Image Name', examples=['Ubuntu Custom Image'])
    description: str | None = Field(
        None, description='Image Description', examples=['Ubuntu Server 20.04.2 LTS']
    )
    url: str = Field(
        ...,
        description='URL from where the image has been downloaded / provided.',
        examples=['https://example.com/image.qcow2'],
    )
    os_type: OsType = Field(
        ...,
        alias='osType',
        description='Provided type of operating system (OS). Please specify `Windows` for MS Windows and `Linux` for other OS. Specifying wrong OS type may lead to disfunctional cloud instance.',
        examples=['Linux'],
    )
    version: str = Field(
        ...,
        description='Version number to distinguish the contents of an image. Could be the version of the operating system for example.',
        examples=['20.04.2'],
    )


class CreateCustomImageResponseData(ContaboModel):
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


class CreateCustomImageResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[CreateCustomImageResponseData]
    field_links: SelfLinks = Field(
        ...,
        alias='_links',
        examples=[{'self': '/v1/compute/images/9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d'}],
    )
