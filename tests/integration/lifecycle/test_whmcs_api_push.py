"""The WHMCS API push (UpdateClientProduct) when a server is ready, against a fake WHMCS.

WHMCS's API takes a form POST to <WHMCS>/includes/api.php with ``identifier`` and ``secret``
(API credentials), ``accesskey`` when its IP allow-list must be bypassed, ``action``,
``responsetype=json`` and the action's fields: ``serviceid``, ``dedicatedip``, ``assignedips``
(one per line), ``serviceusername``, ``servicepassword``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from contabo_reseller.adapters import service_store
from tests.integration.lifecycle.conftest import settle
from tests.integration.lifecycle.fake_whmcs_api import (
    API_ACCESS_KEY,
    API_IDENTIFIER,
    API_SECRET,
    FakeWhmcsApi,
    configure_whmcs_api,
    fake_whmcs_api,
)
from tests.integration.lifecycle.test_create_and_provision import order
from tests.log_scan import captured_logs, find_secrets


@pytest.fixture
def whmcs_api(stack) -> Iterator[FakeWhmcsApi]:
    with fake_whmcs_api(stack) as api:
        yield api


def _provision(stack, whmcs, sim, service_id) -> dict:
    assert whmcs.request("POST", f"/services/{service_id}/create", order()).status_code == 202
    settle(stack, whmcs, service_id, "provisioning")
    sim.post("/clock/advance", json={"seconds": 120})
    settle(stack, whmcs, service_id, "active")
    return whmcs.request("GET", f"/services/{service_id}?include_password=true").json()


def _pushed(service_id: str) -> bool | None:
    record = service_store.get(service_id)
    assert record is not None
    return record.details.get("pushed_to_whmcs")


def test_a_ready_server_is_pushed_into_whmcs_with_its_ips_and_login(
    stack, whmcs, sim, service_id, whmcs_api: FakeWhmcsApi
):
    view = _provision(stack, whmcs, sim, service_id)

    assert whmcs_api.paths == ["/billing/includes/api.php"]
    assert whmcs_api.content_types[0].startswith("application/x-www-form-urlencoded")
    (posted,) = whmcs_api.posts
    assert posted == {
        "action": "UpdateClientProduct",
        "identifier": API_IDENTIFIER,
        "secret": API_SECRET,
        "accesskey": API_ACCESS_KEY,
        "responsetype": "json",
        "serviceid": service_id,
        "dedicatedip": view["ipv4"],
        "assignedips": "\n".join([view["ipv6"], *view["additional_ips"]]),
        "serviceusername": "root",
        "servicepassword": view["password"],
    }
    assert _pushed(service_id) is True


def test_nothing_is_pushed_into_a_whmcs_service_of_another_client(
    stack, whmcs, sim, service_id, whmcs_api: FakeWhmcsApi
):
    whmcs_api.clients[service_id] = "8"  # the id was reused: WHMCS's service is client 8's

    view = _provision(stack, whmcs, sim, service_id)

    assert view["state"] == "active"
    assert whmcs_api.lookups == [service_id]
    assert whmcs_api.posts == []
    assert _pushed(service_id) is False


def test_the_api_php_url_itself_is_accepted(stack, whmcs, sim, service_id, whmcs_api: FakeWhmcsApi):
    configure_whmcs_api(
        stack,
        {
            "url": whmcs_api.url + "includes/api.php",
            "identifier": API_IDENTIFIER,
            "secret": API_SECRET,
        },
    )
    _provision(stack, whmcs, sim, service_id)
    assert whmcs_api.paths == ["/billing/includes/api.php"]
    assert "accesskey" not in whmcs_api.posts[0]  # only sent when configured
    assert _pushed(service_id) is True


@pytest.mark.parametrize(
    ("status", "body", "logged"),
    [
        (403, {"result": "error", "message": "Invalid IP 203.0.113.9"}, "refused the push"),
        (200, {"result": "error", "message": "Authentication Failed"}, "refused the push"),
        (500, "<html>Internal Server Error</html>", "push failed"),
        (200, ["not", "an", "object"], "refused the push"),
    ],
)
def test_a_refused_or_broken_push_is_logged_without_secrets_and_the_server_stays_ready(
    stack, whmcs, sim, service_id, whmcs_api: FakeWhmcsApi, status, body, logged
):
    whmcs_api.answer(status, body)
    with captured_logs() as logs:
        view = _provision(stack, whmcs, sim, service_id)

    assert view["state"] == "active"
    assert len(whmcs_api.posts) == 1  # never retried blindly: the module's cron hook pulls
    assert _pushed(service_id) is False
    assert logged in logs.text
    secrets = {
        "WHMCS API secret": API_SECRET,
        "WHMCS access key": API_ACCESS_KEY,
        "root password": view["password"],
    }
    assert find_secrets(logs.text, secrets) == []


def test_an_unreachable_whmcs_does_not_break_provisioning(
    stack, whmcs, sim, service_id, whmcs_api: FakeWhmcsApi
):
    configure_whmcs_api(
        stack,
        {"url": "http://127.0.0.1:9/whmcs", "identifier": API_IDENTIFIER, "secret": API_SECRET},
    )
    with captured_logs() as logs:
        view = _provision(stack, whmcs, sim, service_id)

    assert view["state"] == "active" and view["ipv4"]
    assert _pushed(service_id) is False
    assert "WHMCS API push failed" in logs.text
    assert find_secrets(logs.text, {"secret": API_SECRET, "password": view["password"]}) == []


def test_without_whmcs_api_credentials_nothing_is_pushed(stack, whmcs, sim, service_id):
    view = _provision(stack, whmcs, sim, service_id)
    assert view["state"] == "active"
    assert _pushed(service_id) is None


def test_another_installations_service_is_left_to_its_own_cron_hook(
    stack,
    sim,
    service_id,
    whmcs_api: FakeWhmcsApi,
    staging,
):
    view = _provision(stack, staging, sim, service_id)

    assert view["state"] == "active"
    assert whmcs_api.lookups == [] and whmcs_api.posts == []
