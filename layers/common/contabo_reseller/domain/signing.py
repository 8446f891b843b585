"""WHMCS request signatures: the canonical string and its HMAC, exactly as docs/lifecycle-api.md
describes and the PHP module computes them. Pure functions, no I/O."""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Mapping, Sequence
from urllib.parse import quote

KEY_ID_HEADER = "x-whmcs-key-id"
TIMESTAMP_HEADER = "x-whmcs-timestamp"
NONCE_HEADER = "x-whmcs-nonce"
SIGNATURE_HEADER = "x-whmcs-signature"
IDEMPOTENCY_HEADER = "x-idempotency-key"
# Version 2 binds the API's host and stage: a request signed for staging is refused by
# production even where both trust the same key. Version 1 (no header) is refused: the module
# and the backend ship together (docs/lifecycle-api.md, Signing).
VERSION_HEADER = "x-whmcs-signature-version"
CURRENT_VERSION = "2"
V2_PREFIX = "WHMCS-HMAC-SHA256-2"

NONCE_PATTERN = re.compile(r"[A-Za-z0-9_-]{16,64}")
# ASCII only, matched whole: str.isdigit() accepts "²" and int() then fails; "$" accepts a
# trailing newline. Anything else in a header is a malformed request, never an exception.
TIMESTAMP_PATTERN = re.compile(r"[0-9]{1,12}")
SIGNATURE_PATTERN = re.compile(r"[0-9A-Fa-f]{64}")


def revocation_token_id(key_id: str) -> str:
    """The tokens-table row that marks a signing key as retired (written by ``keys retire``)."""
    return f"revoked-key#{key_id}"


def canonical_query(params: Mapping[str, Sequence[str]] | None) -> str:
    """Sorted by name then value; each part encoded like PHP's rawurlencode (RFC 3986)."""
    if not params:
        return ""
    pairs = sorted((name, value) for name, values in params.items() for value in values)
    return "&".join(
        f"{quote(name, safe='-_.~')}={quote(value, safe='-_.~')}" for name, value in pairs
    )


def canonical_string(
    method: str,
    path: str,
    query: Mapping[str, Sequence[str]] | None,
    timestamp: str,
    nonce: str,
    body: bytes,
) -> str:
    return "\n".join(
        [
            method.upper(),
            path,
            canonical_query(query),
            timestamp,
            nonce,
            hashlib.sha256(body).hexdigest(),
        ]
    )


def canonical_string_v2(
    host: str,
    method: str,
    full_path: str,
    query: Mapping[str, Sequence[str]] | None,
    timestamp: str,
    nonce: str,
    body: bytes,
) -> str:
    """Version 2: the host (as the client addressed it, with a port if it named one) and the
    full path with the stage or base path (``/Prod/services/42``) lead the version 1 lines."""
    return "\n".join(
        [
            V2_PREFIX,
            host.lower(),
            canonical_string(method, full_path, query, timestamp, nonce, body),
        ]
    )


def sign(secret: str, canonical: str) -> str:
    return hmac.new(secret.encode(), canonical.encode(), hashlib.sha256).hexdigest()


def signature_matches(secret: str, canonical: str, presented: str) -> bool:
    """False (never an exception) for any presented value, hex or not."""
    if not SIGNATURE_PATTERN.fullmatch(presented):
        return False
    return hmac.compare_digest(sign(secret, canonical), presented.lower())
