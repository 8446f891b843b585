"""Request and response checks against the spec with openapi-core, turned into Contabo errors."""

from typing import Any

from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest, WerkzeugOpenAPIResponse
from openapi_core.validation.request.exceptions import SecurityValidationError
from werkzeug.wrappers import Request, Response

from . import spec
from .errors import ApiError


def validated_request(request: Request) -> tuple[dict[str, Any], Any]:
    """(parameters by location, body with spec defaults applied) or ApiError 400/401."""
    result = spec.openapi().unmarshal_request(WerkzeugOpenAPIRequest(request))
    for error in result.errors:
        if isinstance(error, SecurityValidationError):
            raise ApiError(401, "Unauthorized")
    if result.errors:
        raise ApiError(400, [line for error in result.errors for line in _describe(error)])
    params = result.parameters
    return {"path": params.path, "query": params.query, "header": params.header}, result.body


def response_errors(request: Request, response: Response) -> list[str]:
    """Why the response breaks the spec (empty when it conforms)."""
    errors = spec.openapi().iter_response_errors(
        WerkzeugOpenAPIRequest(request), WerkzeugOpenAPIResponse(response)
    )
    return [line for error in errors for line in _describe(error)]


def _describe(error: Exception) -> list[str]:
    """One readable line per schema violation, naming the field."""
    cause = error.__cause__
    schema_errors = getattr(cause, "schema_errors", None) or getattr(error, "schema_errors", None)
    prefix = str(error).split(":")[0] if not schema_errors else _location(error)
    if not schema_errors:
        return [f"{prefix}: {cause}" if cause else str(error)]
    return [f"{prefix}{_path(e.absolute_path)} {e.message}" for e in schema_errors]


def _location(error: Exception) -> str:
    name = getattr(error, "name", None)
    location = getattr(error, "location", None)
    return f"{location} parameter {name}:" if name else "body"


def _path(parts: Any) -> str:
    return (
        "".join(f".{p}" if isinstance(p, str) else f"[{p}]" for p in parts) + ":" if parts else ":"
    )
