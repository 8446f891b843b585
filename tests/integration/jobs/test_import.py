"""Import on the local stack: candidates with suggestions, an import that shows in
GET /services, and the refusals: an adopted instance, a race for one instance, another
service's server, a cancelled or unknown instance."""

from __future__ import annotations

import threading

import pytest

from contabo_reseller.adapters.contabo.gateway import ClientGateway
from tests.integration.jobs.conftest import _service_ids, seed_instances


def run_sync(stack) -> None:
    outcome = stack.run_job("StatusSyncFunction")
    assert outcome["status"] == "ok" and outcome["result"]["outcome"] == "finished", outcome


def new_id() -> str:
    return str(next(_service_ids))


@pytest.fixture
def template_instance(stack, whmcs, active_service) -> int:
    return whmcs.request("GET", f"/services/{active_service}").json()["instance_id"]


def candidates(whmcs, query: str = "") -> dict[int, dict]:
    answered = whmcs.request("GET", f"/admin/import/candidates{query}")
    assert answered.status_code == 200, answered.text
    return {c["instance_id"]: c for c in answered.json()["items"]}


def import_(whmcs, service_id: str, instance_id: int, client_id: str = "41"):
    return whmcs.request(
        "POST",
        "/admin/import",
        {"service_id": service_id, "client_id": client_id, "instance_id": instance_id},
    )


def listed_services(whmcs) -> dict[str, dict]:
    found, cursor = {}, ""
    while True:
        page = whmcs.request("GET", f"/services?state=active&limit=200{cursor}").json()
        found.update({s["service_id"]: s for s in page["services"]})
        if not page.get("next_cursor"):
            return found
        cursor = f"&cursor={page['next_cursor']}"


def test_candidates_carry_suggestions_by_name_tag_and_ip(stack, whmcs, template_instance):
    named_for, tagged_for, whmcs_service = new_id(), new_id(), new_id()
    state = stack.sim.state
    (named,) = seed_instances(state, 1, template_instance, displayName=f"whmcs-service-{named_for}")
    (tagged,) = seed_instances(state, 1, template_instance, displayName="old-box")
    ClientGateway(service_id=tagged_for, trace_id="test").tag_instance(tagged)
    run_sync(stack)

    found = candidates(whmcs)
    assert found[named]["suggestions"] == [{"service_id": named_for, "by": "display_name"}]
    assert found[tagged]["suggestions"] == [{"service_id": tagged_for, "by": "tag"}]
    ip = found[tagged]["ipv4"]
    by_ip = candidates(whmcs, f"?ip={ip}&service_id={whmcs_service}")
    assert list(by_ip) == [tagged]
    assert {"service_id": whmcs_service, "by": "ip"} in by_ip[tagged]["suggestions"]


def test_an_import_is_active_with_contabo_facts_and_listed(stack, whmcs, template_instance):
    (instance_id,) = seed_instances(stack.sim.state, 1, template_instance, displayName="legacy-1")
    run_sync(stack)
    assert instance_id in candidates(whmcs)
    sid = new_id()

    answered = import_(whmcs, sid, instance_id)
    assert answered.status_code == 201, answered.text
    view = answered.json()
    assert (view["state"], view["instance_id"]) == ("active", instance_id)
    assert view["ipv4"] == stack.sim.state.instances[instance_id]["ipConfig"]["v4"]["ip"]
    assert view["product_id"] == "V92"
    assert listed_services(whmcs)[sid]["instance_id"] == instance_id  # ListAccounts sees it
    assert instance_id not in candidates(whmcs)
    tags = {tag["name"] for tag in stack.sim.state.tags.values()}
    assert f"whmcs-service-{sid}" in tags
    again = import_(whmcs, sid, instance_id)  # a retry with a new idempotency key
    assert again.status_code == 201
    assert again.json()["instance_id"] == instance_id


def test_an_instance_that_belongs_to_a_service_is_never_adopted(whmcs, active_service):
    instance_id = whmcs.request("GET", f"/services/{active_service}").json()["instance_id"]
    refused = import_(whmcs, new_id(), instance_id)
    assert refused.status_code == 409
    assert f"already belongs to service {active_service}" in refused.json()["error"]["message"]
    existing = import_(whmcs, active_service, instance_id + 1)
    assert existing.status_code == 409
    assert "already exists in the backend" in existing.json()["error"]["message"]


def test_two_imports_racing_for_one_instance_adopt_it_once(stack, whmcs, template_instance):
    (instance_id,) = seed_instances(stack.sim.state, 1, template_instance, displayName="race")
    contenders = [new_id() for _ in range(4)]
    answers: dict[str, int] = {}

    def attempt(sid: str) -> None:
        answers[sid] = import_(whmcs, sid, instance_id).status_code

    threads = [threading.Thread(target=attempt, args=(sid,)) for sid in contenders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answers.values()) == [201, 409, 409, 409], answers
    (winner,) = [sid for sid, status in answers.items() if status == 201]
    owners = [s for s in listed_services(whmcs).values() if s["instance_id"] == instance_id]
    assert [s["service_id"] for s in owners] == [winner]


def test_another_services_server_cancelled_or_unknown_instances_are_refused(
    stack, whmcs, active_service, template_instance
):
    state = stack.sim.state
    (named,) = seed_instances(
        state, 1, template_instance, displayName=f"whmcs-service-{active_service}"
    )
    refused = import_(whmcs, new_id(), named)
    assert refused.status_code == 409
    assert f"bought for service {active_service}" in refused.json()["error"]["message"]

    (cancelled,) = seed_instances(state, 1, template_instance, displayName="old")
    state.instances[cancelled]["cancelDate"] = "2030-01-31"
    refused = import_(whmcs, new_id(), cancelled)
    assert refused.status_code == 422
    assert "cancelled" in refused.json()["error"]["message"]

    unknown = import_(whmcs, new_id(), 999_999_999)
    assert unknown.status_code == 404
    invalid = whmcs.request("POST", "/admin/import", {"service_id": "x", "instance_id": 1})
    assert invalid.status_code == 400
