"""WSGI wiring: admin endpoints, Keycloak token endpoint, then spec-routed Contabo API calls."""

import json
import socket
import time
from typing import Any

from werkzeug.exceptions import HTTPException
from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Request, Response

from . import admin, auth, spec
from .errors import ApiError
from .faults import PURCHASE_OPERATIONS
from .routes import HANDLERS, Context, Reply, load_all
from .state import SimState
from .validation import response_errors, validated_request


class SimulatorApp:
    def __init__(self, state: SimState) -> None:
        self.state = state
        load_all()
        self.validate = state.config.validate
        self.url_map = _spec_url_map()
        self.declared_statuses = _declared_statuses()
        if self.validate:
            spec.openapi()  # build the validators now, not on the first request

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        response = self.dispatch(request)
        return response(environ, start_response)

    def dispatch(self, request: Request) -> Response:
        latency = self.state.faults.latency_seconds()
        if latency:
            time.sleep(latency)
        if request.path.startswith(admin.PREFIX):
            return admin.handle(self.state, request)
        if request.path == auth.TOKEN_PATH:
            return auth.token(self.state, request)
        try:
            rule, path_args = self.url_map.bind_to_environ(request.environ).match(return_rule=True)
        except HTTPException:
            return _json(
                404, {"statusCode": 404, "message": f"Cannot {request.method} {request.path}"}
            )
        operation_id = rule.endpoint
        try:
            return self._call_operation(request, operation_id, path_args)
        except ApiError as error:
            return _json(error.status, error.body())
        except ConnectionAbortedError:
            raise  # a dropped connection is a fault being injected, not a bug
        except Exception as error:  # a simulator bug still answers in Contabo's JSON envelope
            with self.state.lock:
                self.state.validation_failures.append(
                    {"operationId": operation_id, "errors": [f"unhandled {error!r}"]}
                )
            return _json(500, {"statusCode": 500, "message": "Internal server error"})

    def _call_operation(
        self, request: Request, operation_id: str, path_args: dict[str, str]
    ) -> Response:
        state = self.state
        state.tick()
        retry_after = state.faults.take_throttle()
        if retry_after is not None:
            body = {"statusCode": 429, "message": "ThrottlerException: Too Many Requests"}
            return _json(429, body, {"Retry-After": str(retry_after)})
        _authenticate(state, request)
        params, body = self._parse(request, path_args)
        if state.faults.roll_error(operation_id):
            raise ApiError(503, "Service Unavailable")
        if state.faults.take_fail_before_commit(operation_id):
            raise ApiError(500, "Internal server error")
        handler = HANDLERS.get(operation_id)
        if handler is None:
            raise ApiError(501, f"{operation_id} is not implemented by the simulator")
        ctx = Context(
            state=state,
            operation_id=operation_id,
            path=params["path"],
            query=params["query"],
            body=body,
            request_id=request.headers.get("x-request-id", ""),
            trace_id=request.headers.get("x-trace-id", ""),
            url_path=request.path,
            raw_query=request.args.to_dict(flat=False),
        )
        with state.lock:
            reply = handler(ctx)
            if operation_id in PURCHASE_OPERATIONS:
                state.purchases[operation_id] += 1
        response = _reply_response(reply)
        self._check_response(request, response, operation_id)
        if operation_id in PURCHASE_OPERATIONS:
            failure = state.faults.take_commit_then_fail(operation_id)
            if failure == "drop":
                _drop_connection(request)
            if failure == "500":
                raise ApiError(500, "Internal server error")
        return response

    def _parse(self, request: Request, path_args: dict[str, str]) -> tuple[dict[str, Any], Any]:
        if self.validate:
            return validated_request(request)
        body = request.get_json(silent=True) if request.data else None
        return {
            "path": path_args,
            "query": request.args.to_dict(),
            "header": dict(request.headers),
        }, body

    def _check_response(self, request: Request, response: Response, operation_id: str) -> None:
        """A response that breaks the spec is a simulator bug: record it and answer 500."""
        if (
            not self.validate
            or (operation_id, str(response.status_code)) not in self.declared_statuses
        ):
            return
        errors = response_errors(request, response)
        if errors:
            with self.state.lock:
                self.state.validation_failures.append(
                    {"operationId": operation_id, "errors": errors}
                )
            raise ApiError(500, [f"simulator response violates the spec ({operation_id})", *errors])


def _authenticate(state: SimState, request: Request) -> None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not state.token_valid(token):
        raise ApiError(401, "Unauthorized")


def _drop_connection(request: Request) -> None:
    """Close the socket without answering, as Contabo's edge sometimes does mid-purchase."""
    sock: socket.socket = request.environ["werkzeug.socket"]
    sock.shutdown(socket.SHUT_RDWR)
    raise ConnectionAbortedError("simulated dropped connection")


def _spec_url_map() -> Map:
    rules = [
        Rule(path.replace("{", "<").replace("}", ">"), methods=[method], endpoint=operation_id)
        for (method, path), operation_id in spec.operations().items()
    ]
    return Map(rules, strict_slashes=False, merge_slashes=False)


def _declared_statuses() -> set[tuple[str, str]]:
    return {
        (op["operationId"], status)
        for item in spec.spec_document()["paths"].values()
        for method, op in item.items()
        if method in spec.HTTP_METHODS
        for status in op["responses"]
    }


def _reply_response(reply: Reply) -> Response:
    if reply.body is None:
        return Response(status=reply.status, headers=reply.headers)
    return _json(reply.status, reply.body, reply.headers)


def _json(status: int, body: Any, headers: dict[str, str] | None = None) -> Response:
    return Response(json.dumps(body), status=status, headers=headers, mimetype="application/json")
