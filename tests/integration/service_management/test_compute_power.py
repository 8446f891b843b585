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


def test_refresh_reads_the_instance_fresh_from_contabo(whmcs, sim, active_service):
    stopped = whmcs.request("POST", f"/services/{active_service}/power/stop", {})
    assert stopped.json()["instance_status"] == "stopping"  # what we asked for, not a fact
    sim.post("/clock/advance", json={"seconds": 30})
    refreshed = whmcs.request("POST", f"/services/{active_service}/refresh", {})
    assert refreshed.status_code == 200, refreshed.text
    view = refreshed.json()
    assert view["instance_status"] == "stopped"
    assert view["ipv4"] and view["cpu_cores"] and view["state"] == "active"
    stored = whmcs.request("GET", f"/services/{active_service}").json()
    assert stored["instance_status"] == "stopped"


def test_refresh_is_a_read_allowed_while_suspended(whmcs, active_service):
    suspend(whmcs, active_service)
    refreshed = whmcs.request("POST", f"/services/{active_service}/refresh", {})
    assert refreshed.status_code == 200
    assert refreshed.json()["suspended"] is True


def test_refresh_of_a_server_being_set_up_answers_as_stored(whmcs, pending_service):
    refreshed = whmcs.request("POST", f"/services/{pending_service}/refresh", {})
    assert refreshed.status_code == 200
    assert refreshed.json()["state"] == "provisioning"
    assert whmcs.request("POST", "/services/999999993/refresh", {}).status_code == 404
    assert (
        whmcs.request("POST", f"/services/{pending_service}/refresh", {"x": 1}).status_code == 400
    )
