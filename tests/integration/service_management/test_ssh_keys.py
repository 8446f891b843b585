from __future__ import annotations

import base64
import hashlib

from tests.integration.service_management.conftest import new_public_key


def _fingerprint(public_key: str) -> str:
    digest = hashlib.sha256(base64.b64decode(public_key.split()[1])).digest()
    return "SHA256:" + base64.b64encode(digest).decode().rstrip("=")


def _secrets(sim) -> list[dict]:
    return [entry for entry in sim.get("/state").json()["audits"].get("secrets", [])]


def test_add_list_default_delete(whmcs, sim):
    client = "9101"
    first_key, second_key = new_public_key(), new_public_key("bob@desk")
    added = whmcs.request(
        "POST", f"/clients/{client}/ssh-keys", {"name": "laptop", "public_key": first_key}
    )
    assert added.status_code == 201, added.text
    first = added.json()
    assert first["fingerprint"] == _fingerprint(first_key)
    assert first["default"] is True  # the first key becomes the default
    second = whmcs.request(
        "POST", f"/clients/{client}/ssh-keys", {"name": "desk", "public_key": second_key}
    ).json()
    assert second["default"] is False

    listed = whmcs.request("GET", f"/clients/{client}/ssh-keys").json()["items"]
    assert [k["id"] for k in listed] == [first["id"], second["id"]]
    assert "public_key" not in listed[0]

    made_default = whmcs.request("POST", f"/clients/{client}/ssh-keys/{second['id']}/default", {})
    assert made_default.status_code == 200 and made_default.json()["default"] is True
    defaults = [
        k["id"]
        for k in whmcs.request("GET", f"/clients/{client}/ssh-keys").json()["items"]
        if k["default"]
    ]
    assert defaults == [second["id"]]

    deleted = whmcs.request("DELETE", f"/clients/{client}/ssh-keys/{first['id']}")
    assert deleted.status_code == 200 and deleted.json() == {"deleted": True}
    remaining = whmcs.request("GET", f"/clients/{client}/ssh-keys").json()["items"]
    assert [k["id"] for k in remaining] == [second["id"]]
    again = whmcs.request("DELETE", f"/clients/{client}/ssh-keys/{first['id']}")
    assert again.status_code == 404


def test_keys_are_stored_as_contabo_ssh_secrets_and_removed_with_the_key(whmcs, sim):
    public_key = new_public_key()
    key = whmcs.request(
        "POST", "/clients/9102/ssh-keys", {"name": "laptop", "public_key": public_key}
    ).json()
    created = [e for e in _secrets(sim) if e["action"] == "CREATED"]
    whmcs.request("DELETE", f"/clients/9102/ssh-keys/{key['id']}")
    deleted = {e["secretId"] for e in _secrets(sim) if e["action"] == "DELETED"}
    assert created[-1]["secretId"] in deleted


def test_another_clients_key_is_not_found(whmcs):
    key = whmcs.request(
        "POST", "/clients/9103/ssh-keys", {"name": "mine", "public_key": new_public_key()}
    ).json()
    assert whmcs.request("DELETE", f"/clients/9104/ssh-keys/{key['id']}").status_code == 404
    other = whmcs.request("POST", f"/clients/9104/ssh-keys/{key['id']}/default", {})
    assert other.status_code == 404
    assert other.json()["error"]["code"] == "not_found"
    assert whmcs.request("GET", "/clients/9104/ssh-keys").json()["items"] == []


def test_invalid_and_duplicate_keys_are_refused(whmcs):
    bad = whmcs.request(
        "POST", "/clients/9105/ssh-keys", {"name": "bad", "public_key": "ssh-ed25519 notbase64!"}
    )
    assert bad.status_code == 400
    assert "SSH public key" in bad.json()["error"]["message"]
    private = whmcs.request(
        "POST",
        "/clients/9105/ssh-keys",
        {"name": "oops", "public_key": "-----BEGIN OPENSSH PRIVATE KEY-----"},
    )
    assert private.status_code == 400
    assert "private key" in private.json()["error"]["message"]
    assert "BEGIN OPENSSH" not in private.text
    key = new_public_key()
    assert (
        whmcs.request(
            "POST", "/clients/9105/ssh-keys", {"name": "one", "public_key": key}
        ).status_code
        == 201
    )
    twice = whmcs.request("POST", "/clients/9105/ssh-keys", {"name": "two", "public_key": key})
    assert twice.status_code == 409
    assert "'one'" in twice.json()["error"]["message"]
    bad_name = whmcs.request(
        "POST", "/clients/9105/ssh-keys", {"name": "<script>", "public_key": new_public_key()}
    )
    assert bad_name.status_code == 400
