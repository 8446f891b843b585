"""The signature middleware every signed route uses (a REST authorizer cannot see the body)."""

from __future__ import annotations

import base64

from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response
from aws_lambda_powertools.event_handler.middlewares import NextMiddleware

from contabo_reseller.services.request_auth import SignedRequest, verify_request


def require_whmcs_signature(
    app: APIGatewayRestResolver, next_middleware: NextMiddleware
) -> Response:
    event = app.current_event
    request = SignedRequest(
        method=event.http_method,
        path=event.path,
        query=event.multi_value_query_string_parameters or None,
        headers={name.lower(): value for name, value in (event.headers or {}).items()},
        body=_raw_body(event.body, bool(event.is_base64_encoded)),
    )
    key_id = verify_request(request)
    app.append_context(signing_key_id=key_id)
    return next_middleware(app)


def _raw_body(body: str | None, base64_encoded: bool) -> bytes:
    """The bytes that were signed; not ``decoded_body``, which fails on bytes that are not
    UTF-8 (a 500 where the answer is a 401 or a 400)."""
    if not body:
        return b""
    return base64.b64decode(body) if base64_encoded else body.encode()
