import json
from typing import Literal

import pytest
from aws_lambda_powertools.event_handler.openapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from contabo_reseller.domain import errors
from contabo_reseller.http import errors as http_errors
from tests.unit.shared.test_api_request_guards import answer, api, event  # noqa: F401


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (errors.InvalidInput("bad"), 400),
        (errors.NotAuthenticated("who"), 401),
        (errors.QuotaExceeded("full"), 422),
        (errors.NotFound("gone"), 404),
        (errors.ServiceBusy("busy"), 409),
        (errors.Conflict("clash"), 409),
        (errors.ActionRefused("no"), 422),
        (errors.UpstreamRejected("contabo says no"), 422),
        (errors.UpstreamUnavailable("down"), 503),
        (errors.PurchaseOutcomeUnknown("unsure", request_id="r-1"), 503),
        (errors.ConfigurationError("unset"), 500),
    ],
)
def test_every_domain_error_has_one_status(error, status):
    assert http_errors.status_for(error) == status


def test_subclass_inherits_its_parents_status():
    class SnapshotLimit(errors.QuotaExceeded):
        code = "snapshot_limit"

    response = http_errors.domain_error_response(SnapshotLimit("You already have 2 snapshots."))
    assert response.status_code == 422
    assert response.body["error"] == {
        "code": "snapshot_limit",
        "message": "You already have 2 snapshots.",
        "message_code": "snapshot_limit",
        "params": {},
        "details": {},
    }


def test_busy_service_tells_the_caller_when_to_retry():
    response = http_errors.domain_error_response(errors.ServiceBusy("suspend is running"))
    assert response.headers["Retry-After"] == "5"


def test_validation_errors_name_the_field_not_the_location():
    problems = http_errors.describe_validation_errors(
        [{"type": "string_pattern_mismatch", "loc": ("body", "hostname"), "msg": "String should"}]
    )
    assert problems == [
        "hostname has a character or format that is not allowed, for example web-1.example.com."
    ]


class _Hostname(BaseModel):
    hostname: str = Field(pattern=r"^[a-z][a-z0-9.-]{0,62}$", max_length=63)
    cores: int = Field(ge=1, le=32)
    action: Literal["start", "stop"]
    tags: list[str] = Field(max_length=2)


@pytest.mark.parametrize(
    ("body", "problem", "sentence"),
    [
        ({"hostname": "Web_1!"}, "format", "hostname has a character or format that is not"),
        ({"hostname": "a" * 70}, "too_long", "hostname is too long: at most 63 characters"),
        ({"cores": 0}, "too_small", "cores must be 1 or more."),
        ({"cores": "many"}, "number", "cores must be a whole number."),
        ({"action": "dance"}, "choice", "action must be one of 'start' or 'stop'"),
        ({"tags": ["a", "b", "c"]}, "too_many", "tags allows at most 2 entries."),
        ({"extra": 1}, "unknown_field", "extra is not a field this request takes"),
        ({}, "required", "hostname is required."),
    ],
)
def test_every_validation_failure_is_a_sentence_with_field_problem_and_example(
    body, problem, sentence
):
    valid = {"hostname": "web-1", "cores": 2, "action": "start", "tags": []}
    model = type("Strict", (_Hostname,), {"model_config": ConfigDict(extra="forbid")})
    with pytest.raises(ValidationError) as caught:
        model.model_validate(valid | body if body else {})
    found = http_errors.validation_problems(caught.value.errors())
    mine = next(p for p in found if p["problem"] == problem)
    assert sentence in mine["sentence"]
    for text in (p["sentence"] for p in found):
        assert "should" not in text and "^" not in text and "pydantic" not in text
    if problem == "format":
        assert mine["example"] == "web-1.example.com"
        assert mine["sentence"].endswith("for example web-1.example.com.")


def test_validation_response_carries_codes_beside_the_english():
    with pytest.raises(ValidationError) as caught:
        _Hostname.model_validate({"hostname": "Web_1!", "cores": 2, "action": "start", "tags": []})
    response = http_errors.request_validation_response(
        RequestValidationError(caught.value.errors())
    )
    error = response.body["error"]
    assert response.status_code == 400
    assert error["code"] == "invalid_input"
    assert error["message_code"] == "invalid_fields"
    assert error["message"].startswith("The request is not valid: hostname has a character")
    assert error["details"]["fields"] == [
        {
            "field": "hostname",
            "problem": "format",
            "params": {},
            "example": "web-1.example.com",
        }
    ]


def test_a_body_that_is_not_json_is_told_in_a_sentence():
    raw = [{"type": "json_invalid", "loc": ("body", 1), "msg": "JSON decode error", "ctx": {}}]
    error = http_errors.request_validation_response(RequestValidationError(raw)).body["error"]
    assert error["message"].startswith("The request body is not valid JSON; send an object")
    assert "decode" not in json.dumps(error)
    assert error["details"]["fields"][0]["problem"] == "not_json"


def test_domain_errors_carry_a_message_code_and_params():
    refusal = errors.ActionRefused(
        "This server has 3 snapshots.", message_code="snapshot_limit", params={"limit": 3}
    )
    error = http_errors.domain_error_response(refusal).body["error"]
    assert error["message_code"] == "snapshot_limit"
    assert error["params"] == {"limit": 3}
    plain = http_errors.domain_error_response(errors.NotFound("gone")).body["error"]
    assert plain["message_code"] == "not_found"
    assert plain["params"] == {}


def test_unexpected_error_gives_a_reference_and_no_internals():
    response = http_errors.unexpected_error_response("corr-123")
    body = json.dumps(response.body)
    assert response.status_code == 500
    assert "corr-123" in body
    assert "Traceback" not in body


def test_every_route_answers_bad_bodies_in_sentences(aws, api):  # noqa: F811 - shared fixture
    """Through a real signed route: the central mapping, not the handler, words the refusal."""
    status, body = answer(api, event("/things/t1/note", b"{not json"))
    assert status == 400
    assert body["error"]["message"].startswith("The request body is not valid JSON")
    status, body = answer(api, event("/things/t1/note", b'{"reason": 5, "extra": 1}'))
    assert status == 400
    assert body["error"]["message_code"] == "invalid_fields"
    assert "reason must be text." in body["error"]["message"]
    assert "extra is not a field this request takes" in body["error"]["message"]
    assert "should" not in json.dumps(body)


def test_our_own_validators_sentences_are_kept():
    raw = [
        {
            "type": "value_error",
            "loc": ("body",),
            "msg": "Value error, add GBP to currencies first",
        },
        {"type": "value_error", "loc": ("body", "size_tb"), "msg": "Value error, 0.25 to 10 TB"},
    ]
    problems = http_errors.validation_problems(raw)
    assert [p["sentence"] for p in problems] == [
        "add GBP to currencies first",
        "size_tb: 0.25 to 10 TB",
    ]
    assert problems[0]["problem"] == "custom"
