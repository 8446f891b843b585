"""One-click applications: the admin's catalogue, offered to customers, sent with an order or a
reinstall, and refused (before anything is bought or changed) when unknown, turned off or not
made for the chosen image."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.integration.lifecycle.conftest import _service_ids, purchases
from tests.integration.lifecycle.test_create_and_provision import order

WORDPRESS = {
    "name": "WordPress",
    "application_id": "3f184ab8-a600-4e7c-8c9b-3413e21a3752",
    "compatible_images": ["ubuntu-22.04"],
}


@pytest.fixture
def wordpress(whmcs) -> Iterator[str]:
    put = whmcs.request("PUT", "/admin/applications/wordpress", WORDPRESS)
    assert put.status_code == 200, put.text
    yield "wordpress"
    whmcs.request("DELETE", "/admin/applications/wordpress")


def test_the_admin_catalogue_is_offered_and_an_order_sends_the_application(
    whmcs, sim, stack, wordpress, service_factory
):
    offered = whmcs.request("GET", "/catalog/applications").json()["items"]
    assert {"key": "wordpress", **WORDPRESS, "enabled": True} in offered
    sid = service_factory(application=wordpress)
    view = whmcs.request("GET", f"/services/{sid}").json()
    instance = stack.sim.state.instances[int(view["instance_id"])]
    assert instance["applicationId"] == WORDPRESS["application_id"]

    whmcs.request("PUT", "/admin/applications/wordpress", {**WORDPRESS, "enabled": False})
    assert whmcs.request("GET", "/catalog/applications").json()["items"] == []
    assert len(whmcs.request("GET", "/admin/applications").json()["items"]) == 1


def test_an_unknown_or_incompatible_application_is_refused_before_buying(whmcs, sim, wordpress):
    before = purchases(sim)
    for application, image, wanted in (
        ("joomla", "ubuntu-22.04", "is not available"),
        (wordpress, "debian-12", "cannot be installed on"),
    ):
        sid = str(next(_service_ids))
        refused = whmcs.request(
            "POST", f"/services/{sid}/create", order(application=application, image_id=image)
        )
        assert refused.status_code == 400, refused.text
        assert wanted in refused.json()["error"]["message"]
        assert whmcs.request("GET", f"/services/{sid}").status_code == 404
    assert purchases(sim) == before


def test_a_reinstall_sends_a_compatible_application_and_refuses_others(
    whmcs, stack, wordpress, active_service
):
    wrong = whmcs.request(
        "POST",
        f"/services/{active_service}/reinstall",
        {"image_id": "debian-12", "application": wordpress, "confirm": True},
    )
    assert wrong.status_code == 400
    assert "cannot be installed on" in wrong.json()["error"]["message"]
    done = whmcs.request(
        "POST",
        f"/services/{active_service}/reinstall",
        {"image_id": "ubuntu-22.04", "application": wordpress, "confirm": True},
    )
    assert done.status_code == 202, done.text
    instance_id = int(done.json()["instance_id"])
    assert stack.sim.state.instances[instance_id]["applicationId"] == WORDPRESS["application_id"]
