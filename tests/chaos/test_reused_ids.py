"""Reused service ids (issue 13 part 2): every route in docs/openapi.json about one service is
tried on a real, active service, once as another WHMCS installation (its own signing key) and
once as the same installation naming another client. 0 successes: nothing of the service is
returned, and its row is exactly as before."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from contabo_reseller.adapters import service_store
from local.stack.template import REPO_ROOT
from tests.chaos.conftest import active_services, record_figures
from tests.chaos.test_auth_every_route import PATH_VALUES
from tests.integration.conftest import staging  # noqa: F401 (fixture)

pytestmark = pytest.mark.slow

OPENAPI = json.loads(Path(REPO_ROOT, "docs", "openapi.json").read_text())
OWNER_CLIENT, OTHER_CLIENT = "8901", "8902"
ANSWERS: list[int] = []


def service_routes() -> list[tuple[str, str]]:
    return [
        (method.upper(), template)
        for template, operations in OPENAPI["paths"].items()
        if template.startswith("/services/{serviceId}")
        for method in operations
    ]


ROUTES = service_routes()


@pytest.fixture(scope="module")
def owned(stack, whmcs) -> dict[str, Any]:
    [sid] = active_services(stack, whmcs, 1, client_id=OWNER_CLIENT)
    view = whmcs.request("GET", f"/services/{sid}?include_password=true").json()
    yield {"sid": sid, "view": view, "row": service_store.get(sid).attribute_values.copy()}
    if ANSWERS:
        record_figures(
            f"reused ids: {len(ANSWERS)} requests on another installation's or client's "
            f"service, {sum(200 <= s < 300 for s in ANSWERS)} successes"
        )


def concrete(template: str, sid: str) -> str:
    path = template.replace("{serviceId}", sid)
    for name, value in PATH_VALUES.items():
        path = path.replace("{" + name + "}", value)
    return path


def refused_without_trace(response: Any, view: dict[str, Any]) -> None:
    ANSWERS.append(response.status_code)
    assert not 200 <= response.status_code < 300, response.text
    for secret in (view["ipv4"], view.get("password"), str(view["instance_id"])):
        assert not secret or secret not in response.text


@pytest.mark.parametrize(("method", "template"), ROUTES, ids=lambda v: str(v))
def test_another_installation_reaches_nothing(staging, owned, method, template):  # noqa: F811
    body = {} if method in ("POST", "PUT", "PATCH") else None
    response = staging.request(method, concrete(template, owned["sid"]), body)

    refused_without_trace(response, owned["view"])
    assert response.status_code in (400, 404, 409, 422), response.text


@pytest.mark.parametrize(("method", "template"), ROUTES, ids=lambda v: str(v))
def test_another_client_reaches_nothing(whmcs, owned, method, template):
    body = {} if method in ("POST", "PUT", "PATCH") else None
    path = concrete(template, owned["sid"]) + f"?client_id={OTHER_CLIENT}"
    response = whmcs.request(method, path, body)

    refused_without_trace(response, owned["view"])


def test_a_create_as_another_client_or_installation_buys_nothing(
    whmcs,
    staging,  # noqa: F811
    owned,
    sim,
):
    from tests.integration.lifecycle.conftest import purchases
    from tests.integration.lifecycle.test_create_and_provision import order

    before = purchases(sim)
    other = whmcs.request("POST", f"/services/{owned['sid']}/create", order(client_id=OTHER_CLIENT))
    assert other.status_code == 409, other.text
    assert other.json()["error"]["message_code"] == "service_id_reused_client"
    refused_without_trace(other, owned["view"])
    assert purchases(sim) == before


def test_the_service_is_exactly_as_before(whmcs, owned):
    row = service_store.get(owned["sid"]).attribute_values
    assert row == owned["row"]
    again = whmcs.request("GET", f"/services/{owned['sid']}?client_id={OWNER_CLIENT}")
    assert again.status_code == 200 and again.json()["state"] == "active"
