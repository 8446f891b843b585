"""A WHMCS client's SSH key vault: list, add, delete, set the default key."""

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Body, Path
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller.domain.service import Deleted, EmptyRequest
from contabo_reseller.domain.ssh_key_vault import AddSshKeyRequest, SshKeyList, SshKeyView
from contabo_reseller.http.api import create_api, mutate
from contabo_reseller.observability import logger, tracer
from contabo_reseller.services import ssh_keys

api = create_api()

ClientIdPath = Annotated[str, Path(pattern=r"^[0-9]{1,12}$")]
KeyIdPath = Annotated[str, Path(pattern=r"^k[0-9a-f]{16}$")]


@api.get("/clients/<clientId>/ssh-keys")
def list_keys(clientId: ClientIdPath) -> SshKeyList:
    return ssh_keys.list_keys(clientId)


@api.post("/clients/<clientId>/ssh-keys", status_code=201)
def add_key(
    clientId: ClientIdPath, request: Annotated[AddSshKeyRequest, Body()]
) -> Response[SshKeyView]:
    return mutate(api, lambda: ssh_keys.add_key(clientId, request), status_code=201)


@api.delete("/clients/<clientId>/ssh-keys/<keyId>")
def delete_key(clientId: ClientIdPath, keyId: KeyIdPath) -> Response[Deleted]:
    return mutate(api, lambda: ssh_keys.delete_key(clientId, keyId))


@api.post("/clients/<clientId>/ssh-keys/<keyId>/default")
def set_default(
    clientId: ClientIdPath, keyId: KeyIdPath, request: Annotated[EmptyRequest, Body()]
) -> Response[SshKeyView]:
    return mutate(api, lambda: ssh_keys.set_default(clientId, keyId))


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@tracer.capture_lambda_handler
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return api.resolve(event, context)
