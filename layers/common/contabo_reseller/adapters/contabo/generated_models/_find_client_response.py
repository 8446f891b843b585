# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by retrieveUserClient.

from __future__ import annotations

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field

from ._self_links import SelfLinks


class ClientResponse(ContaboModel):
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
    id: str = Field(
        ...,
        description="Client's id",
        examples=['6cdf5968-f9fe-4192-97c2-f349e813c5e8'],
    )
    client_id: str = Field(
        ..., alias='clientId', description='IDM client id', examples=['DE-54321']
    )
    secret: str = Field(
        ...,
        description='IDM client secret',
        examples=['7271e905-239e-4d15-a8c5-527743a58390'],
    )


class FindClientResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[ClientResponse]
    field_links: SelfLinks = Field(
        ..., alias='_links', examples=[{'self': '/v1/users/client'}]
    )
