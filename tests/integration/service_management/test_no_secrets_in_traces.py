"""No secret reaches X-Ray: every route that answers with one runs with tracing on, and no
segment the X-Ray daemon would receive holds it (X-Ray keeps traces 30 days, readable by any
read-only role). Powertools records a handler's answer and errors as trace metadata unless
told not to: template.yaml's Globals and the secret routes' handlers turn both off."""

from __future__ import annotations

import pytest

from local.stack.template import load_template
from tests.integration.object_storage.conftest import (  # noqa: F401 (fixtures)
    fresh_account,
    storage_factory,
)
from tests.integration.service_management.conftest import new_public_key
from tests.log_scan import find_secrets
from tests.xray_capture import traced


def test_globals_turn_answer_and_error_capture_off_for_every_function():
    variables = load_template()["Globals"]["Function"]["Environment"]["Variables"]
    assert variables["POWERTOOLS_TRACER_CAPTURE_RESPONSE"] == "false"
    assert variables["POWERTOOLS_TRACER_CAPTURE_ERROR"] == "false"


# Handlers read the capture settings once, when the stack first loads them: the run without
# the Globals' variables goes first, so it proves the handlers' own capture_response=False.
@pytest.mark.parametrize("globals_set", [False, True], ids=["globals-unset", "globals-set"])
def test_no_secret_in_any_trace_segment(
    whmcs,
    sim,
    service_factory,
    storage_factory,  # noqa: F811
    monkeypatch,
    globals_set,
):
    if not globals_set:
        monkeypatch.delenv("POWERTOOLS_TRACER_CAPTURE_RESPONSE", raising=False)
        monkeypatch.delenv("POWERTOOLS_TRACER_CAPTURE_ERROR", raising=False)
    sid = service_factory()
    storage = storage_factory()
    key = whmcs.request(
        "POST", "/clients/7/ssh-keys", {"name": "trace", "public_key": new_public_key()}
    ).json()
    secrets: dict[str, str] = {}

    with traced() as capture:

        def call(method: str, path: str, body=None, **kwargs):
            response = whmcs.request(method, path, body, **kwargs)
            assert response.status_code < 300, response.text
            return response.json()

        secrets["root password"] = call("GET", f"/services/{sid}?include_password=true")["password"]
        new_password = "Tr4ceSecret!Pw9#"
        call(
            "POST",
            f"/services/{sid}/change-password",
            {"password": new_password},
        )
        secrets["changed password"] = new_password
        sim.post("/clock/advance", json={"seconds": 600})  # the reset finishes
        images = call("GET", f"/services/{sid}/images")
        image_id = images["items"][0]["id"]
        secrets["reinstall password"] = call(
            "POST",
            f"/services/{sid}/reinstall",
            {"image_id": image_id, "confirm": True},
        )["password"]
        sim.post("/clock/advance", json={"seconds": 600})  # the reinstall finishes
        secrets["rescue password"] = call(
            "POST", f"/services/{sid}/rescue", {"ssh_key_ids": [key["id"]]}
        )["rescue_password"]
        keys = call("GET", f"/services/{storage}/object-storage/credentials")
        secrets["S3 secret key"] = keys["secret_key"]
        regenerated = call(
            "POST",
            f"/services/{storage}/object-storage/credentials/regenerate",
            {},
        )
        secrets["regenerated S3 secret key"] = regenerated["secret_key"]

    documents = capture.documents
    traced_text = "\n".join(documents)
    # The capture saw each handler and its table calls, so an absent secret means something.
    assert traced_text.count('"## lambda_handler"') >= 7, traced_text[:2000]
    assert '"DynamoDB"' in traced_text or "dynamodb" in traced_text.lower()
    assert find_secrets(traced_text, secrets) == []
