"""A service that fails after CreateAccount said `success` is told, never hidden: its view
carries the reason and request id (the module's cron hook logs and notifies staff once), the
dashboard counts it, Create again says what happened instead of a bare success, and the
cron hook reads every service it waits for in one batch call."""

from __future__ import annotations

from tests.integration.lifecycle.conftest import purchases, run_worker, settle
from tests.integration.lifecycle.test_create_and_provision import order


def _failed_service(stack, whmcs, sim, service_id: str) -> dict:
    sim.post("/faults", json={"product_failures": {"V8": "verification_required"}})
    whmcs.request("POST", f"/services/{service_id}/create", order(product_id="V8"))
    settle(stack, whmcs, service_id, "provisioning")
    sim.post("/clock/advance", json={"seconds": 120})
    run_worker(stack)
    view = whmcs.request("GET", f"/services/{service_id}").json()
    assert view["state"] == "failed"
    assert "verification_required" in view["status_message"]  # Contabo's state, for the admin
    assert "contabo" not in view["status_message"].lower()  # staff detail, still white-label
    assert view["instance_status"] == "verification_required"  # the client area translates it
    return view


def test_a_failed_service_carries_its_reason_and_request_id(stack, whmcs, sim, service_id):
    view = _failed_service(stack, whmcs, sim, service_id)
    assert "verification_required" in view["failure"]["reason"]
    assert view["failure"]["request_id"]
    assert view["failure"]["failed_at"]


def test_create_on_a_failed_service_with_a_server_says_what_happened(stack, whmcs, sim, service_id):
    _failed_service(stack, whmcs, sim, service_id)
    before = purchases(sim)
    again = whmcs.request("POST", f"/services/{service_id}/create", order(product_id="V8"))
    assert again.status_code == 422, again.text
    message = again.json()["error"]["message"]
    assert "setup failed" in message and "Terminate the service" in message
    assert purchases(sim) == before


def test_status_batch_answers_every_service_in_one_call(stack, whmcs, sim, service_id):
    whmcs.request("POST", f"/services/{service_id}/create", order())
    never_created = "987654321"
    answer = whmcs.request(
        "POST",
        "/services/status-batch",
        {"service_ids": [service_id, never_created, service_id]},
    )
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert [view["service_id"] for view in body["services"]] == [service_id]
    assert body["unknown"] == [never_created]
    assert "password" not in body["services"][0] or body["services"][0]["password"] is None


def test_status_batch_refuses_a_malformed_list(whmcs):
    assert whmcs.request("POST", "/services/status-batch", {"service_ids": []}).status_code == 400
    bad = whmcs.request("POST", "/services/status-batch", {"service_ids": ["1; drop"]})
    assert bad.status_code == 400
