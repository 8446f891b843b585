import json

import pytest

from contabo_reseller.domain import errors
from contabo_reseller.http import errors as http_errors


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
        "details": {},
    }


def test_busy_service_tells_the_caller_when_to_retry():
    response = http_errors.domain_error_response(errors.ServiceBusy("suspend is running"))
    assert response.headers["Retry-After"] == "5"


def test_validation_errors_name_the_field_not_the_location():
    problems = http_errors.describe_validation_errors(
        [{"loc": ("body", "hostname"), "msg": "String should match pattern"}]
    )
    assert problems == ["hostname: String should match pattern"]


def test_unexpected_error_gives_a_reference_and_no_internals():
    response = http_errors.unexpected_error_response("corr-123")
    body = json.dumps(response.body)
    assert response.status_code == 500
    assert "corr-123" in body
    assert "Traceback" not in body
