"""A WHMCS client's SSH key vault: requests, views and the OpenSSH fingerprint."""

from __future__ import annotations

import base64
import hashlib
from typing import Annotated

from pydantic import AfterValidator, ConfigDict, Field, StringConstraints

from contabo_reseller.domain.model_base import DomainModel
from contabo_reseller.domain.ssh_keys import validate_public_key

KeyId = Annotated[str, StringConstraints(pattern=r"^k[0-9a-f]{16}$")]
ClientId = Annotated[str, StringConstraints(pattern=r"^[0-9]{1,12}$")]
MAX_KEYS_PER_CLIENT = 50


class AddSshKeyRequest(DomainModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(pattern=r"^[A-Za-z0-9 _.@+-]{1,64}$")
    public_key: Annotated[str, AfterValidator(validate_public_key)] = Field(max_length=16384)


class SshKeyView(DomainModel):
    id: str
    name: str
    fingerprint: str
    default: bool = False
    created_at: str | None = None


class SshKeyList(DomainModel):
    items: list[SshKeyView]


def fingerprint(public_key: str) -> str:
    """OpenSSH's SHA256 fingerprint (``ssh-keygen -lf``) of a validated public key."""
    blob = base64.b64decode(public_key.split()[1])
    digest = base64.b64encode(hashlib.sha256(blob).digest()).decode().rstrip("=")
    return f"SHA256:{digest}"
