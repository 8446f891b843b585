"""How one Contabo call is made: token, headers, timeouts, retries, audit row, errors.

One pooled ``httpx.Client`` per container. Calls safe to repeat are retried on 429, 5xx and
transport errors with jittered exponential backoff (``Retry-After`` honoured); purchases never
are: an answer we cannot trust raises ``PurchaseOutcomeUnknown`` carrying the x-request-id so
the lifecycle reconciles through Contabo's audit list. A 401 refreshes the token once.
"""

from __future__ import annotations

import email.utils
import random
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlsplit

import httpx
from pydantic import BaseModel

from contabo_reseller import invocation, metrics
from contabo_reseller.adapters import audit_log, trust_store
from contabo_reseller.adapters.contabo.errors import (
    CREDENTIALS_REJECTED,
    ContaboCredentialsRejected,
    ContaboUnavailable,
    contabo_message,
    error_for_status,
)
from contabo_reseller.adapters.contabo.operations import Operation
from contabo_reseller.adapters.contabo.token import AccessTokens
from contabo_reseller.adapters.secrets import contabo_credentials
from contabo_reseller.domain.credentials import ContaboCredentials
from contabo_reseller.domain.errors import PurchaseOutcomeUnknown
from contabo_reseller.observability import logger, trace_httpx
from contabo_reseller.settings import Settings, get_settings

trace_httpx()

PAGE_SIZE = 100
_MAX_PAGES = 1000
# Raised before a byte of the request left: a purchase that failed so was not made.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)

_http: httpx.Client | None = None
_http_lock = threading.Lock()


def pooled_http_client() -> httpx.Client:
    """The container's one connection pool, created on first use."""
    global _http
    if _http is None:
        with _http_lock:
            if _http is None:
                _http = httpx.Client(
                    verify=trust_store.tls_verification(),
                    timeout=httpx.Timeout(get_settings().contabo_timeout_seconds),
                    limits=httpx.Limits(max_connections=20, max_keepalive_connections=10),
                )
    return _http


@dataclass(frozen=True, slots=True)
class CallContext:
    """Who a call is for: the audit log's service id and the lifecycle action's trace id."""

    service_id: str = audit_log.NO_SERVICE
    trace_id: str | None = None


@dataclass(slots=True)
class Backoff:
    """Full-jitter exponential backoff; ``sleep`` and ``random`` are injectable for tests."""

    max_retries: int = 3
    base_seconds: float = 0.5
    cap_seconds: float = 8.0
    max_retry_after_seconds: float = 20.0
    sleep: Callable[[float], None] = time.sleep
    random: Callable[[], float] = random.random

    def wait(self, attempt: int, retry_after: float | None) -> None:
        if retry_after is not None:
            delay = min(retry_after, self.max_retry_after_seconds)
        else:
            delay = self.random() * min(self.cap_seconds, self.base_seconds * 2**attempt)
        invocation.require_time_for_call(delay)  # WHMCS is not kept waiting out a Retry-After
        self.sleep(delay)


