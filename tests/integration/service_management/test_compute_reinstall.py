from __future__ import annotations

from contabo_reseller.adapters.contabo import generated_models as gm
from contabo_reseller.adapters.contabo.client import get_contabo_client
from contabo_reseller.domain.passwords import meets_contabo_rule
from tests.integration.service_management.conftest import new_public_key, suspend

DEBIAN = "debian-12"
TEMPLATE = (
    "#cloud-config\nhostname: ${hostname}\nfqdn: ${hostname}\nfinal_message: ${client_email}\n"
)


def _instance(sim, instance_id: int) -> dict:
    return next(i for i in sim.get("/state").json()["instances"] if i["instanceId"] == instance_id)


def _reinstalls(sim) -> int:
    audits = sim.get("/state").json()["audits"].get("instances", [])
    return sum(1 for a in audits if a["action"] == "UPDATED")


def _image_id(whmcs, service_id: str, name: str) -> str:
    items = whmcs.request("GET", f"/services/{service_id}/images").json()["items"]
    return next(i["id"] for i in items if i["name"] == name)


def test_images_are_standard_and_own_finished_custom_images(whmcs, sim, active_service):
    listed = whmcs.request("GET", f"/services/{active_service}/images")
    assert listed.status_code == 200, listed.text
    items = listed.json()["items"]
    assert {"id", "name", "os_type", "version", "standard"} == set(items[0])
    assert any(i["name"] == "ubuntu-22.04" and i["standard"] for i in items)

    custom = get_contabo_client().create_custom_image(
        gm.CreateCustomImageRequest(
            name="reseller-golden",
            url="https://images.example/golden.qcow2",
            os_type="Linux",
            version="1.0",
        )
    )
    names = [
        i["name"]
        for i in whmcs.request("GET", f"/services/{active_service}/images").json()["items"]
    ]
    assert "reseller-golden" not in names  # still downloading: not offered yet
    sim.post("/clock/advance", json={"seconds": 61})
    items = whmcs.request("GET", f"/services/{active_service}/images").json()["items"]
    golden = next(i for i in items if i["name"] == "reseller-golden")
    assert golden == {
        "id": custom.image_id,
        "name": "reseller-golden",
        "os_type": "Linux",
        "version": "1.0",
        "standard": False,
    }


def test_reinstall_with_a_template_and_vault_keys_sets_a_new_password(
    whmcs, sim, active_service, all_logs
):
    put = whmcs.request("PUT", "/admin/cloud-init-templates/hostname", {"content": TEMPLATE})
    assert put.status_code == 200, put.text
    key = whmcs.request(
        "POST", "/clients/7/ssh-keys", {"name": "reinstall", "public_key": new_public_key()}
    ).json()
    before = whmcs.request("GET", f"/services/{active_service}?include_password=true").json()
    debian = _image_id(whmcs, active_service, DEBIAN)

    response = whmcs.request(
        "POST",
        f"/services/{active_service}/reinstall",
        {
            "image_id": debian,
            "ssh_key_ids": [key["id"]],
            "cloud_init_template": "hostname",
            "confirm": True,
        },
        idempotency_key="reinstall-000001",
    )
    assert response.status_code == 202, response.text
    view = response.json()
    assert view["os"] == DEBIAN and view["image_id"] == debian
    assert view["instance_status"] == "installing"
    assert meets_contabo_rule(view["password"])
    assert view["password"] != before["password"]

    instance = _instance(sim, view["instance_id"])
    assert instance["imageId"] == debian
    assert len(instance["sshKeys"]) == 1
    assert instance["_userData"] == (
        "#cloud-config\nhostname: web1.example.com\nfqdn: web1.example.com\n"
        "final_message: ada@example.com\n"
    )
    replay = whmcs.request(
        "POST",
        f"/services/{active_service}/reinstall",
        {
            "image_id": debian,
            "ssh_key_ids": [key["id"]],
            "cloud_init_template": "hostname",
            "confirm": True,
        },
        idempotency_key="reinstall-000001",
    )
    assert replay.json()["password"] == view["password"]
    stored = whmcs.request("GET", f"/services/{active_service}?include_password=true").json()
    assert stored["password"] == view["password"]
    assert active_service in all_logs.text
    assert view["password"] not in all_logs.text


def test_confirmation_is_required_and_nothing_happens_without_it(whmcs, sim, active_service):
    before = _reinstalls(sim)
    response = whmcs.request(
        "POST", f"/services/{active_service}/reinstall", {"image_id": "ubuntu-22.04"}
    )
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "action_refused"
    assert "erases everything" in error["message"]
    assert error["details"]["confirm_required"] is True
    assert _reinstalls(sim) == before


