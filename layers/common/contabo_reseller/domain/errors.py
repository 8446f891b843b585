"""Domain errors: what went wrong, in words a reseller's customer can read.

Each error carries a stable ``code`` for machines and a ``message`` for people; where the
module should say it in the customer's language, a ``message_code`` and its ``params`` name the
sentence (the module's lang files hold one per code). Which HTTP status an error becomes is
decided in one place only: ``contabo_reseller.http.errors``.
Messages never contain credentials, passwords or tokens.
"""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    code = "error"

    def __init__(
        self,
        message: str,
        *,
        details: dict[str, Any] | None = None,
        message_code: str | None = None,
        params: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or {}
        self.message_code = message_code or self.code
        self.params = params or {}


class InvalidValue(ValueError):
    """A field validator's refusal that names its sentence: pydantic keeps the exception in the
    error's context, so the validation answer carries ``message_code`` and ``params`` beside
    the English words and the module says it in the customer's language."""

    def __init__(self, message: str, *, message_code: str, params: dict[str, Any] | None = None):
        super().__init__(message)
        self.message_code = message_code
        self.params = params or {}


class InvalidInput(DomainError):
    """The request is malformed or a value is not acceptable; nothing was changed."""

    code = "invalid_input"


class NotAuthenticated(DomainError):
    """The request is not signed by a known WHMCS key (or is stale or replayed)."""

    code = "not_authenticated"


class NotFound(DomainError):
    code = "not_found"


class ActionRefused(DomainError):
    """The action is understood but not allowed now (suspended, downgrade, policy...)."""

    code = "action_refused"


class ServiceBusy(DomainError):
    """Another action holds the service lock; retry once it finishes."""

    code = "service_busy"


class Conflict(DomainError):
    """The request conflicts with what already exists (e.g. a second create with new inputs)."""

    code = "conflict"


class QuotaExceeded(DomainError):
    """A Contabo limit was reached (snapshots, object storage per region...)."""

    code = "quota_exceeded"


class UpstreamRejected(DomainError):
    """Contabo refused the request; ``message`` carries Contabo's own explanation."""

    code = "upstream_rejected"


class UpstreamUnavailable(DomainError):
    """Contabo or AWS could not be reached or was throttling; safe to retry later."""

    code = "upstream_unavailable"


class OutOfTime(UpstreamUnavailable):
    """Contabo answers so slowly that the next call would end past the time WHMCS waits: it is
    not started. Billing actions queue what is left; other actions are asked again."""

    code = "upstream_slow"

    def __init__(self, message: str = "", *, details: dict[str, Any] | None = None) -> None:
        super().__init__(
            "The provider is answering slowly right now, so this was stopped before the time "
            "allowed ran out; nothing was bought. Do it again in a minute to finish it.",
            details={"budget": message, **(details or {})},
            message_code=self.code,
        )


class PurchaseOutcomeUnknown(DomainError):
    """A purchase request was sent but its outcome is unknown (timeout, 5xx after commit).

    Never retried blindly: the lifecycle reconciles through Contabo's audit list by request id.
    """

    code = "purchase_outcome_unknown"

    def __init__(self, message: str, *, request_id: str, details: dict[str, Any] | None = None):
        super().__init__(
            message,
            details={"request_id": request_id, **(details or {})},
            message_code=self.code,  # one sentence for every purchase whose outcome is open
        )
        self.request_id = request_id


class ConfigurationError(DomainError):
    """The deployment is missing something the reseller must set (credentials, keys...)."""

    code = "configuration_error"
