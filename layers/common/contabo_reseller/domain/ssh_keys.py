"""Validates OpenSSH public keys: known type, base64 blob that names the same type."""

from __future__ import annotations

import base64
import binascii
import struct

from contabo_reseller.domain.errors import InvalidInput

KEY_TYPES = {
    "ssh-ed25519",
    "ssh-rsa",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
    "sk-ssh-ed25519@openssh.com",
    "sk-ecdsa-sha2-nistp256@openssh.com",
}
MIN_RSA_BLOB_BYTES = 256  # a 2048-bit RSA key's blob is ~279 bytes; shorter means < 2048 bits


def validate_public_key(key: str) -> str:
    parts = key.strip().split(maxsplit=2)
    if len(parts) < 2 or parts[0] not in KEY_TYPES:
        raise InvalidInput(
            "That SSH key is not an OpenSSH public key (it should start with ssh-ed25519, "
            "ssh-rsa or ecdsa-sha2-...). Paste the .pub file, not the private key.",
            message_code="ssh_key_not_openssh",
        )
    try:
        blob = base64.b64decode(parts[1], validate=True)
        (name_length,) = struct.unpack(">I", blob[:4])
        embedded_type = blob[4 : 4 + name_length].decode()
    except (binascii.Error, struct.error, UnicodeDecodeError):
        raise InvalidInput(
            "That SSH public key is damaged (its key data is not valid).",
            message_code="ssh_key_damaged",
        ) from None
    if embedded_type != parts[0]:
        raise InvalidInput(
            "That SSH public key is damaged (its type does not match its data).",
            message_code="ssh_key_damaged",
        )
    if parts[0] == "ssh-rsa" and len(blob) < MIN_RSA_BLOB_BYTES:
        raise InvalidInput(
            "RSA keys shorter than 2048 bits are not accepted; use ed25519.",
            message_code="ssh_key_rsa_too_short",
        )
    return " ".join(parts)


# Contabo keeps an SSH key as a secret whose value is at most 500 characters (its spec's
# SecretResponse.value maxLength); a longer key goes to the server through cloud-init.
PROVIDER_SECRET_MAX_CHARS = 500


def split_by_delivery(public_keys: list[str]) -> tuple[list[str], list[str]]:
    """(keys Contabo can hold as secrets, keys that must travel in cloud-init user data)."""
    as_secrets = [key for key in public_keys if len(key) <= PROVIDER_SECRET_MAX_CHARS]
    via_cloud_init = [key for key in public_keys if len(key) > PROVIDER_SECRET_MAX_CHARS]
    return as_secrets, via_cloud_init
