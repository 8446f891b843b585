"""Verifies that a request comes from the reseller's WHMCS (docs/lifecycle-api.md, Signing).

Every rejection is the same 401 to the caller; the log says which check failed (never the
secret or the presented signature).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import NoReturn

from contabo_reseller.adapters import key_revocations, nonces, secrets
from contabo_reseller.domain import signing
from contabo_reseller.domain.errors import NotAuthenticated
from contabo_reseller.observability import logger
from contabo_reseller.settings import get_settings

REJECTION = "The request is not signed by a known WHMCS key, or it is stale or replayed."
ADMIN_ONLY = (
    "This signing key is a server module key; admin routes need an admin key. Create one with "
    "`keys rotate --admin` and enter it in the admin addon's settings."
)
ADMIN_PREFIX = "/admin/"


@dataclass(frozen=True)
class VerifiedKey:
    """Who signed: the key id and the WHMCS installation the key belongs to."""

    key_id: str
    installation: str
    admin: bool = False


@dataclass(frozen=True)
class SignedRequest:
    method: str
    path: str
    query: Mapping[str, Sequence[str]] | None
    headers: Mapping[str, str]  # lower-cased names
    body: bytes
    host: str = ""  # the API's host as addressed (signature version 2)
    full_path: str = ""  # the path with its stage or base path, e.g. /Prod/services/42


def verify_request(
    request: SignedRequest,
    *,
    now: Callable[[], float] = time.time,
    remember_nonce: Callable[[str, str, int], bool] = nonces.remember_nonce,
    is_revoked: Callable[[str], bool] = key_revocations.is_revoked,
) -> VerifiedKey:
    """Returns the key that signed the request, or raises NotAuthenticated."""
    max_age = get_settings().signature_max_age_seconds
    key_id = request.headers.get(signing.KEY_ID_HEADER, "")
    timestamp = request.headers.get(signing.TIMESTAMP_HEADER, "")
    nonce = request.headers.get(signing.NONCE_HEADER, "")
    presented = request.headers.get(signing.SIGNATURE_HEADER, "")
    if not (key_id and timestamp and nonce and presented):
        _reject("missing signature headers")
    if not signing.TIMESTAMP_PATTERN.fullmatch(timestamp) or abs(now() - int(timestamp)) > max_age:
        _reject("stale or malformed timestamp")
    if not signing.NONCE_PATTERN.fullmatch(nonce):
        _reject("malformed nonce")
    if not signing.SIGNATURE_PATTERN.fullmatch(presented):
        _reject("malformed signature")
    key = secrets.signing_keys().keys.get(key_id)
    if key is None:
        return _reject("unknown key id")
    if request.headers.get(signing.VERSION_HEADER) != signing.CURRENT_VERSION:
        _reject("signature version not supported")
    canonical = signing.canonical_string_v2(
        request.host,
        request.method,
        request.full_path or request.path,
        request.query,
        timestamp,
        nonce,
        request.body,
    )
    if not signing.signature_matches(key.secret.get_secret_value(), canonical, presented):
        _reject("signature mismatch")
    # The secret is cached for minutes; the revocation row is read on every request.
    if is_revoked(key_id):
        _reject("retired key")
    if request.path.startswith(ADMIN_PREFIX) and not key.admin:
        logger.warning("request rejected", extra={"auth_failure": "module key on an admin route"})
        raise NotAuthenticated(ADMIN_ONLY, message_code="admin_key_required")
    # Only a correctly signed request may spend a nonce, so nobody can burn WHMCS's nonces.
    if not remember_nonce(key_id, nonce, 2 * max_age):
        _reject("nonce replayed")
    return VerifiedKey(key_id, key.installation, key.admin)


def _reject(reason: str) -> NoReturn:
    logger.warning("request rejected", extra={"auth_failure": reason})
    raise NotAuthenticated(REJECTION, message_code="request_not_signed")
