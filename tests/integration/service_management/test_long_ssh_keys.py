"""A customer's RSA-4096 key (741 characters) ends up on their server although Contabo keeps
SSH keys as secrets of at most 500 characters: it travels in cloud-init user data instead."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.integration.service_management.conftest import new_public_key

RSA_4096 = (Path(__file__).parents[2] / "data" / "rsa4096.pub").read_text().strip()


def _instance(sim, instance_id: int) -> dict:
    return next(i for i in sim.get("/state").json()["instances"] if i["instanceId"] == instance_id)


def test_the_key_is_a_real_rsa_4096_key_longer_than_a_contabo_secret():
    assert RSA_4096.startswith("ssh-rsa ") and len(RSA_4096) > 700


def test_an_order_with_a_long_key_installs_it_through_cloud_init(whmcs, sim, service_factory):
    short_key = new_public_key()
    service_id = service_factory(ssh_keys=[RSA_4096, short_key])

    view = whmcs.request("GET", f"/services/{service_id}").json()
    instance = _instance(sim, view["instance_id"])
    assert len(instance["sshKeys"]) == 1  # the short key is a Contabo secret, the long one is not
    user_data = yaml.safe_load(instance["_userData"])
    assert user_data["ssh_authorized_keys"] == [RSA_4096]
    assert user_data["packages"] == ["nginx"]  # the customer's own user data is kept


def test_a_long_key_in_the_vault_is_installed_by_a_reinstall(whmcs, sim, active_service):
    added = whmcs.request(
        "POST", "/clients/7/ssh-keys", {"name": "workstation", "public_key": RSA_4096}
    )
    assert added.status_code == 201, added.text
    key = added.json()
    listed = whmcs.request("GET", "/clients/7/ssh-keys").json()["items"]
    assert key["id"] in {k["id"] for k in listed}

    reinstalled = whmcs.request(
        "POST",
        f"/services/{active_service}/reinstall",
        {"image_id": "debian-12", "ssh_key_ids": [key["id"]], "confirm": True},
        idempotency_key="reinstall-long-key-01",
    )
    assert reinstalled.status_code == 202, reinstalled.text
    instance = _instance(sim, reinstalled.json()["instance_id"])
    assert instance["sshKeys"] == []
    assert yaml.safe_load(instance["_userData"])["ssh_authorized_keys"] == [RSA_4096]

    deleted = whmcs.request("DELETE", f"/clients/7/ssh-keys/{key['id']}")
    assert deleted.status_code == 200, deleted.text
