"""The one place where errors become HTTP responses, for every function.

Body shape (documented in docs/openapi.json):
``{"error": {"code", "message", "message_code", "params", "details"}}``.
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


def error_body(
    code: str,
    message: str,
    details: dict[str, Any] | None = None,
    *,
    message_code: str | None = None,
    params: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """``message_code`` and ``params`` let the module say ``message`` in the customer's language."""
    return {
        "error": {
            "code": code,
            "message": message,
            "message_code": message_code or code,
            "params": params or {},
            "details": details or {},
        }
    }


def domain_error_response(error: errors.DomainError) -> Response:
    headers = {"Retry-After": "5"} if isinstance(error, errors.ServiceBusy) else None
    return Response(
        status_code=status_for(error),
        content_type=content_types.APPLICATION_JSON,
        body=error_body(
            error.code,
            error.message,
            error.details,
            message_code=error.message_code,
            params=error.params,
        ),
        headers=headers,
    )


# A value that would be accepted, per field name, so every refusal shows what right looks like.
FIELD_EXAMPLES: dict[str, str] = {
    "hostname": "web-1.example.com",
    "ptr": "mail.example.com",
    "client_id": "1042",
    "service_id": "1001",
    "whmcs_product_id": "12",
    "whmcs_service_id": "1001",
    "client_email": "jane@example.com",
    "email": "jane@example.com",
    "product_id": "V92",
    "region": "EU",
    "currency": "EUR",
    "name": "backup-2026",
    "description": "Before the upgrade",
    "public_key": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA... jane@laptop",
    "ports": "22 or 8000-8100",
    "source": "203.0.113.0/24",
    "cidr": "203.0.113.0/24",
    "protocol": "tcp",
    "ip": "203.0.113.10",
    "image_id": "an image id from the list of images",
    "user_data": "#cloud-config",
    "action": "restart",
    "key_id": "k0123456789abcdef",
    "template": "web-server",
}

# pydantic's error type -> (our problem code, English sentence after the field name). The
# bound or the choices are the parameter "limit" or "choices", whatever pydantic calls them.
_PROBLEMS: dict[str, tuple[str, str]] = {
    "missing": ("required", "is required"),
    "string_pattern_mismatch": ("format", "has a character or format that is not allowed"),
    "string_too_short": ("too_short", "is too short: at least {limit} characters"),
    "string_too_long": ("too_long", "is too long: at most {limit} characters"),
    "too_short": ("too_few", "needs at least {limit} entries"),
    "too_long": ("too_many", "allows at most {limit} entries"),
    "greater_than_equal": ("too_small", "must be {limit} or more"),
    "greater_than": ("too_small", "must be more than {limit}"),
    "less_than_equal": ("too_large", "must be {limit} or less"),
    "less_than": ("too_large", "must be less than {limit}"),
    "literal_error": ("choice", "must be one of {choices}"),
    "enum": ("choice", "must be one of {choices}"),
    "extra_forbidden": ("unknown_field", "is not a field this request takes; leave it out"),
    "int_parsing": ("number", "must be a whole number"),
    "int_type": ("number", "must be a whole number"),
    "int_from_float": ("number", "must be a whole number"),
    "float_parsing": ("number", "must be a number"),
    "float_type": ("number", "must be a number"),
    "bool_parsing": ("boolean", "must be true or false"),
    "bool_type": ("boolean", "must be true or false"),
    "string_type": ("text", "must be text"),
    "list_type": ("list", "must be a list"),
    "dict_type": ("object", "must be an object"),
    "model_type": ("object", "must be an object"),
    "model_attributes_type": ("object", "must be an object"),
}
_PARAMETERS = {
    "min_length": "limit",
    "max_length": "limit",
    "ge": "limit",
    "gt": "limit",
    "le": "limit",
    "lt": "limit",
    "expected": "choices",
}
_NOT_JSON = (
    'The request body is not valid JSON; send an object such as {"hostname": "web-1.example.com"}.'
)


def describe_validation_errors(raw_errors: list[dict[str, Any]] | tuple[Any, ...]) -> list[str]:
    """One sentence per problem, naming the field, what is wrong and an example of right."""
    return [problem["sentence"] for problem in validation_problems(raw_errors)]


def validation_problems(raw_errors: list[dict[str, Any]] | tuple[Any, ...]) -> list[dict[str, Any]]:
    """pydantic's errors as ``{field, problem, params, example, sentence}``: never a regex and
    never pydantic's own wording, so the module can say each one in the customer's language."""
    problems = []
    for item in raw_errors:
        kind = str(item.get("type", ""))
        if kind == "json_invalid":
            problems.append(
                {
                    "field": "",
                    "problem": "not_json",
                    "params": {},
                    "example": "",
                    "sentence": _NOT_JSON,
                }
            )
            continue
        location = [
            str(part) for part in item.get("loc", ()) if part not in ("body", "query", "path")
        ]
        field = ".".join(location) or "request"
        if kind in ("value_error", "assertion_error"):
            # Our own validators' sentences, already written for a person: kept as they are.
            said = (
                str(item.get("msg", ""))
                .removeprefix("Value error, ")
                .removeprefix("Assertion failed, ")
            )
            problem: dict[str, Any] = {
                "field": "" if field == "request" else field,
                "problem": "custom",
                "params": {"message": said},
                "example": "",
                "sentence": said if field == "request" else f"{field}: {said}",
            }
            coded = (item.get("ctx") or {}).get("error")
            if isinstance(coded, errors.InvalidValue):  # the sentence the module says instead
                problem["message_code"] = coded.message_code
                problem["params"] = {
                    "message": said,
                    **{k: str(v) for k, v in coded.params.items()},
                }
            problems.append(problem)
            continue
        leaf = next((part for part in reversed(location) if not part.isdigit()), field)
        code, template = _PROBLEMS.get(kind, ("invalid", "is not valid"))
        params = {
            _PARAMETERS[name]: str(value)
            for name, value in (item.get("ctx") or {}).items()
            if name in _PARAMETERS
        }
        sentence = f"{field} {template.format_map(_Blank(params))}"
        example = FIELD_EXAMPLES.get(leaf, "")
        if example and code not in ("required", "unknown_field"):
            sentence += f", for example {example}"
        problems.append(
            {
                "field": field,
                "problem": code,
                "params": params,
                "example": example,
                "sentence": sentence + ".",
            }
        )
    return problems


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "?"


def request_validation_response(error: RequestValidationError) -> Response:
    problems = validation_problems(list(error.errors()))
    sentences = [problem["sentence"] for problem in problems]
    return Response(
        status_code=400,
        content_type=content_types.APPLICATION_JSON,
        body=error_body(
            errors.InvalidInput.code,
            _summary(problems),
            {
                "problems": sentences,
                "fields": [{k: v for k, v in p.items() if k != "sentence"} for p in problems],
            },
            message_code="invalid_fields",
        ),
    )


def _summary(problems: list[dict[str, Any]]) -> str:
    if any(problem["problem"] == "not_json" for problem in problems):
        return _NOT_JSON
    return "The request is not valid: " + " ".join(problem["sentence"] for problem in problems)


def unexpected_error_response(correlation_id: str | None) -> Response:
    return Response(
        status_code=500,
        content_type=content_types.APPLICATION_JSON,
        body=error_body(
            "internal_error",
            "Something went wrong on our side. Please try again, and contact support with "
            "this reference if it keeps happening.",
            {"reference": correlation_id or ""},
            params={"reference": correlation_id or ""},
        ),
    )
