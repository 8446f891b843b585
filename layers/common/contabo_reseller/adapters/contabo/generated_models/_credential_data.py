# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by getObjectStorageCredentials, listObjectStorageCredentials,
# regenerateObjectStorageCredentials.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field


class CredentialData(ContaboModel):
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
    access_key: str = Field(
        ...,
        alias='accessKey',
        description='Access key ID.',
        examples=['AKIAIOSFODNN7EXAMPLE'],
    )
    secret_key: str = Field(
        ...,
        alias='secretKey',
        description='Secret key ID.',
        examples=['wJalrXK7MDENGbPxRfiCYEXAMPLEKEY'],
    )
    object_storage_id: str = Field(
        ...,
        alias='objectStorageId',
        description='Object Storage ID.',
        examples=['9a4c7e20-c326-4a8c-900c-687ad83ba170Y'],
    )
    display_name: str = Field(
        ...,
        alias='displayName',
        description='Object Storage Name.',
        examples=['Object Storage Test'],
    )
    region: str = Field(
        ..., description='Object Storage Region.', examples=['European Union']
    )
    credential_id: float = Field(
        ...,
        alias='credentialId',
        description='Object Storage Credential ID',
        examples=[12345],
    )
