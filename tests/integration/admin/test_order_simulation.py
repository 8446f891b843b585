"""POST /admin/orders/simulate over signed HTTP: create's checks, Contabo's purchase body with
placeholders for secrets, and nothing bought or recorded."""

from __future__ import annotations

import json

from tests.integration.lifecycle.conftest import purchases
from tests.integration.lifecycle.test_create_and_provision import ED25519, order


def simulate(whmcs, **overrides):
    return whmcs.request("POST", "/admin/orders/simulate", order(**overrides))


def checks_of(body: dict) -> dict[str, dict]:
    return {check["name"]: check for check in body["checks"]}


def test_a_good_order_shows_the_purchase_and_buys_nothing(whmcs, sim, service_id):
    before = purchases(sim)
    answer = simulate(whmcs, service_id=service_id, add_ons={"backup": True})
    assert answer.status_code == 200, answer.text
    body = answer.json()

    assert body["would_order"] is True and body["purchased"] is False
    assert all(check["ok"] for check in body["checks"])
    names = {"product", "image", "region", "ssh_keys", "cloud_init", "service"}
    assert set(checks_of(body)) == names
    payload = body["create_instance_request"]
    assert payload["productId"] == "V92" and payload["region"] == "EU" and payload["period"] == 1
    assert payload["displayName"] == f"whmcs-service-{service_id}"
    assert payload["defaultUser"] == "root"
    assert payload["addOns"] == {"backup": {}}
    assert payload["imageId"] != "ubuntu-22.04"  # resolved to the image's id, as create does
    assert payload["rootPassword"].startswith("<secret id")
    assert payload["sshKeys"] == ["<secret id: SSH key 1 of the order>"]
    size = len(order()["user_data"].strip().encode())  # the order model strips whitespace
    assert payload["userData"] == f"<{size} bytes of cloud-init user data>"
    assert ED25519 not in answer.text and "nginx" not in answer.text

    assert purchases(sim) == before
    assert whmcs.request("GET", f"/services/{service_id}").status_code == 404  # no record


def test_catalog_refusals_are_creates_own_words(whmcs, service_id):
    for overrides, check in (
        ({"image_id": "no-such-os"}, "image"),
        ({"product_id": "V9999"}, "product"),
    ):
        body = simulate(whmcs, **overrides).json()
        assert body["would_order"] is False
        assert body["create_instance_request"] is None
        created = whmcs.request("POST", f"/services/{service_id}/create", order(**overrides))
        assert created.status_code == 400
        assert checks_of(body)[check] == {
            "name": check,
            "ok": False,
            "message": created.json()["error"]["message"],
        }


def test_invalid_keys_and_user_data_answer_400_as_create_does(whmcs, service_id):
    for overrides in ({"ssh_keys": ["ssh-rsa nonsense"]}, {"user_data": "packages: [nginx]"}):
        simulated = simulate(whmcs, **overrides)
        created = whmcs.request("POST", f"/services/{service_id}/create", order(**overrides))
        assert simulated.status_code == created.status_code == 400
        assert simulated.json()["error"]["message"] == created.json()["error"]["message"]


def test_a_service_that_already_ordered_would_not_buy_again(whmcs, service_id):
    assert whmcs.request("POST", f"/services/{service_id}/create", order()).status_code == 202
    body = simulate(whmcs, service_id=service_id).json()
    assert body["would_order"] is False
    service = checks_of(body)["service"]
    assert not service["ok"] and "buy nothing" in service["message"]


def test_the_products_guardrails_come_back_as_warnings(whmcs):
    product = "880011"
    rules = {"require_ssh_key": True, "cloud_init_max_bytes": 20}
    stored = whmcs.request("PUT", f"/admin/products/{product}/guardrails", rules)
    assert stored.status_code == 200, stored.text

    body = simulate(whmcs, whmcs_product_id=product, ssh_keys=[]).json()
    assert body["would_order"] is True  # guardrails do not gate an order
    assert body["guardrails"]["require_ssh_key"] is True
    assert len(body["warnings"]) == 2
    assert "SSH key" in body["warnings"][0] and "20 bytes" in body["warnings"][1]
    assert "sshKeys" not in body["create_instance_request"]
    assert json.dumps(simulate(whmcs).json()["warnings"]) == "[]"
