"""The local API Gateway: v1 proxy events in, proxy results out, API Gateway's own answers."""

import base64
import json

import pytest
from werkzeug.test import Client, EnvironBuilder

from local.stack.gateway import (
    RAW_HEADERS_KEY,
    LocalApiGateway,
    Route,
    build_event,
    match_route,
    routes_from_template,
    to_response,
)
from local.stack.template import load_template

ROUTES = sorted(
    [
        Route("ItemFunction", "GET", "/services/{service_id}", "Prod"),
        Route("ActionFunction", "POST", "/services/{service_id}/actions/{action}", "Prod"),
        Route("ListFunction", "GET", "/services/list", "Prod"),
        Route("ProxyFunction", "ANY", "/files/{proxy+}", "Prod"),
    ],
    key=lambda r: r.specificity,
    reverse=True,
)


def _event(method="GET", path="/Prod/services/s-1", raw_headers=None, **kwargs):
    # raw_headers: what RawHeadersRequestHandler records from the socket.
    overrides = {RAW_HEADERS_KEY: raw_headers} if raw_headers is not None else None
    request = EnvironBuilder(
        method=method, path=path, environ_overrides=overrides, **kwargs
    ).get_request()
    route, parameters, stageless = match_route(ROUTES, method, request.path)
    return build_event(request, route, parameters, stageless)


def test_path_parameters_with_and_without_the_stage():
    for path in ("/Prod/services/s-1", "/services/s-1"):
        route, parameters, stageless = match_route(ROUTES, "GET", path)
        assert route.function_id == "ItemFunction"
        assert parameters == {"service_id": "s-1"}
        assert stageless == "/services/s-1"


def test_literal_segments_win_over_parameters():
    route, parameters, _ = match_route(ROUTES, "GET", "/Prod/services/list")
    assert route.function_id == "ListFunction" and parameters == {}


def test_greedy_proxy_takes_the_rest_of_the_path_for_any_method():
    route, parameters, _ = match_route(ROUTES, "DELETE", "/Prod/files/a/b/c.txt")
    assert route.function_id == "ProxyFunction"
    assert parameters == {"proxy": "a/b/c.txt"}


def test_wrong_method_or_unknown_path_has_no_route():
    assert match_route(ROUTES, "DELETE", "/Prod/services/s-1") is None
    assert match_route(ROUTES, "GET", "/Prod/nothing") is None


def test_v1_event_shape():
    event = _event(
        method="POST",
        path="/Prod/services/s-1/actions/reboot",
        query_string="force=1&tag=a&tag=b",
        raw_headers=[
            ("Content-Type", "application/json"),
            ("x-request-id", "r-1"),
            ("X-Multi", "one"),
            ("X-Multi", "two"),
        ],
        json={"reason": "stuck"},
    )
    assert event["resource"] == "/services/{service_id}/actions/{action}"
    assert event["path"] == "/services/s-1/actions/reboot"
    assert event["httpMethod"] == "POST"
    assert event["pathParameters"] == {"service_id": "s-1", "action": "reboot"}
    assert event["queryStringParameters"] == {"force": "1", "tag": "b"}
    assert event["multiValueQueryStringParameters"] == {"force": ["1"], "tag": ["a", "b"]}
    assert event["headers"]["x-request-id"] == "r-1"  # the client's spelling, as API Gateway
    assert event["headers"]["X-Multi"] == "two"
    assert event["multiValueHeaders"]["X-Multi"] == ["one", "two"]
    assert event["headers"]["Content-Type"] == "application/json"
    assert json.loads(event["body"]) == {"reason": "stuck"}
    assert event["isBase64Encoded"] is False
    assert event["stageVariables"] is None
    context = event["requestContext"]
    assert context["stage"] == "Prod"
    assert context["path"] == "/Prod/services/s-1/actions/reboot"
    assert context["resourcePath"] == event["resource"]
    assert context["httpMethod"] == "POST"
    assert context["identity"]["sourceIp"]
    assert isinstance(context["requestTimeEpoch"], int)
    assert len(context["requestId"]) == 36


def test_no_query_no_body_no_parameters_are_none_as_api_gateway_sends_them():
    request = EnvironBuilder(method="GET", path="/services/list").get_request()
    route, parameters, path = match_route(ROUTES, "GET", request.path)
    event = build_event(request, route, parameters, path)
    assert event["queryStringParameters"] is None
    assert event["multiValueQueryStringParameters"] is None
    assert event["pathParameters"] is None
    assert event["body"] is None
    assert event["isBase64Encoded"] is False


