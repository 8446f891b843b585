"""The one place where errors become HTTP responses, for every function.

Body shape (documented in docs/openapi.json): ``{"error": {"code", "message", "details"}}``.
Unexpected exceptions become a 500 with a generic message and the correlation id, so nothing
internal (and no secret) reaches WHMCS; the full error goes to the log.
"""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.event_handler import Response, content_types
from aws_lambda_powertools.event_handler.openapi.exceptions import RequestValidationError

from contabo_reseller.domain import errors

STATUS_BY_ERROR: dict[type[errors.DomainError], int] = {
    errors.InvalidInput: 400,
    errors.NotAuthenticated: 401,
    errors.QuotaExceeded: 422,  # a limit is a refusal the customer can act on, not a payment
    errors.NotFound: 404,
    errors.ServiceBusy: 409,
    errors.Conflict: 409,
    errors.ActionRefused: 422,
    errors.UpstreamRejected: 422,
    errors.UpstreamUnavailable: 503,
    errors.PurchaseOutcomeUnknown: 503,
    errors.ConfigurationError: 500,
}


def status_for(error: errors.DomainError) -> int:
    for cls in type(error).__mro__:
        if cls in STATUS_BY_ERROR:
            return STATUS_BY_ERROR[cls]
    return 500


def error_body(code: str, message: str, details: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "details": details or {}}}


def domain_error_response(error: errors.DomainError) -> Response:
    headers = {"Retry-After": "5"} if isinstance(error, errors.ServiceBusy) else None
    return Response(
        status_code=status_for(error),
        content_type=content_types.APPLICATION_JSON,
        body=error_body(error.code, error.message, error.details),
        headers=headers,
    )


def describe_validation_errors(raw_errors: list[dict[str, Any]] | tuple[Any, ...]) -> list[str]:
    """Turn pydantic's error list into short sentences naming the field, e.g. ``hostname: ...``."""
    sentences = []
    for item in raw_errors:
        location = [str(part) for part in item.get("loc", ()) if part not in ("body", "query")]
        field = ".".join(location) or "request"
        sentences.append(f"{field}: {item.get('msg', 'is not valid')}")
    return sentences


def request_validation_response(error: RequestValidationError) -> Response:
    problems = describe_validation_errors(list(error.errors()))
    return Response(
        status_code=400,
        content_type=content_types.APPLICATION_JSON,
        body=error_body(
            errors.InvalidInput.code,
            "The request is not valid: " + "; ".join(problems),
            {"problems": problems},
        ),
    )


def unexpected_error_response(correlation_id: str | None) -> Response:
    return Response(
        status_code=500,
        content_type=content_types.APPLICATION_JSON,
        body=error_body(
            "internal_error",
            "Something went wrong on our side. Please try again, and contact support with "
            "this reference if it keeps happening.",
            {"reference": correlation_id or ""},
        ),
    )
