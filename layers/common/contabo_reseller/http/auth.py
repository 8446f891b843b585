"""The signature middleware every signed route uses (a REST authorizer cannot see the body),
and what the signing key decides about the request: its WHMCS installation scopes every id in
the path, and a client named by WHMCS must own the service."""

from __future__ import annotations

import base64
import re

from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response
from aws_lambda_powertools.event_handler.middlewares import NextMiddleware

from contabo_reseller.domain import installations
from contabo_reseller.domain.errors import InvalidInput
from contabo_reseller.services import ownership
from contabo_reseller.services.request_auth import SignedRequest, verify_request

# Path parameters that are WHMCS ids, numbered anew in every installation.
INSTALLATION_SCOPED_IDS = ("serviceId", "clientId", "whmcsProductId", "domainId")
CLIENT_ID_QUERY = "client_id"  # the module sends the service's client on every service call
_CLIENT_ID = re.compile(r"[0-9]{1,12}")


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
        host=event.request_context.domain_name or event.headers.get("host") or "",
        full_path=event.request_context.path or event.path,
    )
    key = verify_request(request)
    app.append_context(
        signing_key_id=key.key_id, installation=key.installation, admin_key=key.admin
    )
    return next_middleware(app)


def scope_to_caller(app: APIGatewayRestResolver, next_middleware: NextMiddleware) -> Response:
    """Runs after validation, before the handler: the handler receives installation-scoped
    ids (so no route can forget the scope) and never runs for another client's service."""
    installation = app.context.get("installation", installations.DEFAULT_INSTALLATION)
    arguments = app.context.get("_route_args") or {}
    for name in INSTALLATION_SCOPED_IDS:
        if isinstance(arguments.get(name), str):
            arguments[name] = installations.scoped_id(installation, arguments[name])
    if "serviceId" in arguments:
        ownership.require_client(arguments["serviceId"], _client_id(app))
    return next_middleware(app)


def installation(app: APIGatewayRestResolver) -> str:
    return str(app.context.get("installation", installations.DEFAULT_INSTALLATION))


def signing_key_description(app: APIGatewayRestResolver) -> str:
    """Which key signed, for the admin checking a WHMCS connection (never the secret)."""
    use = "admin" if app.context.get("admin_key") else "server module"
    return (
        f"{use} key {app.context.get('signing_key_id', '?')} of WHMCS installation "
        f"{installation(app)!r}"
    )


def _client_id(app: APIGatewayRestResolver) -> str | None:
    values = (app.current_event.multi_value_query_string_parameters or {}).get(CLIENT_ID_QUERY)
    if not values:
        return None
    if len(values) != 1 or not _CLIENT_ID.fullmatch(values[0]):
        raise InvalidInput(
            "client_id must be the WHMCS client's number, e.g. 42.",
            message_code="client_id_invalid",
        )
    return values[0]


def _raw_body(body: str | None, base64_encoded: bool) -> bytes:
    """The bytes that were signed; not ``decoded_body``, which fails on bytes that are not
    UTF-8 (a 500 where the answer is a 401 or a 400)."""
    if not body:
        return b""
    return base64.b64decode(body) if base64_encoded else body.encode()
