from __future__ import annotations

from tests.integration.service_management.conftest import suspend


def test_power_is_refused_while_the_server_is_being_set_up(whmcs, pending_service):
    refused = whmcs.request("POST", f"/services/{pending_service}/power/restart", {})
    assert refused.status_code == 422, refused.text
    assert refused.json()["error"]["code"] == "action_refused"
    assert refused.json()["error"]["message"].startswith("This server is still being set up.")


def test_power_on_is_refused_while_suspended_but_stop_is_not(whmcs, active_service):
    suspend(whmcs, active_service)
    start = whmcs.request("POST", f"/services/{active_service}/power/start", {})
    assert start.status_code == 422
    assert start.json()["error"]["message"].startswith("This service is suspended.")
    stop = whmcs.request("POST", f"/services/{active_service}/power/stop", {})
    assert stop.status_code == 202, stop.text


def test_power_on_an_unknown_service_is_not_found(whmcs):
    assert whmcs.request("POST", "/services/999999991/power/start", {}).status_code == 404
