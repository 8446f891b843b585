from __future__ import annotations

import pytest

from tests.integration.lifecycle.conftest import settle
from tests.integration.lifecycle.test_create_and_provision import order


@pytest.fixture
def active_service(stack, whmcs, sim, service_id) -> str:
    assert whmcs.request("POST", f"/services/{service_id}/create", order()).status_code == 202
    settle(stack, whmcs, service_id, "provisioning")
    sim.post("/clock/advance", json={"seconds": 120})
    settle(stack, whmcs, service_id, "active")
    return service_id


def test_suspend_refuses_power_on_until_unsuspended(whmcs, active_service):
    sid = active_service
    suspended = whmcs.request("POST", f"/services/{sid}/suspend", {"reason": "overdue"})
    assert suspended.status_code == 200, suspended.text
    assert suspended.json()["suspended"] is True
    again = whmcs.request("POST", f"/services/{sid}/suspend", {"reason": "overdue"})
    assert again.status_code == 200  # idempotent

    refused = whmcs.request("POST", f"/services/{sid}/power/start", {})
    assert refused.status_code == 422
    assert "suspended" in refused.json()["error"]["message"]
    weak = whmcs.request("POST", f"/services/{sid}/change-password", {"password": "Str0ng!Pass#1"})
    assert weak.status_code == 422

    unsuspended = whmcs.request("POST", f"/services/{sid}/unsuspend", {})
    assert unsuspended.status_code == 200
    assert unsuspended.json()["suspended"] is False
    assert whmcs.request("POST", f"/services/{sid}/power/restart", {}).status_code == 202


def test_change_password_resets_through_contabo(whmcs, active_service):
    sid = active_service
    response = whmcs.request(
        "POST", f"/services/{sid}/change-password", {"password": "N3w!Pass#word"}
    )
    assert response.status_code == 200, response.text
    view = whmcs.request("GET", f"/services/{sid}?include_password=true").json()
    assert view["password"] == "N3w!Pass#word"
    weak = whmcs.request("POST", f"/services/{sid}/change-password", {"password": "weakpass99"})
    assert weak.status_code == 400
    assert "weakpass99" not in weak.text


def test_change_package_refuses_downgrades(whmcs, active_service):
    sid = active_service
    down = whmcs.request("POST", f"/services/{sid}/change-package", {"product_id": "V91"})
    assert down.status_code == 422
    assert "Downgrade" in down.json()["error"]["message"]
    # Region moves, plan changes: service_management/test_region_and_plan_change.py
    addon = whmcs.request("POST", f"/services/{sid}/change-package", {"add_ons": {"backup": True}})
    assert addon.status_code == 200, addon.text


def test_terminate_cancels_and_is_repeatable(whmcs, sim, active_service):
    sid = active_service
    done = whmcs.request("POST", f"/services/{sid}/terminate", {"snapshot_policy": "delete"})
    assert done.status_code == 200, done.text
    view = done.json()
    assert view["state"] == "terminated"
    assert view["cancel_date"]
    instance = next(
        i for i in sim.get("/state").json()["instances"] if i["instanceId"] == view["instance_id"]
    )
    assert instance["cancelDate"]
    assert whmcs.request("POST", f"/services/{sid}/terminate", {}).status_code == 200
    renew = whmcs.request("POST", f"/services/{sid}/renew", {})
    assert renew.status_code == 422


def test_renew_checks_the_instance(whmcs, active_service):
    response = whmcs.request(
        "POST", f"/services/{active_service}/renew", {"next_due_date": "2027-01-01"}
    )
    assert response.status_code == 200
    assert response.json()["next_due_date"] == "2027-01-01"


def test_same_idempotency_key_replays_the_first_answer(whmcs, active_service):
    sid = active_service
    first = whmcs.request(
        "POST", f"/services/{sid}/suspend", {"reason": "a"}, idempotency_key="key-000001"
    )
    replay = whmcs.request(
        "POST", f"/services/{sid}/suspend", {"reason": "a"}, idempotency_key="key-000001"
    )
    assert first.status_code == replay.status_code == 200
    assert first.json() == replay.json()
    other = whmcs.request(
        "POST", f"/services/{sid}/suspend", {"reason": "b"}, idempotency_key="key-000001"
    )
    assert other.status_code == 409


def test_list_and_connection(whmcs, active_service):
    listed = whmcs.request("GET", "/services?state=active&limit=200").json()
    assert active_service in [s["service_id"] for s in listed["services"]]
    connection = whmcs.request("GET", "/connection")
    assert connection.status_code == 200
    assert connection.json()["ok"] is True, connection.json()
    # The template's default leaves the API open to any address: the answer says so.
    assert "WhmcsEgressIps" in connection.json()["warnings"][0]


def test_terminate_goes_ahead_when_the_instance_is_busy(whmcs, active_service):
    sid = active_service
    busy = whmcs.request("POST", f"/services/{sid}/change-password", {"password": "N3w!Pass#word"})
    assert busy.status_code == 200
    done = whmcs.request("POST", f"/services/{sid}/terminate", {})
    assert done.status_code == 200, done.text
    assert done.json()["cancel_date"]


def test_connection_names_each_check_and_the_one_that_failed(whmcs, sim):
    good = whmcs.request("GET", "/connection").json()
    assert good["checks"] and all(c["ok"] is True and c["detail"] for c in good["checks"].values())

    sim.post("/faults", json={"error_rates": {"retrieveInstancesList": 1.0}})
    bad = whmcs.request("GET", "/connection").json()

    assert bad["ok"] is False
    assert [name for name, check in bad["checks"].items() if not check["ok"]], bad
