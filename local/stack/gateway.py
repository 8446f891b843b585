"""A local stand-in for API Gateway (REST, v1 proxy integration) in front of the functions.

Every ``Api`` event in template.yaml becomes a route, served under its stage (``/Prod/...``) and
without it. Requests become v1 proxy events, handler results become HTTP responses, and what
API Gateway itself answers (403 for unknown routes, 502 for a failed function, 504 past the
29 s integration timeout) is answered the same way.
"""

from __future__ import annotations

import base64
import contextlib
import json
import logging
import re
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from werkzeug.datastructures import Headers
from werkzeug.serving import WSGIRequestHandler
from werkzeug.wrappers import Request, Response

if TYPE_CHECKING:
    from _typeshed.wsgi import WSGIEnvironment

from local.stack.functions import ACCOUNT_ID, FunctionTimeout, LocalFunction
from local.stack.template import api_stage_name, function_events

INTEGRATION_TIMEOUT_SECONDS = 29.0
LOCAL_API_ID = "localapi01"
JOB_RUN_PATH = re.compile(r"^/__local/jobs/(?P<function>[A-Za-z0-9_-]+)/run$")
LAMBDA_INVOKE_PATH = re.compile(r"^/2015-03-31/functions/(?P<function>[^/]+)/invocations$")
_TEXT_TYPES = {
    "application/json",
    "application/xml",
    "application/javascript",
    "application/x-www-form-urlencoded",
    "application/graphql",
}

# WSGI joins a repeated header into one "a, b" value; the request handler below keeps them
# apart (and in the client's case), as API Gateway's multiValueHeaders does.
RAW_HEADERS_KEY = "local.raw_headers"

log = logging.getLogger("local.stack")


class RawHeadersRequestHandler(WSGIRequestHandler):
    def make_environ(self) -> WSGIEnvironment:
        environ = super().make_environ()
        environ[RAW_HEADERS_KEY] = list(self.headers.items())
        return environ


@dataclass(frozen=True)
class Route:
    function_id: str
    method: str  # upper case; ANY matches every method
    resource: str  # the template path, e.g. /services/{service_id}
    stage: str

    @property
    def pattern(self) -> re.Pattern[str]:
        def segment(match: re.Match[str]) -> str:
            name = match.group(1)
            if name.endswith("+"):
                return f"(?P<{name[:-1]}>.+)"
            return f"(?P<{name}>[^/]+)"

        return re.compile("^" + re.sub(r"\{([^}]+)\}", segment, self.resource) + "/?$")

    @property
    def specificity(self) -> tuple[int, int, int]:
        """API Gateway prefers literal segments, then {param}, then {proxy+}; then a method."""
        segments = self.resource.strip("/").split("/")
        literal = sum(1 for s in segments if not s.startswith("{"))
        greedy = any(s.endswith("+}") for s in segments)
        return (0 if greedy else 1, literal, 0 if self.method == "ANY" else 1)


def routes_from_template(template: dict[str, Any]) -> list[Route]:
    routes = [
        Route(
            function_id=function_id,
            method=str(properties["Method"]).upper(),
            resource=properties["Path"],
            stage=api_stage_name(template, properties.get("RestApiId")),
        )
        for function_id, _, properties in function_events(template, {"Api"})
    ]
    return sorted(routes, key=lambda route: route.specificity, reverse=True)


def match_route(
    routes: list[Route], method: str, path: str
) -> tuple[Route, dict[str, str], str] | None:
    """The route for a request, its path parameters, and the path without the stage."""
    for route in routes:
        if route.method not in ("ANY", method.upper()):
            continue
        stage_prefix = f"/{route.stage}"
        candidates = [path]
        if path == stage_prefix or path.startswith(stage_prefix + "/"):
            candidates.insert(0, path[len(stage_prefix) :] or "/")
        for candidate in candidates:
            found = route.pattern.match(candidate)
            if found:
                return route, found.groupdict(), candidate
    return None


