from __future__ import annotations

from tests.integration.lifecycle.conftest import purchases, run_worker, settle

ED25519 = (
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl ada@laptop"
)


def order(**overrides):
    body = {
        "client_id": "7",
        "client_email": "ada@example.com",
        "product_id": "V92",
        "region": "EU",
        "image_id": "ubuntu-22.04",
        "hostname": "web1.example.com",
        "ssh_keys": [ED25519],
        "user_data": "#cloud-config\npackages: [nginx]\n",
    }
    body.update(overrides)
    return body


def test_create_answers_at_once_and_the_worker_buys_once_then_completes(
    stack, whmcs, sim, service_id
):
    before = purchases(sim)
    created = whmcs.request("POST", f"/services/{service_id}/create", order())
    assert created.status_code == 202, created.text
    assert created.json()["state"] == "queued"  # nothing bought inside the WHMCS call

    view = settle(stack, whmcs, service_id, "provisioning")
    assert view["instance_id"]
    assert purchases(sim) == before + 1

    sim.post("/clock/advance", json={"seconds": 120})
    run_worker(stack)
    ready = whmcs.request("GET", f"/services/{service_id}?include_password=true").json()
    assert ready["state"] == "active", ready
    assert ready["ipv4"] and ready["ipv6"]
    assert ready["os"] == "ubuntu-22.04"
    assert ready["username"] == "root"
    assert ready["password"] and len(ready["password"]) >= 8
    without = whmcs.request("GET", f"/services/{service_id}").json()
    assert without["password"] is None

    again = whmcs.request("POST", f"/services/{service_id}/create", order())
    assert again.status_code == 202
    assert again.json()["instance_id"] == ready["instance_id"]
    run_worker(stack)
    assert purchases(sim) == before + 1


def test_commit_then_fail_is_reconciled_to_the_same_instance(
    stack, whmcs, sim, service_id, monkeypatch
):
    from contabo_reseller.services import provisioning

    monkeypatch.setattr(provisioning, "RECONCILE_GRACE_SECONDS", 0)
    sim.post("/faults", json={"commit_then_fail": {"count": 1, "mode": "500"}})
    before = purchases(sim)
    assert whmcs.request("POST", f"/services/{service_id}/create", order()).status_code == 202
    view = settle(stack, whmcs, service_id, "provisioning")
    assert view["instance_id"]
    assert purchases(sim) == before + 1


def test_fail_before_commit_buys_on_the_next_attempt(stack, whmcs, sim, service_id, monkeypatch):
    from contabo_reseller.services import provisioning

    monkeypatch.setattr(provisioning, "RECONCILE_GRACE_SECONDS", 0)
    sim.post("/faults", json={"fail_before_commit": 1})
    before = purchases(sim)
    whmcs.request("POST", f"/services/{service_id}/create", order())
    view = settle(stack, whmcs, service_id, "provisioning")
    assert view["instance_id"]
    assert purchases(sim) == before + 1


def test_failed_provisioning_is_recorded_with_contabos_state(stack, whmcs, sim, service_id):
    sim.post("/faults", json={"product_failures": {"V8": "verification_required"}})
    whmcs.request("POST", f"/services/{service_id}/create", order(product_id="V8"))
    settle(stack, whmcs, service_id, "provisioning")
    sim.post("/clock/advance", json={"seconds": 120})
    run_worker(stack)
    view = whmcs.request("GET", f"/services/{service_id}").json()
    assert view["state"] == "failed"
    assert "verification_required" in view["status_message"]
    assert "contabo" not in view["status_message"].lower()  # staff detail, still white-label
    assert view["instance_status"] == "verification_required"  # the client area translates it


def test_bad_orders_are_refused_and_nothing_is_recorded(whmcs, sim, service_id):
    before = purchases(sim)
    cases = {
        "ssh_keys": order(ssh_keys=["ssh-rsa not-a-key"]),
        "user data": order(user_data="#cloud-config\nkey: [unclosed\n"),
        "cloud-config": order(user_data="just text"),
        "product": order(product_id="V9999"),
        "image": order(image_id="templeos-5"),
        "region": order(region="MARS"),
        "hostname": order(hostname="-bad-.example"),
    }
    for what, body in cases.items():
        response = whmcs.request("POST", f"/services/{service_id}/create", body)
        assert response.status_code == 400, (what, response.text)
        error = response.json()["error"]
        assert error["code"] == "invalid_input"
        assert error["message"]
    assert whmcs.request("GET", f"/services/{service_id}").status_code == 404
    assert purchases(sim) == before


def test_too_large_user_data_is_refused(whmcs, service_id):
    big = "#cloud-config\n" + "# padding\n" * 2000
    response = whmcs.request("POST", f"/services/{service_id}/create", order(user_data=big))
    assert response.status_code == 400
    assert "limit" in response.json()["error"]["message"]
