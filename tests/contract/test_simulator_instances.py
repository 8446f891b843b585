"""Instances, actions, snapshots and images behave and age like Contabo's."""

import pytest

from .conftest import PROVISION_SECONDS, new_instance


def status(api, instance_id):
    return api.data("GET", f"/v1/compute/instances/{instance_id}")[0]["status"]


def test_provisioning_progresses_with_the_clock(sim, api):
    created = new_instance(api, productId="V8")
    assert created["status"] == "provisioning"
    sim.state.clock.advance(PROVISION_SECONDS / 2)
    assert status(api, created["instanceId"]) == "installing"
    sim.state.clock.advance(PROVISION_SECONDS / 2)
    instance = api.data("GET", f"/v1/compute/instances/{created['instanceId']}")[0]
    assert instance["status"] == "running"
    assert instance["ipConfig"]["v4"]["ip"].startswith("203.0.113.")
    assert (instance["productType"], instance["cpuCores"], instance["ramMb"]) == (
        "vds",
        3,
        24 * 1024,
    )


def test_product_failure_drives_failed_provisioning(sim, api):
    sim.state.faults.configure({"product_failures": {"V91": "verification_required"}})
    created = new_instance(api, productId="V91")
    sim.state.clock.advance(PROVISION_SECONDS * 2)
    assert status(api, created["instanceId"]) == "verification_required"


def test_create_purchase_is_counted_and_audited_with_request_id(sim, api):
    new_instance(api)
    assert sim.state.purchases["createInstance"] == 1
    request_id = sim.state.audits["instances"][-1]["requestId"]
    audits = api.data("GET", "/v1/compute/instances/audits", params={"requestId": request_id})
    assert [a["action"] for a in audits] == ["CREATED"]
    assert api.data("GET", "/v1/compute/instances/audits", params={"requestId": "0" * 8}) == []


def running_instance(sim, api, **body):
    created = new_instance(api, **body)
    sim.state.clock.advance(PROVISION_SECONDS)
    return created["instanceId"]


@pytest.mark.parametrize(
    ("action", "final"),
    [("stop", "stopped"), ("shutdown", "stopped"), ("restart", "running"), ("rescue", "rescue")],
)
def test_actions_change_status_after_a_delay(sim, api, action, final):
    instance_id = running_instance(sim, api)
    api.call("POST", f"/v1/compute/instances/{instance_id}/actions/{action}", json={}, expect=201)
    sim.state.clock.advance(10)
    assert status(api, instance_id) == final


def test_start_reset_password_and_action_audit(sim, api):
    instance_id = running_instance(sim, api)
    api.call("POST", f"/v1/compute/instances/{instance_id}/actions/stop", expect=201)
    sim.state.clock.advance(10)
    api.call("POST", f"/v1/compute/instances/{instance_id}/actions/start", expect=201)
    sim.state.clock.advance(10)
    api.call(
        "POST", f"/v1/compute/instances/{instance_id}/actions/resetPassword", json={}, expect=201
    )
    audits = api.data(
        "GET", "/v1/compute/instances/actions/audits", params={"instanceId": instance_id}
    )
    assert len(audits) == 3


def test_action_on_provisioning_instance_is_refused(api):
    instance_id = new_instance(api)["instanceId"]
    api.call("POST", f"/v1/compute/instances/{instance_id}/actions/stop", expect=409)


def test_patch_reinstall_upgrade(sim, api):
    instance_id = running_instance(sim, api)
    api.call(
        "PATCH", f"/v1/compute/instances/{instance_id}", json={"displayName": "renamed"}, expect=200
    )
    debian = api.data("GET", "/v1/compute/images", params={"name": "debian"})[0]["imageId"]
    api.call("PUT", f"/v1/compute/instances/{instance_id}", json={"imageId": debian}, expect=200)
    assert status(api, instance_id) == "installing"
    api.call(
        "POST",
        f"/v1/compute/instances/{instance_id}/upgrade",
        json={"privateNetworking": {}},
        expect=200,
    )
    assert sim.state.purchases["upgradeInstance"] == 1
    instance = api.data("GET", f"/v1/compute/instances/{instance_id}")[0]
    assert (instance["displayName"], instance["imageId"]) == ("renamed", debian)
    assert instance["addOns"] == [{"id": 1477, "quantity": 1}]


