"""The SSH key vault of a WHMCS client: public keys kept as Contabo ``ssh`` secrets, mapped
per client in the catalog table (kind ``ssh_keys#<clientId>``, item = our key id).

Service routes resolve key ids only within the service's own client's vault
(``keys_for``): another client's key id is unknown there, so it answers 404.

A key longer than a Contabo secret holds (RSA-4096) is kept in the vault entry itself and
reaches servers through cloud-init user data instead of a secret id.
"""

from __future__ import annotations

import secrets
import uuid
from datetime import UTC, datetime
from typing import Any, NamedTuple

from contabo_reseller.adapters import config_items
from contabo_reseller.domain.errors import Conflict, DomainError, InvalidInput, NotFound
from contabo_reseller.domain.service import Deleted
from contabo_reseller.domain.ssh_key_vault import (
    MAX_KEYS_PER_CLIENT,
    AddSshKeyRequest,
    SshKeyList,
    SshKeyView,
    fingerprint,
)
from contabo_reseller.domain.ssh_keys import PROVIDER_SECRET_MAX_CHARS
from contabo_reseller.services.compute_port import ComputePort, compute_for


def list_keys(client_id: str) -> SshKeyList:
    return SshKeyList(items=[_view(key_id, data) for key_id, data in _vault(client_id)])


def add_key(client_id: str, request: AddSshKeyRequest) -> SshKeyView:
    vault = _vault(client_id)
    if len(vault) >= MAX_KEYS_PER_CLIENT:
        raise InvalidInput(
            f"The key vault holds at most {MAX_KEYS_PER_CLIENT} keys; "
            "delete one you no longer use.",
            message_code="ssh_key_vault_full",
            params={"limit": MAX_KEYS_PER_CLIENT},
        )
    key_print = fingerprint(request.public_key)
    for _, data in vault:
        if data.get("fingerprint") == key_print:
            raise Conflict(
                f"This key is already in your vault as '{data.get('name')}'.",
                message_code="ssh_key_duplicate",
                params={"name": str(data.get("name"))},
            )
    key_id = f"k{secrets.token_hex(8)}"
    data = {
        "name": request.name,
        "fingerprint": key_print,
        "default": not vault,  # the first key becomes the default
        "created_at": datetime.now(UTC).isoformat(),
    }
    if len(request.public_key) > PROVIDER_SECRET_MAX_CHARS:
        # Too long for a Contabo secret: kept here (a public key is not secret) for cloud-init.
        config_items.put(_kind(client_id), key_id, {**data, "public_key": request.public_key})
        return _view(key_id, data)
    contabo = _contabo(client_id)
    secret_id = contabo.create_secret(
        f"whmcs-client-{client_id}-{key_id}", request.public_key, "ssh"
    )
    try:
        config_items.put(_kind(client_id), key_id, {**data, "secret_id": secret_id})
    except DomainError:
        contabo.delete_secret(secret_id)  # no secret at Contabo that no vault entry knows
        raise
    return _view(key_id, data)


def delete_key(client_id: str, key_id: str) -> Deleted:
    data = _require(client_id, key_id)
    if data.get("secret_id") is not None:
        _contabo(client_id).delete_secret(int(data["secret_id"]))
    config_items.delete(_kind(client_id), key_id)
    return Deleted()


def set_default(client_id: str, key_id: str) -> SshKeyView:
    chosen = _require(client_id, key_id)
    for other_id, data in _vault(client_id):
        if other_id != key_id and data.get("default"):
            config_items.put(_kind(client_id), other_id, {**data, "default": False})
    chosen = {**chosen, "default": True}
    config_items.put(_kind(client_id), key_id, chosen)
    return _view(key_id, chosen)


class VaultKeys(NamedTuple):
    """How chosen vault keys reach a server: as Contabo secret ids or in cloud-init."""

    secret_ids: list[int]
    cloud_init_keys: list[str]

    def __bool__(self) -> bool:
        return bool(self.secret_ids or self.cloud_init_keys)


def keys_for(client_id: str, key_ids: list[str]) -> VaultKeys:
    """The client's chosen keys (the client area preselects the default)."""
    entries = [_require(client_id, key_id) for key_id in dict.fromkeys(key_ids)]
    return VaultKeys(
        secret_ids=[int(e["secret_id"]) for e in entries if e.get("secret_id") is not None],
        cloud_init_keys=[e["public_key"] for e in entries if e.get("secret_id") is None],
    )


def _require(client_id: str, key_id: str) -> dict[str, Any]:
    data = config_items.get(_kind(client_id), key_id)
    if data is None:
        raise NotFound(
            f"The SSH key {key_id} is not in this client's key vault.",
            message_code="ssh_key_not_found",
        )
    return data


def _vault(client_id: str) -> list[tuple[str, dict[str, Any]]]:
    items = config_items.all_of(_kind(client_id))
    return sorted(items, key=lambda item: (item[1].get("created_at") or "", item[0]))


def _view(key_id: str, data: dict[str, Any]) -> SshKeyView:
    return SshKeyView(
        id=key_id,
        name=data["name"],
        fingerprint=data["fingerprint"],
        default=bool(data.get("default")),
        created_at=data.get("created_at"),
    )


def _kind(client_id: str) -> str:
    return f"ssh_keys#{client_id}"


def _contabo(client_id: str) -> ComputePort:
    return compute_for(f"client-{client_id}", str(uuid.uuid4()))