def test_binary_body_is_base64_encoded():
    payload = bytes(range(256))
    event = _event(
        method="PUT",
        path="/Prod/files/image.png",
        data=payload,
        content_type="application/octet-stream",
    )
    assert event["isBase64Encoded"] is True
    assert base64.b64decode(event["body"]) == payload


def test_text_body_stays_text():
    event = _event(method="PUT", path="/files/a.txt", data="héllo", content_type="text/plain")
    assert event["body"] == "héllo" and event["isBase64Encoded"] is False


def test_response_mapping_headers_multi_value_and_base64():
    response = to_response(
        {
            "statusCode": 201,
            "headers": {"Content-Type": "image/png", "X-One": "1"},
            "multiValueHeaders": {"Set-Cookie": ["a=1", "b=2"]},
            "body": base64.b64encode(b"\x89PNG").decode(),
            "isBase64Encoded": True,
        },
        "req-1",
    )
    assert response.status_code == 201
    assert response.get_data() == b"\x89PNG"
    assert response.headers["Content-Type"] == "image/png"
    assert response.headers.getlist("Set-Cookie") == ["a=1", "b=2"]
    assert response.headers["X-One"] == "1"
    assert response.headers["x-amzn-RequestId"] == "req-1"


def test_response_without_content_type_is_json_and_malformed_result_is_502():
    assert to_response({"statusCode": 204}, "r").headers["Content-Type"] == "application/json"
    broken = to_response({"body": "no status"}, "r")
    assert broken.status_code == 502
    assert broken.get_json() == {"message": "Internal server error"}


class _FakeFunction:
    def __init__(self, result=None, error=None):
        self.result, self.error, self.events = result, error, []

    def invoke(self, event, limit_seconds=None):
        self.events.append(event)
        if self.error:
            raise self.error
        return self.result


def test_gateway_app_invokes_the_route_function_and_answers_403_for_unknown_routes():
    function = _FakeFunction({"statusCode": 200, "body": '{"ok": true}'})
    app = LocalApiGateway(
        [Route("ItemFunction", "GET", "/services/{service_id}", "Prod")], {"ItemFunction": function}
    )
    client = Client(app)
    assert client.get("/Prod/services/s-9").get_json() == {"ok": True}
    assert function.events[0]["pathParameters"] == {"service_id": "s-9"}
    unknown = client.get("/Prod/other")
    assert unknown.status_code == 403
    assert unknown.get_json() == {"message": "Missing Authentication Token"}
    assert client.post("/Prod/services/s-9").status_code == 403


def test_function_error_is_502_and_integration_timeout_is_504():
    from local.stack.functions import FunctionTimeout

    route = [Route("F", "GET", "/x", "Prod")]
    failing = Client(LocalApiGateway(route, {"F": _FakeFunction(error=RuntimeError("boom"))}))
    assert failing.get("/x").status_code == 502
    lambda_timeout = Client(
        LocalApiGateway(route, {"F": _FakeFunction(error=FunctionTimeout("F", 10))})
    )
    assert lambda_timeout.get("/x").status_code == 502
    too_slow = Client(LocalApiGateway(route, {"F": _FakeFunction(error=FunctionTimeout("F", 29))}))
    response = too_slow.get("/x")
    assert response.status_code == 504
    assert response.get_json() == {"message": "Endpoint request timed out"}


def test_job_endpoint_runs_the_job_and_404s_unknown_ones():
    def run_job(function_id):
        if function_id != "JobFunction":
            raise KeyError(function_id)
        return {"function": function_id, "status": "ok", "ms": 1}

    client = Client(LocalApiGateway([], {}, run_job))
    assert client.post("/__local/jobs/JobFunction/run").get_json()["status"] == "ok"
    assert client.post("/__local/jobs/Nope/run").status_code == 404


def test_every_api_event_in_the_template_becomes_a_route():
    template = load_template()
    routes = routes_from_template(template)
    api_events = [
        (function_id, event["Properties"]["Path"])
        for function_id, resource in template["Resources"].items()
        if resource["Type"] == "AWS::Serverless::Function"
        for event in (resource["Properties"].get("Events") or {}).values()
        if event["Type"] == "Api"
    ]
    assert sorted((r.function_id, r.resource) for r in routes) == sorted(api_events)
    assert ("HealthFunction", "/health") in api_events
    assert all(r.stage == "Prod" for r in routes)


@pytest.mark.parametrize("path", ["/health", "/Prod/health", "/Prod/health/"])
def test_health_route_matches(path):
    found = match_route(routes_from_template(load_template()), "GET", path)
    assert found is not None and found[0].function_id == "HealthFunction"
