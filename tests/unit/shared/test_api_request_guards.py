"""What every signed route does before its handler, found by the chaos suite (make chaos):
the signature is checked before request validation, a body that is not UTF-8 is a 400, a
path no route takes is a 404, and concurrent requests never see each other's event."""

from __future__ import annotations

import base64
import json
import threading
from typing import Annotated, Any

import pytest
from aws_lambda_powertools.event_handler.openapi.params import Body
from pydantic import BaseModel, ConfigDict

from contabo_reseller.http.api import create_api
from local.signed_client import SignedClient
from local.stack.aws import DEMO_SIGNING_KEY_ID, DEMO_SIGNING_SECRET
from local.stack.functions import FakeLambdaContext

SIGNER = SignedClient("http://unused/Prod", DEMO_SIGNING_KEY_ID, DEMO_SIGNING_SECRET)


class Reason(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: str


@pytest.fixture
def api() -> Any:
    api = create_api()

    @api.post("/things/<thing_id>/note")
    def note(thing_id: str, request: Annotated[Reason, Body()]) -> dict[str, str]:
        return {"thing": thing_id, "reason": request.reason}

    return api


def event(path: str, body: bytes, *, signed: bool = True, base64_body: bool = False) -> dict:
    headers = {"Content-Type": "application/json"}
    if signed:
        headers |= SIGNER.signature_headers("POST", path, "", body)
    return {
        "resource": "/things/{thing_id}/note",
        "path": path,
        "httpMethod": "POST",
        "headers": headers,
        "multiValueHeaders": {name: [value] for name, value in headers.items()},
        "queryStringParameters": None,
        "multiValueQueryStringParameters": None,
        "pathParameters": {"thing_id": path.split("/")[2]},
        "requestContext": {
            "requestId": "r-1",
            "stage": "Prod",
            "path": "/Prod" + path,
            "domainName": "unused",
        },
        "body": base64.b64encode(body).decode() if base64_body else body.decode(),
        "isBase64Encoded": base64_body,
    }


def answer(api: Any, request: dict) -> tuple[int, dict]:
    response = api.resolve(request, FakeLambdaContext("unit", 128, 10, "eu-central-1"))
    return response["statusCode"], json.loads(response["body"])


def test_an_unsigned_request_is_refused_before_its_body_is_validated(aws, api):
    status, body = answer(api, event("/things/7/note", b'{"reason": 5}', signed=False))
    assert status == 401
    assert body["error"]["code"] == "not_authenticated"


def test_a_signed_request_with_a_bad_body_is_a_readable_400(aws, api):
    status, body = answer(api, event("/things/7/note", b'{"reason": 5}'))
    assert status == 400
    assert "reason" in body["error"]["message"]


def test_a_body_that_is_not_utf8_is_a_400_not_a_500(aws, api):
    status, body = answer(api, event("/things/7/note", b"\xff\xfe", base64_body=True))
    assert status == 400
    assert body["error"]["message"] == "The request body must be JSON encoded in UTF-8."


def test_a_path_no_route_takes_is_a_404_not_a_500(aws, api):
    path = "/things/\U0005a894/note"  # API Gateway passes it; Powertools' pattern does not
    status, body = answer(api, event(path, b'{"reason": "x"}'))
    assert status == 404
    assert body["error"]["code"] == "not_found"


def test_concurrent_requests_on_two_resolvers_each_see_their_own_event(aws, api):
    """The local stack serves every function from one process: one resolver's request must
    never be validated against another's body."""
    other = create_api()
    arrived = threading.Barrier(2)

    @other.post("/things/<thing_id>/note")
    def slow_note(thing_id: str, request: Annotated[Reason, Body()]) -> dict[str, str]:
        arrived.wait(timeout=5)  # both requests are inside their handlers now
        return {"thing": thing_id, "reason": other.current_event.json_body["reason"]}

    @api.post("/things/<thing_id>/slow")
    def slow(thing_id: str, request: Annotated[Reason, Body()]) -> dict[str, str]:
        arrived.wait(timeout=5)
        return {"thing": thing_id, "reason": api.current_event.json_body["reason"]}

    results: dict[str, Any] = {}
    first = event("/things/1/note", b'{"reason": "first"}')
    second = event("/things/2/slow", b'{"reason": "second"}')
    second["resource"] = "/things/{thing_id}/slow"
    threads = [
        threading.Thread(target=lambda: results.update(a=answer(other, first))),
        threading.Thread(target=lambda: results.update(b=answer(api, second))),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results["a"] == (200, {"thing": "1", "reason": "first"})
    assert results["b"] == (200, {"thing": "2", "reason": "second"})