def build_event(
    request: Request, route: Route, path_parameters: dict[str, str], path: str
) -> dict[str, Any]:
    """The API Gateway REST (v1) proxy event for this request."""
    multi_headers: dict[str, list[str]] = {}
    for name, value in request.environ.get(RAW_HEADERS_KEY) or request.headers.items():
        multi_headers.setdefault(name, []).append(value)
    forwarded = {
        "X-Forwarded-For": request.remote_addr or "127.0.0.1",
        "X-Forwarded-Proto": request.scheme,
        "X-Forwarded-Port": str(request.server[1] if request.server else 80),
    }
    for name, value in forwarded.items():
        multi_headers.setdefault(name, [value])
    multi_query = {key: request.args.getlist(key) for key in request.args}
    raw_body = request.get_data()
    body, is_base64 = _event_body(raw_body, request.mimetype)
    now = datetime.now(UTC)
    request_id = str(uuid.uuid4())
    return {
        "resource": route.resource,
        "path": path,
        "httpMethod": request.method,
        "headers": {name: values[-1] for name, values in multi_headers.items()} or None,
        "multiValueHeaders": multi_headers or None,
        "queryStringParameters": {k: v[-1] for k, v in multi_query.items()} or None,
        "multiValueQueryStringParameters": multi_query or None,
        "pathParameters": path_parameters or None,
        "stageVariables": None,
        "requestContext": {
            "accountId": ACCOUNT_ID,
            "apiId": LOCAL_API_ID,
            "domainName": request.host,
            "domainPrefix": request.host.split(".")[0],
            "extendedRequestId": request_id,
            "httpMethod": request.method,
            "identity": {
                "sourceIp": request.remote_addr or "127.0.0.1",
                "userAgent": request.headers.get("User-Agent"),
                "accountId": None,
                "apiKey": None,
                "caller": None,
                "user": None,
                "userArn": None,
            },
            "path": f"/{route.stage}{path}",
            "protocol": request.environ.get("SERVER_PROTOCOL", "HTTP/1.1"),
            "requestId": request_id,
            "requestTime": now.strftime("%d/%b/%Y:%H:%M:%S +0000"),
            "requestTimeEpoch": int(now.timestamp() * 1000),
            "resourceId": "local",
            "resourcePath": route.resource,
            "stage": route.stage,
        },
        "body": body,
        "isBase64Encoded": is_base64,
    }


def _event_body(raw: bytes, mimetype: str) -> tuple[str | None, bool]:
    if not raw:
        return None, False
    textual = (
        not mimetype
        or mimetype.startswith("text/")
        or mimetype in _TEXT_TYPES
        or mimetype.endswith(("+json", "+xml"))
    )
    if textual:
        try:
            return raw.decode("utf-8"), False
        except UnicodeDecodeError:
            pass
    return base64.b64encode(raw).decode("ascii"), True


def to_response(result: Any, request_id: str) -> Response:
    """Maps a handler's proxy result to HTTP; a malformed one is a 502, as API Gateway does."""
    if not isinstance(result, dict) or not isinstance(result.get("statusCode"), int):
        log.error("malformed Lambda proxy response: %r", result)
        return gateway_error(502, "Internal server error", request_id)
    headers = Headers()
    for name, values in (result.get("multiValueHeaders") or {}).items():
        for value in values:
            headers.add(name, str(value))
    for name, value in (result.get("headers") or {}).items():
        if str(value) not in headers.getlist(name):
            headers.add(name, str(value))
    if "Content-Type" not in headers:
        headers["Content-Type"] = "application/json"
    headers["x-amzn-RequestId"] = request_id
    body = result.get("body") or ""
    data = base64.b64decode(body) if result.get("isBase64Encoded") else body.encode("utf-8")
    return Response(data, status=result["statusCode"], headers=headers)


def gateway_error(status: int, message: str, request_id: str, error_type: str = "") -> Response:
    response = Response(
        json.dumps({"message": message}), status=status, content_type="application/json"
    )
    response.headers["x-amzn-RequestId"] = request_id
    if error_type:
        response.headers["x-amzn-ErrorType"] = error_type
    return response


