"""The firewall: created on first use (named after the service) and assigned to its server,
rules validated, presets, delete; one firewall per service even after a lost id; suspended
and not-ready services refused."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.integration.service_management.conftest import suspend
from tests.integration.service_management.provider import Provider

SSH = {"protocol": "tcp", "ports": "22", "source": "203.0.113.0/24"}
DNS = {
    "direction": "inbound",
    "protocol": "udp",
    "ports": "53",
    "source": "::/0",
    "action": "accept",
}


@pytest.fixture
def provider(stack) -> Iterator[Provider]:
    client = Provider(stack)
    yield client
    client.close()


def _firewalls_named(provider: Provider, name: str) -> list[dict]:
    return provider.data("GET", "/v1/firewalls", params={"name": name})


def test_no_firewall_until_first_use_and_presets_are_offered(whmcs, active_service):
    state = whmcs.request("GET", f"/services/{active_service}/firewall")
    assert state.status_code == 200, state.text
    assert state.json()["firewall"] is None
    presets = {p["name"]: p for p in state.json()["presets"]}
    assert set(presets) == {"web", "ssh-only", "mail", "deny-all-inbound"}
    assert {r["ports"] for r in presets["web"]["rules"]} == {"22", "80", "443"}
    assert presets["deny-all-inbound"]["rules"] == []


def test_rules_create_and_assign_the_firewall_then_replace_it(whmcs, provider, active_service):
    sid = active_service
    instance_id = whmcs.request("GET", f"/services/{sid}").json()["instance_id"]
    first = whmcs.request("PUT", f"/services/{sid}/firewall", {"rules": [SSH, DNS]})
    assert first.status_code == 200, first.text
    firewall = first.json()
    assert firewall["name"] == f"whmcs-service-{sid}"
    assert firewall["status"] == "active"
    assert firewall["rules"] == [
        {"direction": "inbound", "action": "accept", **SSH},
        DNS,
    ]
    at_provider = provider.data("GET", f"/v1/firewalls/{firewall['id']}")[0]
    assert [i["instanceId"] for i in at_provider["instances"]] == [instance_id]
    assert whmcs.request("GET", f"/services/{sid}/firewall").json()["firewall"] == firewall

    second = whmcs.request("PUT", f"/services/{sid}/firewall", {"rules": [SSH]})
    assert second.status_code == 200, second.text
    assert second.json()["id"] == firewall["id"]
    assert len(second.json()["rules"]) == 1
    assert len(_firewalls_named(provider, firewall["name"])) == 1


def test_presets_apply_and_unknown_ones_are_not_found(whmcs, active_service):
    sid = active_service
    web = whmcs.request("POST", f"/services/{sid}/firewall/presets/web", {})
    assert web.status_code == 200, web.text
    assert {(r["ports"], r["source"]) for r in web.json()["rules"]} == {
        (port, source) for port in ("22", "80", "443") for source in ("0.0.0.0/0", "::/0")
    }
    closed = whmcs.request("POST", f"/services/{sid}/firewall/presets/deny-all-inbound", {})
    assert closed.status_code == 200
    assert closed.json()["rules"] == [] and closed.json()["id"] == web.json()["id"]
    unknown = whmcs.request("POST", f"/services/{sid}/firewall/presets/open-everything", {})
    assert unknown.status_code == 404
    assert "web, ssh-only, mail, deny-all-inbound" in unknown.json()["error"]["message"]


def test_delete_unassigns_and_removes_it_and_can_be_repeated(whmcs, provider, active_service):
    sid = active_service
    firewall = whmcs.request("PUT", f"/services/{sid}/firewall", {"rules": [SSH]}).json()
    deleted = whmcs.request("DELETE", f"/services/{sid}/firewall")
    assert deleted.status_code == 200, deleted.text
    assert deleted.json() == {"deleted": True}
    assert provider.call("GET", f"/v1/firewalls/{firewall['id']}").status_code == 404
    assert whmcs.request("GET", f"/services/{sid}/firewall").json()["firewall"] is None
    assert whmcs.request("DELETE", f"/services/{sid}/firewall").status_code == 200


def test_a_firewall_made_before_a_crash_is_found_by_name_not_made_twice(
    whmcs, provider, active_service
):
    """Contabo has the firewall but the service row never recorded its id."""
    name = f"whmcs-service-{active_service}"
    made = provider.data("POST", "/v1/firewalls", json={"name": name, "status": "active"})[0]
    response = whmcs.request("PUT", f"/services/{active_service}/firewall", {"rules": [SSH]})
    assert response.status_code == 200, response.text
    assert response.json()["id"] == made["firewallId"]
    assert len(_firewalls_named(provider, name)) == 1


def test_each_service_has_its_own_firewall(whmcs, service_factory):
    mine = service_factory()
    theirs = service_factory(client_id="8")
    their_firewall = whmcs.request("PUT", f"/services/{theirs}/firewall", {"rules": [SSH]}).json()
    my_firewall = whmcs.request("PUT", f"/services/{mine}/firewall", {"rules": []}).json()
    assert my_firewall["id"] != their_firewall["id"]
    assert whmcs.request("DELETE", f"/services/{mine}/firewall").status_code == 200
    still = whmcs.request("GET", f"/services/{theirs}/firewall").json()["firewall"]
    assert still == their_firewall


@pytest.mark.parametrize(
    ("rule", "says"),
    [
        ({"protocol": "gre"}, "rules.0.protocol"),
        ({"protocol": "tcp", "ports": "70000"}, "1 to 65535"),
        ({"protocol": "tcp", "ports": "22", "source": "10.0.0.0/40"}, "rules.0.source"),
        ({"protocol": "icmp", "ports": "22"}, "tcp and udp only"),
    ],
)
def test_invalid_rules_are_a_readable_400(whmcs, active_service, rule, says):
    refused = whmcs.request("PUT", f"/services/{active_service}/firewall", {"rules": [rule]})
    assert refused.status_code == 400
    assert says in refused.json()["error"]["message"]


def test_suspended_service_reads_but_cannot_change_its_firewall(whmcs, active_service):
    sid = active_service
    whmcs.request("PUT", f"/services/{sid}/firewall", {"rules": [SSH]})
    suspend(whmcs, sid)
    assert whmcs.request("GET", f"/services/{sid}/firewall").json()["firewall"] is not None
    for method, path, body in (
        ("PUT", f"/services/{sid}/firewall", {"rules": []}),
        ("POST", f"/services/{sid}/firewall/presets/web", {}),
        ("DELETE", f"/services/{sid}/firewall", None),
    ):
        refused = whmcs.request(method, path, body)
        assert refused.status_code == 422, refused.text
        assert refused.json()["error"]["message"].startswith("This service is suspended.")


def test_a_server_being_set_up_refuses_firewall_changes(whmcs, pending_service):
    refused = whmcs.request("PUT", f"/services/{pending_service}/firewall", {"rules": [SSH]})
    assert refused.status_code == 422
    assert refused.json()["error"]["message"].startswith("This server is still being set up.")
