"""Where Contabo's spec is silent or contradicts itself, the simulator follows the best evidence
of what Contabo does (local/contabo_sim/README.md, "Evidence"), and these tests pin it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from local.contabo_sim.routes import HANDLERS, load_all
from local.contabo_sim.routes.secrets import SECRET_VALUE_MAX_CHARS
from local.contabo_sim.spec import HTTP_METHODS, spec_document

from .conftest import assert_contabo_error, new_instance

RSA_4096 = (Path(__file__).parents[1] / "data" / "rsa4096.pub").read_text().strip()
MALFORMED_QUERY_VALUES = ("abc", "-1", "1,abc", "", "ü", "9" * 40, "1 OR 1=1")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# --- 1. Secrets over 500 characters -------------------------------------------------------


def test_a_secret_longer_than_contabo_stores_is_refused_at_the_door(sim, api):
    assert len(RSA_4096) > SECRET_VALUE_MAX_CHARS
    response = api.call(
        "POST",
        "/v1/secrets",
        expect=400,
        json={"name": "workstation", "type": "ssh", "value": RSA_4096},
    )
    assert any("500" in line for line in response.json()["message"])
    # Nothing was stored: the list still answers (it broke with a 500 before) and is empty.
    assert api.data("GET", "/v1/secrets") == []
    assert sim.state.validation_failures == []


def test_a_secret_of_exactly_500_characters_is_kept(api):
    value = "ssh-ed25519 " + "A" * (SECRET_VALUE_MAX_CHARS - len("ssh-ed25519 "))
    created = api.data(
        "POST", "/v1/secrets", expect=201, json={"name": "edge", "type": "ssh", "value": value}
    )[0]
    assert api.data("GET", f"/v1/secrets/{created['secretId']}")[0]["value"] == value


def test_updating_a_secret_to_a_long_value_is_refused_and_keeps_the_old_one(api):
    created = api.data(
        "POST",
        "/v1/secrets",
        expect=201,
        json={"name": "pw", "type": "password", "value": "PwdA?2092w#x"},
    )[0]
    path = f"/v1/secrets/{created['secretId']}"
    api.call("PATCH", path, expect=400, json={"value": RSA_4096})
    assert api.data("GET", path)[0]["value"] == "PwdA?2092w#x"


# --- 2. Malformed query parameters --------------------------------------------------------


def _implemented_list_operations() -> list[tuple[str, list[str]]]:
    load_all()
    document = spec_document()
    found = []
    for path, item in document["paths"].items():
        for method, op in item.items():
            if method not in HTTP_METHODS or method != "get" or op["operationId"] not in HANDLERS:
                continue
            names = [_parameter(document, p) for p in op.get("parameters", [])]
            query = [p["name"] for p in names if p["in"] == "query"]
            if query:
                found.append((path, query))
    return found


def _parameter(document: dict[str, Any], parameter: dict[str, Any]) -> dict[str, Any]:
    ref = parameter.get("$ref")
    if not ref:
        return parameter
    return document["components"]["parameters"][ref.rsplit("/", 1)[-1]]


LIST_OPERATIONS = _implemented_list_operations()


def test_there_are_list_operations_to_fuzz():
    assert len(LIST_OPERATIONS) >= 25
    assert sum(len(query) for _, query in LIST_OPERATIONS) >= 100


@pytest.mark.parametrize(("path", "query"), LIST_OPERATIONS, ids=[p for p, _ in LIST_OPERATIONS])
def test_every_query_parameter_answers_json_and_never_5xx(sim, api, path, query):
    concrete = re.sub(r"\{[^}]+\}", "1", path)
    for name in query:
        for value in MALFORMED_QUERY_VALUES:
            response = api.http.get(
                concrete,
                params={name: value},
                headers={
                    "Authorization": f"Bearer {api.token}",
                    "x-request-id": "04e0f898-37b4-48bc-a794-1a57abe6aa31",
                },
            )
            where = f"GET {concrete}?{name}={value!r}"
            assert response.status_code < 500, f"{where}: {response.status_code} {response.text}"
            assert response.headers["content-type"].startswith("application/json"), where
            if not response.is_success:
                assert_contabo_error(response)
    assert sim.state.validation_failures == []


def test_a_malformed_id_filter_is_contabos_400_envelope(api):
    for path in ("/v1/compute/instances", "/v1/private-networks"):
        response = api.call("GET", path, expect=400, params={"instanceIds": "abc"})
        assert response.json()["statusCode"] == 400
    api.call("GET", "/v1/compute/instances", expect=200, params={"instanceIds": "1, 2"})


# --- 3. cancelDate --------------------------------------------------------------------------


def test_cancel_date_is_empty_while_live_and_a_plain_date_once_cancelled(api):
    instance = new_instance(api)
    path = f"/v1/compute/instances/{instance['instanceId']}"
    assert api.data("GET", path)[0]["cancelDate"] == ""
    cancelled = api.data("POST", f"{path}/cancel", expect=201, json={})[0]
    assert DATE.match(cancelled["cancelDate"])
    assert DATE.match(api.data("GET", path)[0]["cancelDate"])


# --- 4. x-request-id -------------------------------------------------------------------------


def test_the_request_id_is_not_echoed_but_finds_the_change_in_the_audit_list(api):
    request_id = "0b6a1f2e-3c4d-4e5f-8a9b-0c1d2e3f4a5b"
    response = api.call(
        "POST",
        "/v1/compute/instances",
        expect=201,
        headers={"x-request-id": request_id},
        json={"productId": "V92", "region": "EU", "period": 1, "displayName": "echo"},
    )
    assert "x-request-id" not in {name.lower() for name in response.headers}
    audits = api.data("GET", "/v1/compute/instances/audits", params={"requestId": request_id})
    assert [a["instanceId"] for a in audits] == [response.json()["data"][0]["instanceId"]]