@dataclass
class ContaboTransport:
    settings: Settings = field(default_factory=get_settings)
    http: httpx.Client | None = None
    credentials: Callable[[], ContaboCredentials] = contabo_credentials
    backoff: Backoff = field(default_factory=Backoff)
    tokens: AccessTokens | None = None
    monotonic: Callable[[], float] = time.monotonic

    def __post_init__(self) -> None:
        if self.tokens is None:
            self.tokens = AccessTokens(self.fetch_token)

    @property
    def _client(self) -> httpx.Client:
        return self.http or pooled_http_client()

    @property
    def _timeout(self) -> httpx.Timeout:
        """Contabo's own timeout, cut to what is left of WHMCS's budget when it waits."""
        left = invocation.budget_left()
        seconds = self.settings.contabo_timeout_seconds
        return httpx.Timeout(seconds if left is None else max(1.0, min(seconds, left)))

    def call(
        self,
        operation: Operation,
        context: CallContext,
        *,
        path_params: dict[str, Any] | None = None,
        params: dict[str, Any] | None = None,
        body: BaseModel | None = None,
        request_id: str | None = None,
    ) -> dict[str, Any] | None:
        """Make the call; returns Contabo's JSON body (None when empty) or raises."""
        request_id = request_id or str(uuid.uuid4())
        path = _fill(operation.path, path_params or {})
        payload = body.model_dump(by_alias=True, exclude_none=True, mode="json") if body else None
        query = _query(params)
        assert self.tokens is not None
        attempt = 0
        refreshed = False
        while True:
            # Fetching a token is a Contabo call too: started only when a call still fits,
            # and the call that needs it must still fit in what is left after it.
            invocation.require_time_for_call()
            token = self.tokens.current()
            invocation.require_time_for_call()  # never started when it would end too late
            started = self.monotonic()
            try:
                response = self._client.send(
                    self._client.build_request(
                        operation.method,
                        self.settings.contabo_api_url.rstrip("/") + path,
                        params=query,
                        json=payload,
                        headers=_headers(token, request_id, context),
                        timeout=self._timeout,
                    )
                )
            except httpx.TransportError as error:
                # A call that timed out took at least this long: a retry must fit it too.
                invocation.note_call(self.monotonic() - started)
                self._audit(operation, context, request_id, path, started, None, _kind(error))
                if operation.purchase:
                    raise _purchase_transport_error(error, request_id) from error
                if operation.safe_to_repeat and attempt < self.backoff.max_retries:
                    self.backoff.wait(attempt, None)
                    attempt += 1
                    continue
                raise ContaboUnavailable(
                    "The hosting platform could not be reached; please try again in a few minutes.",
                    request_id=request_id,
                    message_code="provider_unavailable",
                ) from error
            invocation.note_call(self.monotonic() - started)
            status = response.status_code
            data = _json(response)
            said = contabo_message(data) if status >= 400 else None
            self._audit(
                operation, context, request_id, path, started, status, _outcome(status), said
            )
            if status < 400:
                return data if isinstance(data, dict) else None
            if status == 401 and not refreshed:
                self.tokens.invalidate(token)
                refreshed = True
                # A new token and the call again: two more calls, both within the budget.
                invocation.require_time_for_call(extra_seconds=invocation.slowest_call())
                continue
            if status >= 500 and operation.purchase:
                raise PurchaseOutcomeUnknown(
                    "The hosting platform answered the purchase with an error after receiving "
                    "it; whether it was made is being checked.",
                    request_id=request_id,
                    details={"status_code": status},
                )
            retryable = status == 429 or status >= 500
            if retryable and operation.safe_to_repeat and attempt < self.backoff.max_retries:
                self.backoff.wait(attempt, _retry_after(response))
                attempt += 1
                continue
            raise error_for_status(status, data, request_id)

    def pages(
        self,
        operation: Operation,
        context: CallContext,
        *,
        path_params: dict[str, Any] | None = None,
        params: dict[str, Any] | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Each page's body, in order, until ``_pagination.totalPages``.

        Page numbers are sent with our own filters rather than following ``_links.next``
        verbatim: Contabo's links keep the page but drop the filters and the size.
        """
        page = 1
        for _ in range(_MAX_PAGES):
            body = self.call(
                operation,
                context,
                path_params=path_params,
                params={**(params or {}), "page": page, "size": PAGE_SIZE},
            )
            if body is None:
                return
            yield body
            meta = body.get("_pagination") or {}
            links = body.get("_links") or {}
            total_pages = int(meta.get("totalPages") or 0)
            current = int(meta.get("page") or page)
            if not body.get("data") or (total_pages and current >= total_pages):
                return
            if not total_pages and not links.get("next"):
                return
            page = current + 1

    def fetch_token(self) -> tuple[str, float]:
        """OAuth2 password grant. Credentials and the token never reach a log or an error."""
        credentials = self.credentials()
        request_id = str(uuid.uuid4())
        context = CallContext()
        path = urlsplit(self.settings.contabo_auth_url).path
        started = self.monotonic()
        try:
            response = self._client.post(
                self.settings.contabo_auth_url,
                data={
                    "client_id": credentials.client_id,
                    "client_secret": credentials.client_secret.get_secret_value(),
                    "username": credentials.api_user,
                    "password": credentials.api_password.get_secret_value(),
                    "grant_type": "password",
                },
                headers={"x-request-id": request_id},
                timeout=self._timeout,
            )
        except httpx.TransportError as error:
            invocation.note_call(self.monotonic() - started)
            self._audit_token(context, request_id, path, started, None, _kind(error))
            raise ContaboUnavailable(
                "The hosting platform's sign-in service could not be reached; please try again.",
                request_id=request_id,
                message_code="provider_unavailable",
            ) from error
        invocation.note_call(self.monotonic() - started)
        status = response.status_code
        data = _json(response)
        self._audit_token(context, request_id, path, started, status, _outcome(status))
        if status in (400, 401, 403):
            raise ContaboCredentialsRejected(
                CREDENTIALS_REJECTED,
                request_id=request_id,
                status_code=status,
                message_code="provider_credentials_rejected",
            )
        if status >= 300 or not isinstance(data, dict) or "access_token" not in data:
            raise ContaboUnavailable(
                "The hosting platform's sign-in service gave no access token; please try again.",
                request_id=request_id,
                status_code=status,
                message_code="provider_unavailable",
            )
        return str(data["access_token"]), float(data.get("expires_in") or 300)

    def _audit(
        self,
        operation: Operation,
        context: CallContext,
        request_id: str,
        path: str,
        started: float,
        status: int | None,
        outcome: str,
        message: str | None = None,
    ) -> None:
        duration_ms = int((self.monotonic() - started) * 1000)
        metrics.record_contabo_response(duration_ms, status)
        audit_log.record(
            kind="contabo_call",
            action=operation.operation_id,
            outcome=outcome,
            service_id=context.service_id,
            request_id=request_id,
            trace_id=context.trace_id,
            message=message,
            status_code=status,
            method=operation.method,
            path=path,
            duration_ms=duration_ms,
        )

    def _audit_token(
        self,
        context: CallContext,
        request_id: str,
        path: str,
        started: float,
        status: int | None,
        outcome: str,
    ) -> None:
        duration_ms = int((self.monotonic() - started) * 1000)
        metrics.record_contabo_response(duration_ms, status)
        audit_log.record(
            kind="contabo_call",
            action="accessToken",
            outcome=outcome,
            service_id=context.service_id,
            request_id=request_id,
            status_code=status,
            method="POST",
            path=path,
            duration_ms=duration_ms,
        )


def _headers(token: str, request_id: str, context: CallContext) -> dict[str, str]:
    headers = {
        "Authorization": f"Bearer {token}",
        "x-request-id": request_id,
        "Accept": "application/json",
    }
    if context.trace_id:
        headers["x-trace-id"] = context.trace_id
    return headers


def _fill(template: str, values: dict[str, Any]) -> str:
    return template.format(**{name: quote(_text(value), safe="") for name, value in values.items()})


def _text(value: Any) -> str:
    # The spec types some ids as ``number``, so the models hold 123.0: send "123".
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _query(params: dict[str, Any] | None) -> dict[str, Any]:
    """Drops unset filters; lists become Contabo's comma-separated form, booleans lower case."""
    query: dict[str, Any] = {}
    for name, value in (params or {}).items():
        if value is None:
            continue
        if isinstance(value, bool):
            value = "true" if value else "false"
        elif isinstance(value, list | tuple | set):
            value = ",".join(_text(item) for item in value)
        elif isinstance(value, float):
            value = _text(value)
        query[name] = value
    return query


def _json(response: httpx.Response) -> Any:
    if not response.content:
        return None
    try:
        return response.json()
    except ValueError:
        return None


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - time.time())


def _kind(error: httpx.TransportError) -> str:
    return "timeout" if isinstance(error, httpx.TimeoutException) else "transport_error"


def _outcome(status: int) -> str:
    return "ok" if status < 400 else "error"


def _purchase_transport_error(error: httpx.TransportError, request_id: str) -> Exception:
    if isinstance(error, _NOT_SENT):
        return ContaboUnavailable(
            "The hosting platform could not be reached; nothing was ordered. "
            "Please try again shortly.",
            request_id=request_id,
            message_code="provider_unavailable",
        )
    logger.warning("Purchase outcome unknown", extra={"request_id": request_id})
    return PurchaseOutcomeUnknown(
        "The purchase was sent to Contabo but no answer came back; whether it was made is "
        "being checked.",
        request_id=request_id,
    )
