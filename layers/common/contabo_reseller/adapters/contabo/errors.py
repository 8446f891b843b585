"""Contabo's error answers as domain errors that also carry the HTTP facts.

Each class subclasses the domain error it means (so contabo_reseller.http.errors maps it as
usual) and the ``ContaboError`` mixin (status code, x-request-id, Contabo's own message).
"""

from __future__ import annotations

import re
from typing import Any

from contabo_reseller.domain.errors import (
    ConfigurationError,
    Conflict,
    DomainError,
    InvalidInput,
    NotFound,
    QuotaExceeded,
    UpstreamRejected,
    UpstreamUnavailable,
)

CREDENTIALS_REJECTED = (
    "Contabo rejected the API credentials. Check the client id, client secret, API user and "
    "API password in the Contabo credentials secret (Customer Control Panel > API)."
)


class ContaboError(DomainError):
    """Mixin: what Contabo answered, for logs, the audit row and support cases."""

    def __init__(
        self,
        message: str,
        *,
        request_id: str,
        status_code: int | None = None,
        contabo_message: str = "",
        message_code: str | None = None,
        params: dict[str, Any] | None = None,
    ) -> None:
        details: dict[str, Any] = {"request_id": request_id}
        if status_code is not None:
            details["status_code"] = status_code
        super().__init__(message, details=details, message_code=message_code, params=params)
        self.request_id = request_id
        self.status_code = status_code
        self.contabo_message = contabo_message


class ContaboInvalidInput(ContaboError, InvalidInput):
    """400: Contabo says a value we sent is not acceptable."""


class ContaboRejected(ContaboError, UpstreamRejected):
    """422 and other refusals: understood but not done."""


class ContaboCredentialsRejected(ContaboError, ConfigurationError):
    """401/403 even after a fresh token: the API credentials are wrong or lack a role."""


class ContaboQuotaExceeded(ContaboError, QuotaExceeded):
    """402: a Contabo limit (or payment) stops the order."""


class ContaboNotFound(ContaboError, NotFound):
    """404."""


class ContaboConflict(ContaboError, Conflict):
    """409: the resource is in a state that does not allow this (or already exists)."""


class ContaboUnavailable(ContaboError, UpstreamUnavailable):
    """429, 5xx or a transport error after the retries allowed; nothing known to be changed."""


def contabo_message(body: Any) -> str:
    """Contabo's ``message``, which is a string or an array of strings."""
    if not isinstance(body, dict):
        return ""
    message = body.get("message")
    if message is None and isinstance(body.get("errors"), list):  # CmsErrorsResponse: codes
        message = [str(code) for code in body["errors"]]
    if isinstance(message, list):
        return "; ".join(str(part) for part in message if part)
    if isinstance(message, str):
        return message
    error = body.get("error_description") or body.get("error")
    return error if isinstance(error, str) else ""


INSTANCE_BUSY = (
    "The server is still finishing another operation (such as a start, stop, reinstall or "
    "password reset). Wait a minute, then do this again."
)
_BUSY_INSTANCE = re.compile(r"not possible while (the )?instance is", re.IGNORECASE)


def error_for_status(status_code: int, body: Any, request_id: str) -> ContaboError:
    said = contabo_message(body)
    facts: dict[str, Any] = {
        "request_id": request_id,
        "status_code": status_code,
        "contabo_message": said,
    }
    if status_code in (401, 403):
        return ContaboCredentialsRejected(
            CREDENTIALS_REJECTED, **facts, message_code="provider_credentials_rejected"
        )
    if status_code == 400:
        return ContaboInvalidInput(
            said or "The hosting platform did not accept the request.",
            **facts,
            message_code="provider_invalid_input",
            params={"reason": said},
        )
    if status_code == 402:
        return ContaboQuotaExceeded(
            said or "A limit of the hosting platform stops this order.",
            **facts,
            message_code="provider_limit",
            params={"reason": said},
        )
    if status_code == 404:
        return ContaboNotFound(
            said or "The hosting platform does not know this resource.",
            **facts,
            message_code="provider_not_found",
            params={"reason": said},
        )
    if status_code == 409:
        if _BUSY_INSTANCE.search(said):
            # Contabo names its internal state ("...while instance is reset_password"): the
            # customer reads a sentence instead; the state stays in contabo_message for staff.
            return ContaboConflict(INSTANCE_BUSY, **facts, message_code="server_busy_at_provider")
        return ContaboConflict(
            said or "The hosting platform reports a conflict.",
            **facts,
            message_code="provider_conflict",
            params={"reason": said},
        )
    if status_code == 429 or status_code >= 500:
        return ContaboUnavailable(
            "The hosting platform is busy or unavailable right now; "
            "please try again in a few minutes.",
            **facts,
            message_code="provider_unavailable",
        )
    return ContaboRejected(
        said or f"The hosting platform refused the request ({status_code}).",
        **facts,
        message_code="provider_rejected",
        params={"reason": said},
    )
