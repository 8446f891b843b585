"""Simulator-only endpoints under /__sim/ (not Contabo's API, never validated against the spec)."""

import json
from typing import Any

from werkzeug.wrappers import Request, Response

from .state import SimState

PREFIX = "/__sim/"


def handle(state: SimState, request: Request) -> Response:
    route = (request.method, request.path.removeprefix(PREFIX).rstrip("/"))
    body: dict[str, Any] = request.get_json(silent=True) or {}
    if route == ("GET", "state"):
        return _json(200, state.summary())
    if route == ("POST", "reset"):
        state.reset()
        return _json(200, {"reset": True})
    if route == ("POST", "clock/advance"):
        state.clock.advance(float(body.get("seconds", 0)))
        state.tick()
        return _json(200, {"now": state.summary()["now"]})
    if route == ("GET", "faults"):
        return _json(200, state.faults.snapshot())
    if route == ("POST", "faults"):
        try:
            state.faults.configure(body)
        except (TypeError, ValueError) as error:
            return _json(400, {"error": str(error)})
        return _json(200, state.faults.snapshot())
    if route == ("POST", "faults/reset"):
        state.faults.reset()
        return _json(200, state.faults.snapshot())
    if route == ("POST", "tokens/expire"):
        state.expire_tokens()
        return _json(200, {"expired": True})
    if route == ("POST", "tokens/ttl"):
        state.token_ttl_seconds = int(body["seconds"])
        return _json(200, {"ttlSeconds": state.token_ttl_seconds})
    if route == ("POST", "registry"):  # a domain held at another registrar (transfer source)
        from .routes.domains import register_elsewhere

        code = register_elsewhere(state, str(body["domain"]), str(body.get("auth_code", "")))
        return _json(200, {"domain": body["domain"], "auth_code": code})
    if route == ("POST", "domains/transfer-out"):  # another registrar asks for a domain
        from .routes.domains import request_transfer_out

        try:
            request_transfer_out(state, str(body["domain"]))
        except ValueError as error:
            return _json(409, {"error": str(error)})
        return _json(200, {"domain": body["domain"], "status": "transferring out"})
    return _json(404, {"error": f"no simulator endpoint {request.method} {request.path}"})


def _json(status: int, body: Any) -> Response:
    return Response(json.dumps(body), status=status, mimetype="application/json")
