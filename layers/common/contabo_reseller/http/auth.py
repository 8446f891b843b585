"""The signature middleware every signed route uses (a REST authorizer cannot see the body)."""

from __future__ import annotations

from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response
from aws_lambda_powertools.event_handler.middlewares import NextMiddleware

from contabo_reseller.services.request_auth import SignedRequest, verify_request


def require_whmcs_signature(
    app: APIGatewayRestResolver, next_middleware: NextMiddleware
) -> Response:
    event = app.current_event
    body = event.decoded_body or ""
    request = SignedRequest(
        method=event.http_method,
        path=event.path,
        query=event.multi_value_query_string_parameters or None,
        headers={name.lower(): value for name, value in (event.headers or {}).items()},
        body=body.encode() if isinstance(body, str) else body,
    )
    key_id = verify_request(request)
    app.append_context(signing_key_id=key_id)
    return next_middleware(app)
