"""What compute management relies on in the simulator: custom images download before use,
rescue and reinstall take only secrets of the right type, snapshots expire."""

from .conftest import PROVISION_SECONDS, new_instance


def _running(sim, api) -> int:
    instance_id = new_instance(api)["instanceId"]
    sim.state.clock.advance(PROVISION_SECONDS)
    return instance_id


def _secret(api, secret_type: str, value: str) -> int:
    body = {"name": f"test-{secret_type}", "type": secret_type, "value": value}
    return api.data("POST", "/v1/secrets", json=body, expect=201)[0]["secretId"]


def test_a_custom_image_is_downloading_before_it_can_be_installed(sim, api):
    body = {
        "name": "golden-contract",
        "url": "https://images.example/golden.qcow2",
        "osType": "Linux",
        "version": "2",
    }
    image_id = api.data("POST", "/v1/compute/images", json=body, expect=201)[0]["imageId"]
    image = api.data("GET", f"/v1/compute/images/{image_id}")[0]
    assert (image["status"], image["uploadedSizeMb"]) == ("downloading", 0)
    instance_id = _running(sim, api)
    path = f"/v1/compute/instances/{instance_id}"
    api.call("PUT", path, json={"imageId": image_id}, expect=409)

    sim.state.clock.advance(60)
    listed = api.data("GET", "/v1/compute/images", params={"standardImage": "false", "size": 100})
    image = next(i for i in listed if i["imageId"] == image_id)
    assert image["status"] == "downloaded" and image["uploadedSizeMb"] == image["sizeMb"]
    api.call("PUT", path, json={"imageId": image_id}, expect=200)
    api.call("DELETE", f"/v1/compute/images/{image_id}", expect=204)


def test_rescue_takes_a_password_secret_and_ssh_key_secrets(sim, api):
    instance_id = _running(sim, api)
    password = _secret(api, "password", "Rescue!Pass#123")
    key = _secret(
        api,
        "ssh",
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl a@b",
    )
    path = f"/v1/compute/instances/{instance_id}/actions/rescue"
    api.call("POST", path, json={"rootPassword": key}, expect=404)  # wrong type
    api.call("POST", path, json={"sshKeys": [password]}, expect=404)
    api.call(
        "POST",
        path,
        json={"rootPassword": password, "sshKeys": [key], "userData": "#cloud-config\n"},
        expect=201,
    )
    sim.state.clock.advance(10)
    assert api.data("GET", f"/v1/compute/instances/{instance_id}")[0]["status"] == "rescue"


def test_reinstall_keeps_the_user_data_it_will_run(sim, api):
    instance_id = _running(sim, api)
    debian = api.data("GET", "/v1/compute/images", params={"name": "debian"})[0]["imageId"]
    body = {"imageId": debian, "userData": "#cloud-config\nhostname: a\n", "defaultUser": "root"}
    api.call("PUT", f"/v1/compute/instances/{instance_id}", json=body, expect=200)
    assert sim.state.instances[instance_id]["_userData"] == "#cloud-config\nhostname: a\n"
    public = api.data("GET", f"/v1/compute/instances/{instance_id}")[0]
    assert "_userData" not in public


def test_snapshots_carry_their_auto_delete_date(sim, api):
    instance_id = _running(sim, api)
    base = f"/v1/compute/instances/{instance_id}/snapshots"
    created = api.data("POST", base, json={"name": "nightly"}, expect=201)[0]
    assert created["autoDeleteDate"] > created["createdDate"]