class LocalApiGateway:
    """The WSGI app: API routes, ``POST /__local/jobs/<FunctionId>/run``, and Lambda's Invoke.

    Invoke (``AWS_ENDPOINT_URL_LAMBDA`` points here) lets one function start another the way
    it does in AWS, e.g. an order waking the provisioning worker with an ``Event`` invoke.
    """

    def __init__(
        self,
        routes: list[Route],
        functions: dict[str, LocalFunction],
        run_job: Callable[[str], dict[str, Any]] | None = None,
    ) -> None:
        self.routes = routes
        self.functions = functions
        self.run_job = run_job
        # Event invokes still running (an order's wake-up of the provisioning worker): tests
        # wait for them to end before reading what they wrote or acting on the same service.
        self._background = 0
        self._background_done = threading.Condition()

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        request = Request(environ)
        job = JOB_RUN_PATH.match(request.path)
        invoke = LAMBDA_INVOKE_PATH.match(request.path)
        if job and request.method == "POST" and self.run_job is not None:
            response = self._run_job(job.group("function"))
        elif invoke and request.method == "POST":
            response = self._lambda_invoke(invoke.group("function"), request)
        else:
            response = self.handle(request)
        return response(environ, start_response)

    def handle(self, request: Request) -> Response:
        started = time.monotonic()
        found = match_route(self.routes, request.method, request.path)
        if found is None:
            response = gateway_error(
                403,
                "Missing Authentication Token",
                str(uuid.uuid4()),
                "MissingAuthenticationTokenException",
            )
            log.info(
                "%s %s %s  (no route)", request.method, request.path, _outcome(response, started)
            )
            return response
        route, parameters, path = found
        event = build_event(request, route, parameters, path)
        request_id = event["requestContext"]["requestId"]
        function = self.functions[route.function_id]
        try:
            result = function.invoke(event, limit_seconds=INTEGRATION_TIMEOUT_SECONDS)
            response = to_response(result, request_id)
        except FunctionTimeout as timeout:
            log.error("%s", timeout)
            if timeout.seconds >= INTEGRATION_TIMEOUT_SECONDS:
                response = gateway_error(504, "Endpoint request timed out", request_id)
            else:
                response = gateway_error(502, "Internal server error", request_id)
        except Exception:
            log.exception("%s failed", route.function_id)
            response = gateway_error(502, "Internal server error", request_id)
        log.info(
            "%s %s %s  %s",
            request.method,
            request.path,
            _outcome(response, started),
            route.function_id,
        )
        return response

    def _run_job(self, job: str) -> Response:
        """By logical id, or by the job's short name (as in the admin API)."""
        assert self.run_job is not None
        from local.stack.jobs import UnknownJob, resolve_job

        function_id = job
        if job not in self.functions:
            with contextlib.suppress(UnknownJob):  # else a 404 below, as for a function no job
                function_id = resolve_job(job).function_id
        try:
            outcome = self.run_job(function_id)
        except KeyError as unknown:
            body = {"message": f"no scheduled function {unknown}"}
            return Response(json.dumps(body), status=404, content_type="application/json")
        status = 200 if outcome["status"] == "ok" else 500
        return Response(json.dumps(outcome, default=str), status, content_type="application/json")

    def _lambda_invoke(self, name: str, request: Request) -> Response:
        """Lambda's Invoke API: Event runs in the background (202), RequestResponse waits."""
        started = time.monotonic()
        # FunctionName may be a name, an ARN, or either with a :qualifier.
        name = name.split(":function:")[-1].split(":")[0]
        function = next(
            (f for f in self.functions.values() if name in (f.function_name, f.logical_id)), None
        )
        if function is None:
            response = Response(
                json.dumps({"Type": "User", "message": f"Function not found: {name}"}),
                status=404,
                content_type="application/json",
            )
            response.headers["x-amzn-ErrorType"] = "ResourceNotFoundException"
            return response
        payload = json.loads(request.get_data() or b"{}")
        invocation_type = request.headers.get("X-Amz-Invocation-Type", "RequestResponse")
        if invocation_type == "Event":
            with self._background_done:
                self._background += 1
            threading.Thread(
                target=self._invoke_in_background, args=(function, payload), daemon=True
            ).start()
            response = Response(status=202)
        elif invocation_type == "DryRun":
            response = Response(status=204)
        else:
            response = self._invoke_and_wait(function, payload)
        if invocation_type != "Event":  # an Event run gets its line when it ends
            log.info(
                "invoke %s %s  %s",
                invocation_type,
                _outcome(response, started),
                function.logical_id,
            )
        return response

    def wait_for_background(self, timeout: float = 30.0) -> bool:
        """Waits until no Event invoke is running (True), or ``timeout`` seconds (False)."""
        with self._background_done:
            return self._background_done.wait_for(lambda: self._background == 0, timeout)

    def _invoke_in_background(self, function: LocalFunction, payload: Any) -> None:
        started = time.monotonic()
        try:
            function.invoke(payload)
            status = "ok"
        except Exception:
            log.exception("%s failed", function.logical_id)
            status = "error"
        finally:
            with self._background_done:
                self._background -= 1
                self._background_done.notify_all()
        ms = round((time.monotonic() - started) * 1000)
        log.info(
            "invoke Event %s %sms  %s (started by another function)",
            status,
            ms,
            function.logical_id,
        )

    def _invoke_and_wait(self, function: LocalFunction, payload: Any) -> Response:
        try:
            result = function.invoke(payload)
        except Exception as error:
            body = {"errorMessage": str(error), "errorType": type(error).__name__}
            response = Response(json.dumps(body), status=200, content_type="application/json")
            response.headers["X-Amz-Function-Error"] = "Unhandled"
            return response
        return Response(json.dumps(result, default=str), 200, content_type="application/json")


def _outcome(response: Response, started: float) -> str:
    return f"{response.status_code} {round((time.monotonic() - started) * 1000)}ms"