def test_invalid_input_is_refused_before_anything_happens(whmcs, sim, active_service):
    before = _reinstalls(sim)
    path = f"/services/{active_service}/reinstall"
    unknown_image = whmcs.request("POST", path, {"image_id": "plan9", "confirm": True})
    assert unknown_image.status_code == 400
    assert "plan9" in unknown_image.json()["error"]["message"]
    bad_yaml = whmcs.request(
        "POST",
        path,
        {"image_id": "ubuntu-22.04", "user_data": "#cloud-config\nusers: [a\n", "confirm": True},
    )
    assert bad_yaml.status_code == 400
    assert "YAML" in bad_yaml.json()["error"]["message"]
    both = whmcs.request(
        "POST",
        path,
        {
            "image_id": "ubuntu-22.04",
            "user_data": "#cloud-config\n",
            "cloud_init_template": "hostname",
            "confirm": True,
        },
    )
    assert both.status_code == 400
    no_template = whmcs.request(
        "POST",
        path,
        {"image_id": "ubuntu-22.04", "cloud_init_template": "nope", "confirm": True},
    )
    assert no_template.status_code == 400
    assert "'nope'" in no_template.json()["error"]["message"]
    too_big = whmcs.request(
        "POST",
        path,
        {"image_id": "ubuntu-22.04", "user_data": "#!/bin/sh\n" + "#" * 17000, "confirm": True},
    )
    assert too_big.status_code == 400
    assert "limit" in too_big.json()["error"]["message"]
    assert _reinstalls(sim) == before


def test_another_clients_key_is_not_found(whmcs, active_service):
    foreign = whmcs.request(
        "POST", "/clients/9301/ssh-keys", {"name": "theirs", "public_key": new_public_key()}
    ).json()
    response = whmcs.request(
        "POST",
        f"/services/{active_service}/reinstall",
        {"image_id": "ubuntu-22.04", "ssh_key_ids": [foreign["id"]], "confirm": True},
    )
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_refused_while_suspended_and_while_being_set_up(whmcs, active_service, pending_service):
    body = {"image_id": "ubuntu-22.04", "confirm": True}
    pending = whmcs.request("POST", f"/services/{pending_service}/reinstall", body)
    assert pending.status_code == 422
    assert pending.json()["error"]["message"].startswith("This server is still being set up.")
    suspend(whmcs, active_service)
    suspended = whmcs.request("POST", f"/services/{active_service}/reinstall", body)
    assert suspended.status_code == 422
    assert suspended.json()["error"]["message"].startswith("This service is suspended.")


def test_guardrails(whmcs, service_factory):
    whmcs.request("PUT", "/admin/products/880201/guardrails", {"allow_reinstall": False})
    off = service_factory(whmcs_product_id="880201")
    refused = whmcs.request(
        "POST", f"/services/{off}/reinstall", {"image_id": "ubuntu-22.04", "confirm": True}
    )
    assert refused.status_code == 422
    assert "Reinstalling is turned off" in refused.json()["error"]["message"]

    whmcs.request(
        "PUT",
        "/admin/products/880202/guardrails",
        {"require_ssh_key": True, "cloud_init_max_bytes": 100},
    )
    strict = service_factory(client_id="9302", whmcs_product_id="880202")
    path = f"/services/{strict}/reinstall"
    no_key = whmcs.request("POST", path, {"image_id": "ubuntu-22.04", "confirm": True})
    assert no_key.status_code == 422
    assert no_key.json()["error"]["details"]["guardrail"] == "require_ssh_key"
    assert "SSH key" in no_key.json()["error"]["message"]
    key = whmcs.request(
        "POST", "/clients/9302/ssh-keys", {"name": "k", "public_key": new_public_key()}
    ).json()
    too_big = whmcs.request(
        "POST",
        path,
        {
            "image_id": "ubuntu-22.04",
            "ssh_key_ids": [key["id"]],
            "user_data": "#cloud-config\n" + "a: b\n" * 30,
            "confirm": True,
        },
    )
    assert too_big.status_code == 400
    assert "the limit is 100 bytes" in too_big.json()["error"]["message"]
    with_key = whmcs.request(
        "POST", path, {"image_id": "ubuntu-22.04", "ssh_key_ids": [key["id"]], "confirm": True}
    )
    assert with_key.status_code == 202, with_key.text
