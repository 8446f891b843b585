"""Keycloak's password-grant token endpoint, as auth.contabo.com serves it."""

import json

from werkzeug.wrappers import Request, Response

from .state import SimState

TOKEN_PATH = "/auth/realms/contabo/protocol/openid-connect/token"


def token(state: SimState, request: Request) -> Response:
    if request.method != "POST":
        return _json(
            405,
            {"error": "RESTEASY003650: No resource method found for GET"},
        )
    form = request.form
    config = state.config
    if form.get("grant_type") != "password":
        return _json(
            400, {"error": "unsupported_grant_type", "error_description": "Unsupported grant_type"}
        )
    if (
        form.get("client_id") != config.client_id
        or form.get("client_secret") != config.client_secret
    ):
        return _json(
            401,
            {
                "error": "unauthorized_client",
                "error_description": "Invalid client or Invalid client credentials",
            },
        )
    if form.get("username") != config.api_user or form.get("password") != config.api_password:
        with state.lock:
            state.token_requests += 1
        return _json(
            401, {"error": "invalid_grant", "error_description": "Invalid user credentials"}
        )
    access_token = state.issue_token()
    return _json(
        200,
        {
            "access_token": access_token,
            "expires_in": state.token_ttl_seconds,
            "refresh_expires_in": 1800,
            "refresh_token": f"refresh-{access_token}",
            "token_type": "Bearer",
            "not-before-policy": 0,
            "session_state": "00000000-0000-4000-8000-000000000000",
            "scope": "profile email",
        },
    )


def _json(status: int, body: dict) -> Response:
    return Response(json.dumps(body), status=status, mimetype="application/json")
