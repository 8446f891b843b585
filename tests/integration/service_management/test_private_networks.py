"""Private networks: a client's own networks only, the add-on and the guardrail, confirmation
before join/leave (which restart the server), region matching, suspended refusals, and the
add-on bought through an upgrade."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from tests.integration.service_management.conftest import suspend
from tests.integration.service_management.provider import Provider

WITH_NETWORKING = {"private_networking": True}
_clients = itertools.count(7100)
_products = itertools.count(9100)


@pytest.fixture
def provider(stack) -> Iterator[Provider]:
    client = Provider(stack)
    yield client
    client.close()


@pytest.fixture
def client_id() -> str:
    """A client of its own per test, so no other test's networks show up."""
    return str(next(_clients))


def _create(whmcs, sid: str, name: str = "backend") -> dict:
    response = whmcs.request("POST", f"/services/{sid}/private-networks", {"name": name})
    assert response.status_code == 201, response.text
    return response.json()


def _list(whmcs, sid: str) -> dict:
    response = whmcs.request("GET", f"/services/{sid}/private-networks")
    assert response.status_code == 200, response.text
    return response.json()


def _restarts(provider: Provider, instance_id: int) -> int:
    audits = provider.data(
        "GET", "/v1/compute/instances/actions/audits", params={"instanceId": instance_id}
    )
    return sum(1 for a in audits if (a.get("changes") or {}).get("action") == "restart")


def test_create_join_and_leave_with_confirmation_and_restart(
    whmcs, provider, service_factory, client_id
):
    sid = service_factory(client_id=client_id, add_ons=WITH_NETWORKING)
    instance_id = whmcs.request("GET", f"/services/{sid}").json()["instance_id"]
    empty = _list(whmcs, sid)
    assert empty["items"] == [] and empty["can_create"] is True
    assert "restarts the server" in empty["notice"]

    network = _create(whmcs, sid)
    assert network["name"] == "backend" and network["region"] == "EU"
    assert network["cidr"] and network["joined"] is False
    assert [n["id"] for n in _list(whmcs, sid)["items"]] == [network["id"]]
    duplicate = whmcs.request("POST", f"/services/{sid}/private-networks", {"name": "backend"})
    assert duplicate.status_code == 409

    join = f"/services/{sid}/private-networks/{network['id']}/join"
    unconfirmed = whmcs.request("POST", join, {})
    assert unconfirmed.status_code == 422
    error = unconfirmed.json()["error"]
    assert "restarts this server" in error["message"]
    assert error["details"]["confirm_required"] is True
    restarts = _restarts(provider, instance_id)
    joined = whmcs.request("POST", join, {"confirm": True})
    assert joined.status_code == 202, joined.text
    assert joined.json()["joined"] is True
    assert joined.json()["private_ip"].startswith(network["cidr"].rsplit(".", 1)[0])
    assert "restarting" in joined.json()["notice"]
    at_provider = provider.data("GET", f"/v1/private-networks/{network['id']}")[0]
    assert [i["instanceId"] for i in at_provider["instances"]] == [instance_id]
    assert _restarts(provider, instance_id) == restarts + 1
    assert _list(whmcs, sid)["items"][0]["joined"] is True

    leave = f"/services/{sid}/private-networks/{network['id']}/leave"
    assert whmcs.request("POST", leave, {"confirm": False}).status_code == 422
    left = whmcs.request("POST", leave, {"confirm": True})
    assert left.status_code == 202, left.text
    assert left.json()["joined"] is False
    assert provider.data("GET", f"/v1/private-networks/{network['id']}")[0]["instances"] == []
    assert _restarts(provider, instance_id) == restarts + 2


def test_another_clients_network_is_not_found_and_not_listed(whmcs, service_factory, client_id):
    mine = service_factory(client_id=client_id, add_ons=WITH_NETWORKING)
    network = _create(whmcs, mine)
    theirs = service_factory(client_id=str(next(_clients)), add_ons=WITH_NETWORKING)
    assert _list(whmcs, theirs)["items"] == []
    for step in ("join", "leave"):
        refused = whmcs.request(
            "POST", f"/services/{theirs}/private-networks/{network['id']}/{step}", {"confirm": True}
        )
        assert refused.status_code == 404, refused.text
        assert refused.json()["error"]["code"] == "not_found"
    unknown = whmcs.request(
        "POST", f"/services/{mine}/private-networks/987654321/join", {"confirm": True}
    )
    assert unknown.status_code == 404


def test_a_service_of_the_same_client_sees_the_network_but_needs_the_add_on(
    whmcs, service_factory, client_id
):
    with_add_on = service_factory(client_id=client_id, add_ons=WITH_NETWORKING)
    network = _create(whmcs, with_add_on)
    without = service_factory(client_id=client_id)
    listed = _list(whmcs, without)
    assert [n["id"] for n in listed["items"]] == [network["id"]]
    assert listed["can_create"] is False
    assert "not enabled" in listed["notice"]
    for path, body in (
        (f"/services/{without}/private-networks", {"name": "other"}),
        (f"/services/{without}/private-networks/{network['id']}/join", {"confirm": True}),
    ):
        refused = whmcs.request("POST", path, body)
        assert refused.status_code == 422, refused.text
        assert "Private networking is not enabled" in refused.json()["error"]["message"]


