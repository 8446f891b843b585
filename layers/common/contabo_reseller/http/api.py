"""Builds the Powertools REST resolver every function uses, with the shared error mapping and
(for every route but /health) the WHMCS signature check.

Handlers call ``create_api()`` once at import, register their route, and hand the event to
``api.resolve``; they never format errors themselves.
"""

from __future__ import annotations

import base64
import binascii
import threading
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, cast

from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response, content_types
from aws_lambda_powertools.event_handler.exceptions import NotFoundError
from aws_lambda_powertools.event_handler.middlewares import NextMiddleware
from aws_lambda_powertools.event_handler.openapi.exceptions import RequestValidationError
from aws_lambda_powertools.utilities.typing import LambdaContext
from pydantic import BaseModel

from contabo_reseller import invocation, metrics
from contabo_reseller.domain import installations, signing
from contabo_reseller.domain.errors import DomainError, InvalidInput, NotFound
from contabo_reseller.http import errors as http_errors
from contabo_reseller.http.auth import installation, require_whmcs_signature, scope_to_caller
from contabo_reseller.http.idempotency import run_once
from contabo_reseller.observability import logger
from contabo_reseller.services import contabo_gateway
from contabo_reseller.services.actions import ACTION_LOG_KEYS

if TYPE_CHECKING:
    from aws_lambda_powertools.utilities.data_classes import APIGatewayProxyEvent


class _Resolver(APIGatewayRestResolver):
    """Starts each request with clean log keys and writes its metrics once it is answered."""

    def __init__(self, *, signed: bool, calls_contabo: bool = False) -> None:
        super().__init__(enable_validation=True)
        self.signed = signed
        self.calls_contabo = calls_contabo
        if signed:
            # Powertools validates a request before any middleware runs: the signature is
            # checked ahead of it, so an unsigned request gets 401 and learns nothing (no 400).
            self._request_validation_middleware = _signature_first(  # type: ignore[assignment]
                self._request_validation_middleware
            )
        self._this_request = threading.local()

    # Powertools keeps the event being resolved on its base class, one per process: right in
    # Lambda, but the local stack serves every function from one process at once, where a
    # request could read another's event. Each resolver keeps its own, per thread.
    @property  # type: ignore[override]
    def current_event(self) -> APIGatewayProxyEvent:
        event: APIGatewayProxyEvent = self._this_request.event
        return event

    @current_event.setter
    def current_event(self, event: APIGatewayProxyEvent) -> None:
        self._this_request.event = event

    def resolve(self, event: Mapping[str, Any], context: LambdaContext) -> dict[str, Any]:
        logger.remove_keys(list(ACTION_LOG_KEYS))  # left by an earlier request's failed action
        if self.calls_contabo:  # its first request's CPU overlaps the round trips before it
            contabo_gateway.load_in_background()
        self.current_event = cast("APIGatewayProxyEvent", self._to_proxy_event(dict(event)))
        try:
            # A signed request is WHMCS waiting for its answer: it runs within WHMCS's budget.
            budget = invocation.WHMCS_BUDGET_SECONDS if self.signed else None
            with invocation.running(context, budget_seconds=budget):
                return super().resolve(event, context)
        finally:
            metrics.flush()


def _signature_first(validate: Callable[..., Response]) -> Callable[..., Response]:
    def signed_then_validated(app: APIGatewayRestResolver, next_middleware: Any) -> Response:
        def then_validate(checked: APIGatewayRestResolver) -> Response:
            _require_text_body(checked)
            return validate(checked, lambda valid: scope_to_caller(valid, next_middleware))

        return require_whmcs_signature(app, cast(NextMiddleware, then_validate))

    return signed_then_validated


def _require_text_body(app: APIGatewayRestResolver) -> None:
    """Powertools' validation reads a body as UTF-8 and fails with a 500 on other bytes."""
    event = app.current_event
    if event.body and event.is_base64_encoded:
        try:
            base64.b64decode(event.body).decode()
        except (UnicodeDecodeError, binascii.Error):
            raise InvalidInput(
                "The request body must be JSON encoded in UTF-8.", message_code="body_not_utf8"
            ) from None


def create_api(*, signed: bool = True, calls_contabo: bool = False) -> APIGatewayRestResolver:
    """``calls_contabo``: the function's requests mostly call Contabo (the lifecycle actions,
    power, rescue...): a cold container starts loading the Contabo client with its first
    request (services.contabo_gateway.load_in_background)."""
    api = _Resolver(signed=signed, calls_contabo=calls_contabo)

    @api.exception_handler(DomainError)
    def _domain_error(error: DomainError) -> Response:
        status = http_errors.status_for(error)
        logger.info("request refused", extra={"error_code": error.code, "status": status})
        metrics.record_lifecycle_error(route_action(api), error)
        return http_errors.domain_error_response(error)

    @api.exception_handler(RequestValidationError)
    def _invalid_request(error: RequestValidationError) -> Response:
        return http_errors.request_validation_response(error)

    @api.exception_handler(NotFoundError)
    def _no_route(error: NotFoundError) -> Response:
        # API Gateway's {param} passes any segment, Powertools' route pattern not every
        # character: a path no route here takes is not found (without this, Exception's 500).
        return _domain_error(
            NotFound(
                "Nothing is found at this path; check the identifiers.",
                message_code="path_not_found",
            )
        )

    @api.exception_handler(Exception)
    def _unexpected(error: Exception) -> Response:
        logger.exception("unexpected error")
        metrics.record_lifecycle_error(route_action(api), error)
        return http_errors.unexpected_error_response(logger.get_correlation_id())

    return api


def route_action(api: APIGatewayRestResolver) -> str:
    """The route as the metrics' Action when a request fails outside a lifecycle action."""
    event = api.current_event
    return f"{event.http_method} {event.resource}"


def actor(api: APIGatewayRestResolver) -> str:
    """Who asked: the WHMCS signing key id, as the audit log records it."""
    return f"whmcs:{api.context.get('signing_key_id', 'unknown')}"


def _idempotency_scope(api: APIGatewayRestResolver) -> str:
    """The route as an idempotency key's scope; another WHMCS installation's (its paths name
    its own services) never replays this one's answers."""
    event = api.current_event
    scope = f"{event.http_method} {event.path}"
    caller = installation(api)
    return scope if caller == installations.DEFAULT_INSTALLATION else f"{caller}:{scope}"


def mutate(
    api: APIGatewayRestResolver,
    action: Callable[[], BaseModel],
    status_code: int = 200,
    reveal: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
) -> Response[Any]:
    """Runs a mutating action once per X-Idempotency-Key and answers with its JSON.

    ``reveal`` adds a secret shown once (a new password) to the answer after the idempotency
    record is written, so no secret is ever stored there; a replay reveals it again."""
    event = api.current_event
    body = (event.decoded_body or "").encode()
    key = event.headers.get(signing.IDEMPOTENCY_HEADER)  # case-insensitive in Powertools v3
    result = run_once(
        _idempotency_scope(api),
        key,
        body,
        lambda: action().model_dump(mode="json"),
        lambda_context=api.lambda_context,
    )
    if reveal is not None:
        result = reveal(result)
    return Response(
        status_code=status_code, content_type=content_types.APPLICATION_JSON, body=result
    )
