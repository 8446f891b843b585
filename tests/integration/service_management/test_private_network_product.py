"""A private network sold as its own product: CreateAccount makes it once (a retry finds it),
the client's servers list and join it, another client's never see it; terminate detaches the
servers still in it, then deletes it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.integration.lifecycle.conftest import _service_ids
from tests.integration.service_management.provider import Provider

WITH_NETWORKING = {"private_networking": True}


@pytest.fixture
def provider(stack) -> Iterator[Provider]:
    client = Provider(stack)
    yield client
    client.close()


def _order(client_id: str, name: str = "office-lan") -> dict:
    return {"client_id": client_id, "region": "EU", "name": name, "description": "LAN"}


def test_create_join_and_terminate_detaching_servers(whmcs, provider, service_factory):
    client_id = "31"
    product = str(next(_service_ids))
    created = whmcs.request("POST", f"/services/{product}/private-network", _order(client_id))
    assert created.status_code == 201, created.text
    view = created.json()
    assert view["kind"] == "private_network" and view["state"] == "active"
    assert view["instance_id"] is None and view["region"] == "EU"
    again = whmcs.request("POST", f"/services/{product}/private-network", _order(client_id))
    assert again.status_code == 201
    networks = provider.data("GET", "/v1/private-networks", params={"size": 100})
    assert sum(1 for n in networks if n["name"].endswith("office-lan")) == 1

    server = service_factory(client_id=client_id, add_ons=WITH_NETWORKING)
    listed = whmcs.request("GET", f"/services/{server}/private-networks").json()["items"]
    (network,) = [n for n in listed if n["name"] == "office-lan"]
    joined = whmcs.request(
        "POST", f"/services/{server}/private-networks/{network['id']}/join", {"confirm": True}
    )
    assert joined.status_code == 202, joined.text

    stranger = service_factory(client_id="32", add_ons=WITH_NETWORKING)
    theirs = whmcs.request("GET", f"/services/{stranger}/private-networks").json()["items"]
    assert network["id"] not in [n["id"] for n in theirs]
    refused = whmcs.request(
        "POST", f"/services/{stranger}/private-networks/{network['id']}/join", {"confirm": True}
    )
    assert refused.status_code == 404

    ended = whmcs.request("POST", f"/services/{product}/private-network/terminate", {})
    assert ended.status_code == 200, ended.text
    assert ended.json()["state"] == "terminated"
    assert "1 server(s) detached" in ended.json()["status_message"]
    gone = provider.call("GET", f"/v1/private-networks/{network['id']}")
    assert gone.status_code == 404
    assert whmcs.request("GET", f"/services/{server}").json()["state"] == "active"
    after = whmcs.request("GET", f"/services/{server}/private-networks").json()["items"]
    assert network["id"] not in [n["id"] for n in after]
    repeat = whmcs.request("POST", f"/services/{product}/private-network/terminate", {})
    assert repeat.status_code == 200


def test_a_suspended_network_takes_no_new_server_and_keeps_the_joined_ones(whmcs, service_factory):
    client_id = "34"
    product = str(next(_service_ids))
    assert (
        whmcs.request("POST", f"/services/{product}/private-network", _order(client_id))
    ).status_code == 201
    first = service_factory(client_id=client_id, add_ons=WITH_NETWORKING)
    second = service_factory(client_id=client_id, add_ons=WITH_NETWORKING)
    (network,) = whmcs.request("GET", f"/services/{first}/private-networks").json()["items"]
    join = "/services/{}/private-networks/" + str(network["id"]) + "/join"
    assert whmcs.request("POST", join.format(first), {"confirm": True}).status_code == 202

    suspended = whmcs.request("POST", f"/services/{product}/suspend", {"reason": "overdue"})
    assert suspended.status_code == 200, suspended.text
    assert suspended.json()["status_message"].startswith("This private network is suspended")
    refused = whmcs.request("POST", join.format(second), {"confirm": True})
    assert refused.status_code == 422
    assert "suspended" in refused.json()["error"]["message"]
    mine = whmcs.request("GET", f"/services/{first}/private-networks").json()["items"]
    assert mine[0]["joined"] is True  # the joined server keeps it

    assert whmcs.request("POST", f"/services/{product}/unsuspend", {}).status_code == 200
    assert whmcs.request("POST", join.format(second), {"confirm": True}).status_code == 202


def test_invalid_orders_are_readable_400s(whmcs):
    product = str(next(_service_ids))
    for body in (_order("33", name="no spaces"), {**_order("33"), "region": "MARS"}):
        refused = whmcs.request("POST", f"/services/{product}/private-network", body)
        assert refused.status_code == 400, body


def test_terminating_or_suspending_a_network_nobody_ordered_is_not_found(whmcs):
    """An id this installation never ordered (another installation's, a typo) is 404 and
    leaves no row behind, as for every other product."""
    unknown = str(next(_service_ids))
    for action, body in (
        ("private-network/terminate", {}),
        ("suspend", {"reason": "overdue"}),
        ("unsuspend", {}),
    ):
        answer = whmcs.request("POST", f"/services/{unknown}/{action}", body)
        assert answer.status_code == 404, (action, answer.text)
    assert whmcs.request("GET", f"/services/{unknown}").status_code == 404
