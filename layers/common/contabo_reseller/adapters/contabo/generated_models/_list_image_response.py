# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by retrieveImageList.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import AwareDatetime, ConfigDict, Field

from ._format import Format
from ._links import Links
from ._pagination_meta import PaginationMeta
from ._tenant_id import TenantId


class AssignedTagResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    tag_id: float = Field(..., alias='tagId', description="Tag's id", examples=[12345])
    tag_name: str = Field(
        ...,
        alias='tagName',
        description="Tag's name",
        examples=['Web-Server'],
        max_length=255,
        min_length=1,
    )


class ListImageResponseData(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    image_id: str = Field(
        ...,
        alias='imageId',
        description="Image's id",
        examples=['9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d'],
    )
    tenant_id: TenantId = Field(
        ..., alias='tenantId', description='Your customer tenant id', examples=['DE']
    )
    customer_id: str = Field(
        ...,
        alias='customerId',
        description='Customer ID',
        examples=['12345'],
        min_length=1,
    )
    name: str = Field(..., description='Image Name', examples=['Custom Image Ubuntu'])
    description: str = Field(
        ..., description='Image Description', examples=['Ubuntu Server 20.04.2 LTS']
    )
    url: str = Field(
        ...,
        description='URL from where the image has been downloaded / provided.',
        examples=['https://example.com/image.qcow2'],
    )
    size_mb: float = Field(
        ..., alias='sizeMb', description='Image Size in MB', examples=[1024]
    )
    uploaded_size_mb: float = Field(
        ...,
        alias='uploadedSizeMb',
        description='Image Uploaded Size in MB',
        examples=[1024],
    )
    os_type: str = Field(
        ...,
        alias='osType',
        description='Type of operating system (OS)',
        examples=['Linux'],
    )
    version: str = Field(
        ...,
        description='Version number to distinguish the contents of an image. Could be the version of the operating system for example.',
        examples=['20.04.2'],
    )
    format: Format = Field(..., description='Image format', examples=['iso'])
    status: str = Field(
        ...,
        description='Image status (e.g. if image is still downloading)',
        examples=['Pending'],
    )
    error_message: str = Field(
        ...,
        alias='errorMessage',
        description='Image download error message',
        examples=['Error downloading image from provided URL'],
    )
    standard_image: bool = Field(
        ...,
        alias='standardImage',
        description='Flag indicating that image is either a standard (true) or a custom image (false)',
        examples=[True],
    )
    creation_date: AwareDatetime | None = Field(
        ...,
        alias='creationDate',
        description='The creation date time for the image',
        examples=['2021-06-03T06:27:12.000Z'],
    )
    last_modified_date: AwareDatetime | None = Field(
        ...,
        alias='lastModifiedDate',
        description='The last modified date time for the image',
        examples=['2021-06-04T06:27:12.000Z'],
    )
    tags: list[AssignedTagResponse] = Field(
        ..., description='The tags assigned to the image'
    )


class ListImageResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias='_pagination',
        description='Data about pagination like how many results, pages, page size.',
    )
    data: list[ListImageResponseData]
    field_links: Links = Field(
        ...,
        alias='_links',
        examples=[
            {
                'first': '/v1/compute/images?page=1',
                'previous': '/v1/compute/images?page=19',
                'self': '/v1/compute/images?page=20',
                'next': '/v1/compute/images?page=21',
                'last': '/v1/compute/images?page=101',
            }
        ],
    )
