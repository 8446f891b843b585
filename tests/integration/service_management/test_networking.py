"""IPs and reverse DNS: the service's own addresses only, PTR names validated, reset to the
provider's default; suspended and not-ready services refused."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.integration.service_management.conftest import suspend
from tests.integration.service_management.provider import Provider


@pytest.fixture
def provider(stack) -> Iterator[Provider]:
    client = Provider(stack)
    yield client
    client.close()


def _ips(whmcs, sid: str) -> dict[str, dict]:
    response = whmcs.request("GET", f"/services/{sid}/ips")
    assert response.status_code == 200, response.text
    return {item["ip"]: item for item in response.json()["items"]}


def test_ips_list_primary_addresses_with_their_default_ptr(whmcs, provider, active_service):
    view = whmcs.request("GET", f"/services/{active_service}").json()
    ips = _ips(whmcs, active_service)
    instance = provider.instance(view["instance_id"])
    default = f"{instance['name']}.contaboserver.net"
    assert ips[view["ipv4"]] == {
        "ip": view["ipv4"],
        "version": 4,
        "type": "primary",
        "ptr": default,
    }
    assert ips[view["ipv6"]]["version"] == 6
    assert ips[view["ipv6"]]["type"] == "primary"
    assert len(ips) == 2


def test_set_and_reset_ipv4_reverse_dns(whmcs, provider, active_service):
    view = whmcs.request("GET", f"/services/{active_service}").json()
    ip = view["ipv4"]
    default = _ips(whmcs, active_service)[ip]["ptr"]

    done = whmcs.request(
        "PUT", f"/services/{active_service}/reverse-dns/{ip}", {"ptr": "Mail.Example.com."}
    )
    assert done.status_code == 200, done.text
    assert done.json() == {"ip": ip, "ptr": "mail.example.com"}
    assert _ips(whmcs, active_service)[ip]["ptr"] == "mail.example.com"
    again = whmcs.request(
        "PUT", f"/services/{active_service}/reverse-dns/{ip}", {"ptr": "web.example.com"}
    )
    assert again.status_code == 200

    reset = whmcs.request("DELETE", f"/services/{active_service}/reverse-dns/{ip}")
    assert reset.status_code == 200, reset.text
    assert reset.json() == {"ip": ip, "ptr": default}  # the provider's own, not the first change
    assert _ips(whmcs, active_service)[ip]["ptr"] == default


def test_set_and_reset_ipv6_reverse_dns(whmcs, active_service):
    view = whmcs.request("GET", f"/services/{active_service}").json()
    ip = view["ipv6"]
    default = _ips(whmcs, active_service)[ip]["ptr"]
    done = whmcs.request(
        "PUT", f"/services/{active_service}/reverse-dns/{ip}", {"ptr": "v6.example.com"}
    )
    assert done.status_code == 200, done.text
    assert _ips(whmcs, active_service)[ip]["ptr"] == "v6.example.com"
    reset = whmcs.request("DELETE", f"/services/{active_service}/reverse-dns/{ip}")
    assert reset.status_code == 200, reset.text
    assert reset.json()["ptr"] == default


def test_additional_ips_are_listed_and_shown_in_the_service_view(
    whmcs, stack, sim, provider, service_factory
):
    sid = service_factory(active=False)
    pending = whmcs.request("GET", f"/services/{sid}").json()
    vip = provider.free_vip("EU")
    provider.assign_vip(vip, pending["instance_id"])
    try:
        from tests.integration.lifecycle.conftest import settle

        sim.post("/clock/advance", json={"seconds": 120})
        view = settle(stack, whmcs, sid, "active")
        assert view["additional_ips"] == [vip]
        assert _ips(whmcs, sid)[vip]["type"] == "additional"
        set_ptr = whmcs.request(
            "PUT", f"/services/{sid}/reverse-dns/{vip}", {"ptr": "extra.example.com"}
        )
        assert set_ptr.status_code == 200, set_ptr.text
        assert _ips(whmcs, sid)[vip]["ptr"] == "extra.example.com"
    finally:
        provider.unassign_vip(vip, pending["instance_id"])
    gone = whmcs.request("PUT", f"/services/{sid}/reverse-dns/{vip}", {"ptr": "extra.example.com"})
    assert gone.status_code == 404
    assert whmcs.request("GET", f"/services/{sid}").json()["additional_ips"] == []


def test_another_services_ip_is_not_found(whmcs, service_factory):
    mine = service_factory()
    theirs = service_factory(client_id="8")
    their_ip = whmcs.request("GET", f"/services/{theirs}").json()["ipv4"]
    for method, body in (("PUT", {"ptr": "steal.example.com"}), ("DELETE", None)):
        refused = whmcs.request(method, f"/services/{mine}/reverse-dns/{their_ip}", body)
        assert refused.status_code == 404, refused.text
        assert refused.json()["error"]["code"] == "not_found"
    outsider = whmcs.request(
        "PUT", f"/services/{mine}/reverse-dns/192.0.2.1", {"ptr": "a.example.com"}
    )
    assert outsider.status_code == 404
    assert _ips(whmcs, theirs)[their_ip]["ptr"] != "steal.example.com"


def test_invalid_input_is_a_readable_400(whmcs, active_service):
    ip = whmcs.request("GET", f"/services/{active_service}").json()["ipv4"]
    bad_name = whmcs.request(
        "PUT", f"/services/{active_service}/reverse-dns/{ip}", {"ptr": "no spaces.example.com"}
    )
    assert bad_name.status_code == 400
    assert "ptr: " in bad_name.json()["error"]["message"]
    bad_ip = whmcs.request(
        "PUT", f"/services/{active_service}/reverse-dns/1.2.3.999", {"ptr": "a.example.com"}
    )
    assert bad_ip.status_code == 400
    assert "not an IP address" in bad_ip.json()["error"]["message"]


def test_suspended_service_reads_but_cannot_change_reverse_dns(whmcs, active_service):
    ip = whmcs.request("GET", f"/services/{active_service}").json()["ipv4"]
    suspend(whmcs, active_service)
    assert ip in _ips(whmcs, active_service)
    refused = whmcs.request(
        "PUT", f"/services/{active_service}/reverse-dns/{ip}", {"ptr": "a.example.com"}
    )
    assert refused.status_code == 422
    assert refused.json()["error"]["message"].startswith("This service is suspended.")
    assert (
        whmcs.request("DELETE", f"/services/{active_service}/reverse-dns/{ip}").status_code == 422
    )


def test_a_server_being_set_up_shows_its_addresses_but_refuses_changes(whmcs, pending_service):
    assert len(_ips(whmcs, pending_service)) == 2  # bought: the provider has given them already
    refused = whmcs.request(
        "PUT", f"/services/{pending_service}/reverse-dns/203.0.113.1", {"ptr": "a.example.com"}
    )
    assert refused.status_code == 422
    assert refused.json()["error"]["message"].startswith("This server is still being set up.")


def test_an_unknown_service_is_not_found(whmcs):
    assert whmcs.request("GET", "/services/999999992/ips").status_code == 404