def test_cancel_keeps_the_instance(api):
    instance_id = new_instance(api)["instanceId"]
    cancelled = api.data(
        "POST", f"/v1/compute/instances/{instance_id}/cancel", json={}, expect=201
    )[0]
    assert cancelled["cancelDate"]
    instance = api.data("GET", f"/v1/compute/instances/{instance_id}")[0]
    assert instance["cancelDate"] == cancelled["cancelDate"]
    api.call("DELETE", f"/v1/compute/instances/{instance_id}", expect=404)  # Contabo has no delete


def test_list_filters(api):
    new_instance(api, displayName="alpha", productId="V91")
    new_instance(api, displayName="beta", region="SIN")
    assert len(api.data("GET", "/v1/compute/instances", params={"displayName": "alpha"})) == 1
    assert len(api.data("GET", "/v1/compute/instances", params={"region": "SIN"})) == 1
    assert len(api.data("GET", "/v1/compute/instances", params={"productTypes": "nvme"})) == 1
    assert len(api.data("GET", "/v1/compute/instances", params={"search": "bet"})) == 1
    assert len(api.data("GET", "/v1/compute/instances", params={"status": "provisioning"})) == 2
    ordered = api.data("GET", "/v1/compute/instances", params={"orderBy": "displayName:desc"})
    assert [i["displayName"] for i in ordered] == ["beta", "alpha"]


def test_pagination_over_250_instances(sim, api):
    for n in range(250):
        new_instance(api, displayName=f"bulk-{n}")
    body = api.call(
        "GET", "/v1/compute/instances", params={"size": 100, "page": 3}, expect=200
    ).json()
    assert body["_pagination"] == {"size": 100, "totalElements": 250, "totalPages": 3, "page": 3}
    assert len(body["data"]) == 50
    assert "next" not in body["_links"]
    assert body["_links"]["previous"].endswith("page=2&size=100")
    seen, url = [], "/v1/compute/instances?size=100"
    while url:
        page = api.call("GET", url, expect=200).json()
        seen += [i["instanceId"] for i in page["data"]]
        url = page["_links"].get("next")
    assert len(set(seen)) == 250


def test_snapshot_quota_is_402(sim, api):
    instance_id = running_instance(sim, api)
    for name in ("one", "two"):
        api.call(
            "POST",
            f"/v1/compute/instances/{instance_id}/snapshots",
            json={"name": name},
            expect=201,
        )
    api.call(
        "POST", f"/v1/compute/instances/{instance_id}/snapshots", json={"name": "three"}, expect=402
    )


def test_snapshot_crud_and_rollback_deletes_newer(sim, api):
    base = f"/v1/compute/instances/{running_instance(sim, api)}/snapshots"
    first = api.data("POST", base, json={"name": "first"}, expect=201)[0]["snapshotId"]
    second = api.data("POST", base, json={"name": "second"}, expect=201)[0]["snapshotId"]
    api.call("PATCH", f"{base}/{first}", json={"description": "keep"}, expect=200)
    assert api.data("GET", f"{base}/{first}")[0]["description"] == "keep"
    api.call("POST", f"{base}/{first}/rollback", json={}, expect=200)
    assert [s["snapshotId"] for s in api.data("GET", base)] == [first]
    api.call("GET", f"{base}/{second}", expect=404)
    api.call("DELETE", f"{base}/{first}", expect=204)
    audits = api.data("GET", "/v1/compute/snapshots/audits", params={"snapshotId": second})
    assert [a["action"] for a in audits] == ["CREATED", "DELETED"]


def test_images_and_custom_images(api):
    images = api.data("GET", "/v1/compute/images", params={"size": 50})
    assert {"ubuntu-22.04", "debian-12", "windows-server-2022-standard"} <= {
        i["name"] for i in images
    }
    body = {
        "name": "custom",
        "url": "https://example.invalid/img.qcow2",
        "osType": "Linux",
        "version": "1",
    }
    image_id = api.data("POST", "/v1/compute/images", json=body, expect=201)[0]["imageId"]
    api.call("PATCH", f"/v1/compute/images/{image_id}", json={"name": "renamed"}, expect=200)
    assert api.data("GET", f"/v1/compute/images/{image_id}")[0]["name"] == "renamed"
    assert api.data("GET", "/v1/compute/images/stats")[0]["currentImagesCount"] == 1
    api.call("DELETE", f"/v1/compute/images/{image_id}", expect=204)
    assert len(api.data("GET", "/v1/compute/images/audits")) == 3
