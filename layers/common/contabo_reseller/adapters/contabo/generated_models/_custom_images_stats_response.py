# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by retrieveCustomImagesStats.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._self_links import SelfLinks


class CustomImagesStatsResponseData(ContaboModel):
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
    current_images_count: float = Field(
        ...,
        alias='currentImagesCount',
        description='The number of existing custom images',
        examples=[4],
    )
    total_size_mb: float = Field(
        ...,
        alias='totalSizeMb',
        description='Total available disk space in MB',
        examples=[102400],
    )
    used_size_mb: float = Field(
        ..., alias='usedSizeMb', description='Used disk space in MB', examples=[55000]
    )
    free_size_mb: float = Field(
        ..., alias='freeSizeMb', description='Free disk space in MB', examples=[47400]
    )


class CustomImagesStatsResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[CustomImagesStatsResponseData]
    field_links: SelfLinks = Field(
        ..., alias='_links', examples=[{'self': '/v1/compute/images/stats'}]
    )
