from __future__ import annotations

from contabo_reseller.domain.passwords import meets_contabo_rule
from tests.integration.service_management.conftest import new_public_key, suspend


def _instance(sim, instance_id: int) -> dict:
    return next(i for i in sim.get("/state").json()["instances"] if i["instanceId"] == instance_id)


def _add_key(whmcs, client_id: str, name: str = "laptop") -> dict:
    added = whmcs.request(
        "POST", f"/clients/{client_id}/ssh-keys", {"name": name, "public_key": new_public_key()}
    )
    assert added.status_code == 201, added.text
    return added.json()


def test_rescue_boots_the_rescue_system_with_a_password_shown_once(
    whmcs, sim, active_service, all_logs
):
    key = _add_key(whmcs, "7")
    response = whmcs.request(
        "POST",
        f"/services/{active_service}/rescue",
        {"ssh_key_ids": [key["id"]], "user_data": "#cloud-config\npackages: [htop]\n"},
        idempotency_key="rescue-0000001",
    )
    assert response.status_code == 202, response.text
    body = response.json()
    password = body["rescue_password"]
    assert meets_contabo_rule(password)
    assert body["service"]["service_id"] == active_service
    assert body["service"]["instance_status"] == "rescue"
    assert body["service"]["password"] is None

    replay = whmcs.request(
        "POST",
        f"/services/{active_service}/rescue",
        {"ssh_key_ids": [key["id"]], "user_data": "#cloud-config\npackages: [htop]\n"},
        idempotency_key="rescue-0000001",
    )
    assert replay.status_code == 202
    assert replay.json()["rescue_password"] == password

    sim.post("/clock/advance", json={"seconds": 30})
    assert _instance(sim, body["service"]["instance_id"])["status"] == "rescue"
    actions = sim.get("/state").json()["audits"]["instanceActions"]
    rescues = [
        a
        for a in actions
        if a["instanceId"] == body["service"]["instance_id"] and a["changes"]["action"] == "rescue"
    ]
    assert len(rescues) == 1  # the replay did not rescue again

    again = whmcs.request("POST", f"/services/{active_service}/rescue", {"ssh_key_ids": []})
    assert again.status_code == 202, again.text
    assert again.json()["rescue_password"] != password

    logged = all_logs.text
    assert active_service in logged  # the handlers' log lines were captured
    assert password not in logged
    assert again.json()["rescue_password"] not in logged


def test_another_clients_key_is_not_found(whmcs, active_service):
    foreign = _add_key(whmcs, "9201")
    response = whmcs.request(
        "POST", f"/services/{active_service}/rescue", {"ssh_key_ids": [foreign["id"]]}
    )
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_refused_while_suspended_and_while_being_set_up(whmcs, active_service, pending_service):
    pending = whmcs.request("POST", f"/services/{pending_service}/rescue", {})
    assert pending.status_code == 422
    assert pending.json()["error"]["message"].startswith("This server is still being set up.")
    suspend(whmcs, active_service)
    suspended = whmcs.request("POST", f"/services/{active_service}/rescue", {})
    assert suspended.status_code == 422
    assert suspended.json()["error"]["message"].startswith("This service is suspended.")
    assert "rescue_password" not in suspended.text


def test_guardrails_refuse_rescue_and_limit_user_data(whmcs, service_factory):
    whmcs.request(
        "PUT",
        "/admin/products/880101/guardrails",
        {"allow_rescue": False},
    )
    off = service_factory(whmcs_product_id="880101")
    refused = whmcs.request("POST", f"/services/{off}/rescue", {})
    assert refused.status_code == 422
    assert refused.json()["error"]["code"] == "action_refused"
    assert "Rescue mode is turned off" in refused.json()["error"]["message"]

    whmcs.request("PUT", "/admin/products/880102/guardrails", {"cloud_init_max_bytes": 64})
    small = service_factory(whmcs_product_id="880102")
    too_big = whmcs.request(
        "POST", f"/services/{small}/rescue", {"user_data": "#cloud-config\n" + "a: b\n" * 20}
    )
    assert too_big.status_code == 400
    assert "the limit is 64 bytes" in too_big.json()["error"]["message"]


def test_invalid_user_data_is_refused_before_anything_happens(whmcs, sim, active_service):
    before = len(sim.get("/state").json()["audits"].get("instanceActions", []))
    response = whmcs.request(
        "POST", f"/services/{active_service}/rescue", {"user_data": "packages: [htop]"}
    )
    assert response.status_code == 400
    assert "#cloud-config" in response.json()["error"]["message"]
    assert len(sim.get("/state").json()["audits"].get("instanceActions", [])) == before