def test_a_network_in_another_region_cannot_be_joined(whmcs, service_factory, client_id):
    eu = service_factory(client_id=client_id, add_ons=WITH_NETWORKING)
    network = _create(whmcs, eu)
    uk = service_factory(client_id=client_id, region="UK", add_ons=WITH_NETWORKING)
    refused = whmcs.request(
        "POST", f"/services/{uk}/private-networks/{network['id']}/join", {"confirm": True}
    )
    assert refused.status_code == 422
    assert "same region" in refused.json()["error"]["message"]


def test_the_guardrail_can_turn_creation_off(whmcs, service_factory, client_id):
    product = str(next(_products))
    rails = whmcs.request(
        "PUT", f"/admin/products/{product}/guardrails", {"allow_private_network_create": False}
    )
    assert rails.status_code == 200, rails.text
    sid = service_factory(client_id=client_id, whmcs_product_id=product, add_ons=WITH_NETWORKING)
    assert _list(whmcs, sid)["can_create"] is False
    refused = whmcs.request("POST", f"/services/{sid}/private-networks", {"name": "lan"})
    assert refused.status_code == 422
    assert refused.json()["error"]["details"]["guardrail"] == "allow_private_network_create"


def test_suspended_service_lists_but_cannot_create_or_join(whmcs, service_factory, client_id):
    sid = service_factory(client_id=client_id, add_ons=WITH_NETWORKING)
    network = _create(whmcs, sid)
    suspend(whmcs, sid)
    listed = _list(whmcs, sid)
    assert [n["id"] for n in listed["items"]] == [network["id"]]
    assert listed["can_create"] is False
    for path, body in (
        (f"/services/{sid}/private-networks", {"name": "other"}),
        (f"/services/{sid}/private-networks/{network['id']}/join", {"confirm": True}),
    ):
        refused = whmcs.request("POST", path, body)
        assert refused.status_code == 422
        assert refused.json()["error"]["message"].startswith("This service is suspended.")


def test_invalid_input_is_a_readable_400(whmcs, service_factory, client_id):
    sid = service_factory(client_id=client_id, add_ons=WITH_NETWORKING)
    bad = whmcs.request("POST", f"/services/{sid}/private-networks", {"name": "two words"})
    assert bad.status_code == 400
    assert bad.json()["error"]["message"].startswith("The request is not valid: name")
    extra = whmcs.request("POST", f"/services/{sid}/private-networks/1/join", {"confirm": "yes"})
    assert extra.status_code == 400
    assert whmcs.request("POST", f"/services/{sid}/private-networks/x/join", {}).status_code == 400


def test_private_networking_bought_through_an_upgrade_enables_create_and_join(
    whmcs, provider, service_factory, client_id
):
    sid = service_factory(client_id=client_id)
    instance_id = whmcs.request("GET", f"/services/{sid}").json()["instance_id"]
    assert _list(whmcs, sid)["can_create"] is False
    upgraded = whmcs.request(
        "POST", f"/services/{sid}/change-package", {"add_ons": {"private_networking": True}}
    )
    assert upgraded.status_code == 200, upgraded.text
    assert 1477 in {a["id"] for a in provider.instance(instance_id)["addOns"]}  # bought once
    assert _list(whmcs, sid)["can_create"] is True
    network = _create(whmcs, sid, "after-upgrade")
    joined = whmcs.request(
        "POST", f"/services/{sid}/private-networks/{network['id']}/join", {"confirm": True}
    )
    assert joined.status_code == 202, joined.text
    assert joined.json()["joined"] is True

    backup = whmcs.request(
        "POST",
        f"/services/{sid}/change-package",
        {"add_ons": {"private_networking": True, "backup": True}},
    )
    assert backup.status_code == 200, backup.text
    assert {a["id"] for a in provider.instance(instance_id)["addOns"]} == {1477, 1470}


def test_a_network_deleted_at_the_provider_is_no_longer_listed(
    whmcs, provider, service_factory, client_id
):
    sid = service_factory(client_id=client_id, add_ons=WITH_NETWORKING)
    network = _create(whmcs, sid)
    assert provider.call("DELETE", f"/v1/private-networks/{network['id']}").status_code == 204
    assert _list(whmcs, sid)["items"] == []
    gone = whmcs.request(
        "POST", f"/services/{sid}/private-networks/{network['id']}/join", {"confirm": True}
    )
    assert gone.status_code == 404


def test_a_network_made_before_a_crash_is_adopted_not_made_twice(
    whmcs, provider, service_factory, client_id
):
    """Contabo has the network but the client's list never recorded it."""
    sid = service_factory(client_id=client_id, add_ons=WITH_NETWORKING)
    name = f"whmcs-client-{client_id}-lan"
    made = provider.data("POST", "/v1/private-networks", json={"name": name, "region": "EU"})[0]
    created = _create(whmcs, sid, "lan")
    assert created["id"] == made["privateNetworkId"]
    assert len(provider.data("GET", "/v1/private-networks", params={"name": name})) == 1
