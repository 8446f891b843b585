"""Extra IPv4 addresses: several bought with the server, moved between the client's own servers
in one region (never to another client's), given and taken back by the admin; reverse DNS per
extra address; suspended services refused."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.integration.lifecycle.conftest import _service_ids, purchases, settle
from tests.integration.lifecycle.test_create_and_provision import order
from tests.integration.service_management.conftest import suspend
from tests.integration.service_management.provider import Provider


@pytest.fixture
def provider(stack) -> Iterator[Provider]:
    client = Provider(stack)
    yield client
    client.close()


def _view(whmcs, sid: str) -> dict:
    response = whmcs.request("GET", f"/services/{sid}")
    assert response.status_code == 200, response.text
    return response.json()


def _extra_ips(whmcs, sid: str) -> list[str]:
    items = whmcs.request("GET", f"/services/{sid}/ips").json()["items"]
    return sorted(item["ip"] for item in items if item["type"] == "additional")


def _holder(provider: Provider, ip: str) -> str:
    return provider.data("GET", f"/v1/vips/{ip}")[0]["resourceId"]


def _targets(whmcs, sid: str) -> list[str]:
    response = whmcs.request("GET", f"/services/{sid}/ips/move-targets")
    assert response.status_code == 200, response.text
    return [item["service_id"] for item in response.json()["items"]]


def _move(whmcs, sid: str, ip: str, target: str):
    return whmcs.request("POST", f"/services/{sid}/ips/{ip}/move", {"target_service_id": target})


def test_an_order_buys_several_extra_ipv4_once(whmcs, sim, provider, service_factory):
    before = purchases(sim)
    sid = service_factory(add_ons={"additional_ipv4": 3})
    assert purchases(sim) == before + 1
    view = _view(whmcs, sid)
    assert len(view["additional_ips"]) == 3
    assert _extra_ips(whmcs, sid) == sorted(view["additional_ips"])
    instance = provider.instance(view["instance_id"])
    assert len(instance["additionalIps"]) == 3


def test_too_many_extra_ipv4_in_one_order_is_a_readable_400(whmcs):
    from tests.integration.lifecycle.conftest import _service_ids
    from tests.integration.lifecycle.test_create_and_provision import order

    sid = str(next(_service_ids))
    refused = whmcs.request(
        "POST", f"/services/{sid}/create", order(add_ons={"additional_ipv4": 17})
    )
    assert refused.status_code == 400
    assert "additional_ipv4" in refused.json()["error"]["message"]


def test_the_client_moves_an_extra_ip_between_their_servers(whmcs, provider, service_factory):
    source = service_factory(add_ons={"additional_ipv4": 1})
    target = service_factory()
    (ip,) = _view(whmcs, source)["additional_ips"]
    assert target in _targets(whmcs, source)
    assert source not in _targets(whmcs, source)

    moved = _move(whmcs, source, ip, target)
    assert moved.status_code == 200, moved.text
    assert moved.json() == {"ip": ip, "from_service_id": source, "to_service_id": target}
    assert _extra_ips(whmcs, source) == []
    assert _extra_ips(whmcs, target) == [ip]
    assert _holder(provider, ip) == str(_view(whmcs, target)["instance_id"])
    assert _view(whmcs, target)["additional_ips"] == [ip]
    assert _view(whmcs, source)["additional_ips"] == []

    # Reverse DNS follows the address: the new holder sets it, the old one no longer can.
    ptr = whmcs.request("PUT", f"/services/{target}/reverse-dns/{ip}", {"ptr": "vip.example.com"})
    assert ptr.status_code == 200, ptr.text
    stale = whmcs.request("PUT", f"/services/{source}/reverse-dns/{ip}", {"ptr": "x.example.com"})
    assert stale.status_code == 404

    back = _move(whmcs, target, ip, source)
    assert back.status_code == 200, back.text
    assert _extra_ips(whmcs, source) == [ip]


def test_an_extra_ip_never_moves_to_another_clients_server(whmcs, provider, service_factory):
    mine = service_factory(add_ons={"additional_ipv4": 1})
    theirs = service_factory(client_id="8", add_ons={"additional_ipv4": 1})
    their_other = service_factory(client_id="8")
    (my_ip,) = _view(whmcs, mine)["additional_ips"]
    (their_ip,) = _view(whmcs, theirs)["additional_ips"]
    my_instance = str(_view(whmcs, mine)["instance_id"])

    assert theirs not in _targets(whmcs, mine)
    assert their_other in _targets(whmcs, theirs)
    assert mine not in _targets(whmcs, theirs)
    # Pushing mine onto their server: their service is "not one of your servers".
    pushed = _move(whmcs, mine, my_ip, theirs)
    assert pushed.status_code == 404, pushed.text
    assert pushed.json()["error"]["code"] == "not_found"
    # As the other client: pulling my address onto their own other server finds nothing.
    pulled = _move(whmcs, theirs, my_ip, their_other)
    assert pulled.status_code == 404, pulled.text
    assert "not an extra IP of this service" in pulled.json()["error"]["message"]
    assert _holder(provider, my_ip) == my_instance
    assert _extra_ips(whmcs, theirs) == [their_ip]
    # A primary address is not an extra IP; an unknown service answers as a foreign one.
    primary = _view(whmcs, mine)["ipv4"]
    assert _move(whmcs, mine, primary, theirs).status_code == 404
    unknown = _move(whmcs, mine, my_ip, "999999990")
    assert unknown.status_code == 404
    assert unknown.json()["error"]["message"] == pushed.json()["error"]["message"].replace(
        theirs, "999999990"
    )


def test_an_extra_ip_stays_in_its_region(whmcs, provider, service_factory):
    source = service_factory(add_ons={"additional_ipv4": 1})
    elsewhere = service_factory(region="US-central")
    (ip,) = _view(whmcs, source)["additional_ips"]
    assert elsewhere not in _targets(whmcs, source)
    refused = _move(whmcs, source, ip, elsewhere)
    assert refused.status_code == 422, refused.text
    assert "same region" in refused.json()["error"]["message"]
    assert _holder(provider, ip) == str(_view(whmcs, source)["instance_id"])


def test_a_suspended_service_neither_gives_nor_receives_an_ip(whmcs, provider, service_factory):
    source = service_factory(add_ons={"additional_ipv4": 1})
    target = service_factory()
    (ip,) = _view(whmcs, source)["additional_ips"]
    suspend(whmcs, target)
    refused = _move(whmcs, source, ip, target)
    assert refused.status_code == 422
    assert refused.json()["error"]["message"].startswith("This service is suspended.")
    suspend(whmcs, source)
    assert _move(whmcs, source, ip, target).status_code == 422
    assert _holder(provider, ip) == str(_view(whmcs, source)["instance_id"])


def test_the_admin_takes_back_and_assigns_spare_ips(whmcs, provider, service_factory):
    holder = service_factory(add_ons={"additional_ipv4": 1})
    receiver = service_factory(client_id="9")
    (ip,) = _view(whmcs, holder)["additional_ips"]

    taken = whmcs.request("DELETE", f"/admin/services/{holder}/ips/{ip}")
    assert taken.status_code == 200, taken.text
    assert _extra_ips(whmcs, holder) == []
    spare = whmcs.request("GET", "/admin/ips/spare?region=EU")
    assert spare.status_code == 200, spare.text
    assert {"ip": ip, "region": "EU"} in spare.json()["items"]

    given = whmcs.request("POST", f"/admin/services/{receiver}/ips", {"ip": ip})
    assert given.status_code == 200, given.text
    assert _extra_ips(whmcs, receiver) == [ip]
    assert _view(whmcs, receiver)["additional_ips"] == [ip]
    assert ip not in [
        item["ip"] for item in whmcs.request("GET", "/admin/ips/spare").json()["items"]
    ]

    # An address in use is not spare: the admin cannot give it to a second server.
    again = whmcs.request("POST", f"/admin/services/{holder}/ips", {"ip": ip})
    assert again.status_code == 422
    assert "not a spare extra IP" in again.json()["error"]["message"]
    assert _holder(provider, ip) == str(_view(whmcs, receiver)["instance_id"])


def test_a_failed_move_puts_the_ip_back_at_once_or_through_the_action_queue(
    stack, whmcs, sim, provider, service_factory
):
    from contabo_reseller.adapters import job_queue
    from tests.integration.jobs.conftest import make_due, wait_for_job

    source = service_factory(add_ons={"additional_ipv4": 1})
    target = service_factory()
    (ip,) = _view(whmcs, source)["additional_ips"]
    source_instance = str(_view(whmcs, source)["instance_id"])

    # Every assign fails: the move fails, the put-back too; a queued job owns the return.
    sim.post("/faults", json={"error_rates": {"assignIp": 1.0}})
    try:
        failed = _move(whmcs, source, ip, target)
        assert failed.status_code >= 500, failed.text
        assert _holder(provider, ip) == ""  # spare for now, on nobody's server
        job_id = f"extra_ip_return-{ip}"
        assert wait_for_job(job_id, "queued", attempts=1).payload == {
            "ip": ip,
            "instance_id": int(source_instance),
        }
    finally:
        sim.post("/faults/reset")
    make_due(job_id)
    outcome = stack.run_job("ActionQueueWorkerFunction")
    assert outcome["status"] == "ok", outcome
    assert job_queue.get(job_id).status == "done"
    assert _holder(provider, ip) == source_instance
    assert _extra_ips(whmcs, source) == [ip]
    assert _extra_ips(whmcs, target) == []


def test_another_installations_server_is_never_a_target(
    stack, whmcs, sim, staging, provider, service_factory
):
    """The body's target id is the caller's own WHMCS id: a second installation whose client
    and service numbers are the same as the first's cannot push an address onto the first's
    server (real requests as that installation)."""
    theirs = service_factory(client_id="7")  # the first installation's client 7
    mine = str(next(_service_ids))  # the second installation's, also client 7
    ordered = staging.request(
        "POST", f"/services/{mine}/create", order(client_id="7", add_ons={"additional_ipv4": 1})
    )
    assert ordered.status_code == 202, ordered.text
    settle(stack, staging, mine, "provisioning")
    sim.post("/clock/advance", json={"seconds": 120})
    (my_ip,) = settle(stack, staging, mine, "active")["additional_ips"]
    my_instance = str(staging.request("GET", f"/services/{mine}").json()["instance_id"])

    pushed = staging.request(
        "POST", f"/services/{mine}/ips/{my_ip}/move", {"target_service_id": theirs}
    )

    assert pushed.status_code == 404, pushed.text
    assert pushed.json()["error"]["code"] == "not_found"
    assert _holder(provider, my_ip) == my_instance
    assert _extra_ips(whmcs, theirs) == []
    assert theirs not in [
        item["service_id"]
        for item in staging.request("GET", f"/services/{mine}/ips/move-targets").json()["items"]
    ]
