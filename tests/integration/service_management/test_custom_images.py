"""Custom images: a client uploads one from a URL (qcow2 or ISO), sees its status, size and the
account's quota, reinstalls from it once downloaded, deletes it; another client never sees,
uses or deletes it (real requests as that client); guardrails on/off and a count; suspended
services refused."""

from __future__ import annotations

import pytest

from tests.integration.service_management.conftest import suspend

IMAGE = {
    "name": "golden-web",
    "url": "https://images.example.com/golden-web-1.2.qcow2",
    "os_type": "Linux",
    "version": "1.2",
}


def _upload(whmcs, sid: str, **overrides):
    return whmcs.request("POST", f"/services/{sid}/custom-images", {**IMAGE, **overrides})


def _mine(whmcs, sid: str) -> dict:
    response = whmcs.request("GET", f"/services/{sid}/custom-images")
    assert response.status_code == 200, response.text
    return response.json()


def _reinstall_images(whmcs, sid: str) -> list[str]:
    return [i["id"] for i in whmcs.request("GET", f"/services/{sid}/images").json()["items"]]


@pytest.fixture
def product(whmcs):
    product_id = "1819"
    yield product_id
    whmcs.request("PUT", f"/admin/products/{product_id}/guardrails", {})


def test_upload_status_reinstall_and_delete_only_for_the_owner(whmcs, sim, service_factory):
    mine = service_factory()
    theirs = service_factory(client_id="8")
    uploaded = _upload(whmcs, mine)
    assert uploaded.status_code == 201, uploaded.text
    image = uploaded.json()
    assert image["status"] == "downloading" and image["format"] == "qcow2"
    listed = _mine(whmcs, mine)
    assert [i["id"] for i in listed["items"]] == [image["id"]]
    assert listed["items"][0]["usable"] is False
    assert listed["quota"]["images"] >= 1 and listed["quota"]["total_mb"] > 0

    sim.post("/clock/advance", json={"seconds": 120})  # the provider finished downloading
    assert _mine(whmcs, mine)["items"][0]["usable"] is True
    assert image["id"] in _reinstall_images(whmcs, mine)

    # The other client: not listed, not offered for reinstall, not usable, not deletable.
    assert _mine(whmcs, theirs)["items"] == []
    assert image["id"] not in _reinstall_images(whmcs, theirs)
    stolen = whmcs.request(
        "POST", f"/services/{theirs}/reinstall", {"image_id": image["id"], "confirm": True}
    )
    assert stolen.status_code == 400, stolen.text
    assert "not available" in stolen.json()["error"]["message"]
    gone = whmcs.request("DELETE", f"/services/{theirs}/custom-images/{image['id']}")
    assert gone.status_code == 404

    reinstalled = whmcs.request(
        "POST", f"/services/{mine}/reinstall", {"image_id": image["id"], "confirm": True}
    )
    assert reinstalled.status_code == 202, reinstalled.text
    assert reinstalled.json()["image_id"] == image["id"]

    assert whmcs.request("GET", f"/services/{mine}").json()["image_id"] == image["id"]
    deleted = whmcs.request("DELETE", f"/services/{mine}/custom-images/{image['id']}")
    assert deleted.status_code == 200, deleted.text
    assert _mine(whmcs, mine)["items"] == []


def test_only_qcow2_or_iso_urls_are_accepted(whmcs, active_service):
    for url in ("ftp://x.example.com/a.qcow2", "https://x.example.com/a.exe", "not a url"):
        refused = _upload(whmcs, active_service, url=url)
        assert refused.status_code == 400, url
        assert "url" in refused.json()["error"]["message"]
    iso = _upload(whmcs, active_service, url="https://x.example.com/rescue.iso", name="rescue")
    assert iso.status_code == 201, iso.text
    assert iso.json()["format"] == "iso"
    whmcs.request("DELETE", f"/services/{active_service}/custom-images/{iso.json()['id']}")


def test_guardrails_turn_it_off_and_count_per_client(whmcs, service_factory, product):
    sid = service_factory(whmcs_product_id=product, client_id="11")
    whmcs.request("PUT", f"/admin/products/{product}/guardrails", {"max_custom_images": 1})
    first = _upload(whmcs, sid)
    assert first.status_code == 201, first.text
    second = _upload(whmcs, sid, name="second")
    assert second.status_code == 422
    assert second.json()["error"]["code"] == "quota_exceeded"
    assert _mine(whmcs, sid)["limit"] == 1

    whmcs.request("PUT", f"/admin/products/{product}/guardrails", {"allow_custom_images": False})
    off = _upload(whmcs, sid, name="third")
    assert off.status_code == 422
    assert off.json()["error"]["details"]["guardrail"] == "allow_custom_images"
    assert _mine(whmcs, sid)["allowed"] is False
    whmcs.request("DELETE", f"/services/{sid}/custom-images/{first.json()['id']}")


def test_a_suspended_service_cannot_upload(whmcs, active_service):
    suspend(whmcs, active_service)
    refused = _upload(whmcs, active_service)
    assert refused.status_code == 422
    assert refused.json()["error"]["message"].startswith("This service is suspended.")


def test_an_order_from_ones_own_custom_image_buys_the_custom_image_add_on(
    whmcs, sim, stack, service_factory
):
    from local.contabo_sim.catalog import ADDON_IDS
    from tests.integration.lifecycle.conftest import _service_ids
    from tests.integration.lifecycle.test_create_and_provision import order

    owner = service_factory(client_id="12")
    image = _upload(whmcs, owner, name="order-me").json()
    sim.post("/clock/advance", json={"seconds": 120})
    assert stack.run_job("CatalogSyncFunction")["status"] == "ok"  # the catalog learns it

    # Another client cannot order from it: refused before anything is recorded.
    sid = str(next(_service_ids))
    refused = whmcs.request(
        "POST", f"/services/{sid}/create", order(client_id="13", image_id=image["id"])
    )
    assert refused.status_code == 400, refused.text
    assert whmcs.request("GET", f"/services/{sid}").status_code == 404

    mine = service_factory(client_id="12", image_id=image["id"])
    view = whmcs.request("GET", f"/services/{mine}").json()
    instance = stack.sim.state.instances[int(view["instance_id"])]
    assert instance["imageId"] == image["id"]
    assert {"id": ADDON_IDS["customImage"], "quantity": 1} in instance["addOns"]
    whmcs.request("DELETE", f"/services/{owner}/custom-images/{image['id']}")
