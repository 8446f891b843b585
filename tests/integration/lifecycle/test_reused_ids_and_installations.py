"""Issue 13 part 2, with real signed requests through the local stack: a reused WHMCS service
id never hands over another client's server, and a second WHMCS installation (its own signing
key) has its own service ids: it can neither see nor change the first one's."""

from __future__ import annotations

import json

import pytest

from contabo_reseller.adapters import service_store
from local.signed_client import SignedClient
from tests.integration.conftest import STAGING_ADMIN_KEY_ID, STAGING_ADMIN_SECRET
from tests.integration.lifecycle.conftest import purchases, settle
from tests.integration.lifecycle.test_create_and_provision import order


@pytest.fixture
def active(stack, whmcs, sim, service_id) -> dict:
    assert whmcs.request("POST", f"/services/{service_id}/create", order()).status_code == 202
    settle(stack, whmcs, service_id, "provisioning", "active")
    sim.post("/clock/advance", json={"seconds": 120})
    return settle(stack, whmcs, service_id, "active")


def test_a_create_for_another_clients_id_is_refused_and_buys_nothing(
    whmcs, sim, service_id, active
):
    before = purchases(sim)

    response = whmcs.request("POST", f"/services/{service_id}/create", order(client_id="8"))

    assert response.status_code == 409, response.text
    error = response.json()["error"]
    assert "belongs to another client" in error["message"]
    assert "signing key" in error["message"]  # what the admin can do about it
    assert error["message_code"] == "service_id_reused_client"
    assert error["params"] == {"service_id": service_id}
    assert active["ipv4"] not in response.text
    assert purchases(sim) == before
    assert service_store.get(service_id).client_id == "7"


def test_a_create_for_another_order_is_refused(whmcs, sim, service_id, active):
    before = purchases(sim)

    response = whmcs.request(
        "POST", f"/services/{service_id}/create", order(product_id="V94", region="US-east")
    )

    assert response.status_code == 409, response.text
    assert "different product and region" in response.json()["error"]["message"]
    assert purchases(sim) == before


def test_a_retry_of_the_same_order_converges_on_the_same_server(whmcs, sim, service_id, active):
    before = purchases(sim)

    again = whmcs.request("POST", f"/services/{service_id}/create", order())

    assert again.status_code == 202, again.text
    assert again.json()["instance_id"] == active["instance_id"]
    assert purchases(sim) == before


def test_reads_and_actions_for_another_client_are_refused(whmcs, service_id, active):
    read = whmcs.request("GET", f"/services/{service_id}?include_password=true&client_id=8")
    suspend = whmcs.request(
        "POST", f"/services/{service_id}/suspend?client_id=8", {"reason": "overdue"}
    )
    own = whmcs.request("GET", f"/services/{service_id}?client_id=7")

    assert read.status_code == 409, read.text
    assert active["ipv4"] not in read.text and "password" not in read.json()
    assert suspend.status_code == 409, suspend.text
    assert own.status_code == 200 and own.json()["client_id"] == "7"
    assert service_store.get(service_id).details.get("suspended") in (None, False)


def test_another_installation_cannot_see_or_change_the_service(
    stack, whmcs, staging, service_id, active
):
    assert staging.request("GET", f"/services/{service_id}").status_code == 404
    assert (
        staging.request("POST", f"/services/{service_id}/suspend", {"reason": "x"}).status_code
        == 404
    )
    listed = staging.request("GET", "/services?limit=200").json()["services"]
    assert active["ipv4"] not in json.dumps(listed)
    batch = staging.request("POST", "/services/status-batch", {"service_ids": [service_id]})
    assert batch.status_code == 200, batch.text
    assert batch.json() == {"services": [], "unknown": [service_id]}
    assert active["ipv4"] not in batch.text
    own = whmcs.request("POST", "/services/status-batch", {"service_ids": [service_id]}).json()
    assert [view["service_id"] for view in own["services"]] == [service_id]
    assert whmcs.request("GET", f"/services/{service_id}").json()["state"] == "active"


def test_the_same_id_in_another_installation_is_its_own_order(
    stack, whmcs, staging, sim, service_id, active
):
    before = purchases(sim)

    created = staging.request("POST", f"/services/{service_id}/create", order(client_id="8"))
    assert created.status_code == 202, created.text
    settle(stack, staging, service_id, "provisioning", "active")
    sim.post("/clock/advance", json={"seconds": 120})
    theirs = settle(stack, staging, service_id, "active")

    assert purchases(sim) == before + 1
    assert theirs["service_id"] == service_id
    assert theirs["client_id"] == "8"
    assert theirs["instance_id"] != active["instance_id"]
    ours = whmcs.request("GET", f"/services/{service_id}").json()
    assert (ours["instance_id"], ours["client_id"]) == (active["instance_id"], "7")
    staging_ids = {
        s["instance_id"] for s in staging.request("GET", "/services?limit=200").json()["services"]
    }
    assert active["instance_id"] not in staging_ids and theirs["instance_id"] in staging_ids


def test_another_installations_admin_sees_neither_jobs_nor_guardrails(stack, whmcs, staging):
    from contabo_reseller.adapters import job_queue
    from contabo_reseller.services.jobs import action_queue

    staging_admin = SignedClient(stack.api_url, STAGING_ADMIN_KEY_ID, STAGING_ADMIN_SECRET)
    job_id = action_queue.enqueue("990001", "reinstall", {}, "test", wake=False)
    job = job_queue.get(job_id)
    assert job_queue.transition(job, ("queued",), status="parked")
    product_rules = {"allow_rescue": False}
    assert whmcs.request("PUT", "/admin/products/3/guardrails", product_rules).status_code == 200
    try:
        theirs = staging_admin.request("GET", "/admin/jobs?status=parked&limit=200").json()
        ours = whmcs.request("GET", "/admin/jobs?status=parked&limit=200").json()
        retried = staging_admin.request("POST", f"/admin/jobs/{job_id}/retry")
        their_rules = staging_admin.request("GET", "/admin/products/3/guardrails").json()

        assert job_id not in {item["job_id"] for item in theirs["items"]}
        assert job_id in {item["job_id"] for item in ours["items"]}
        assert retried.status_code == 404
        assert job_queue.get(job_id).status == "parked"
        assert their_rules["allow_rescue"] is True
        assert whmcs.request("GET", "/admin/products/3/guardrails").json()["allow_rescue"] is False
        simulate = order(whmcs_product_id="3")
        their_sim = staging_admin.request("POST", "/admin/orders/simulate", simulate).json()
        our_sim = whmcs.request("POST", "/admin/orders/simulate", simulate).json()
        assert their_sim["guardrails"]["allow_rescue"] is True
        assert our_sim["guardrails"]["allow_rescue"] is False
    finally:
        whmcs.request("PUT", "/admin/products/3/guardrails", {})
        whmcs.request("POST", f"/admin/jobs/{job_id}/skip")
        staging_admin.close()


def test_the_same_client_number_in_another_installation_has_its_own_ssh_keys(whmcs, staging):
    from tests.integration.service_management.conftest import new_public_key

    added = whmcs.request(
        "POST", "/clients/7/ssh-keys", {"name": "production", "public_key": new_public_key()}
    )
    assert added.status_code == 201, added.text
    try:
        theirs = staging.request("GET", "/clients/7/ssh-keys")
        assert theirs.status_code == 200
        assert added.json()["id"] not in theirs.text
        gone = staging.request("DELETE", f"/clients/7/ssh-keys/{added.json()['id']}")
        assert gone.status_code == 404
        assert added.json()["id"] in whmcs.request("GET", "/clients/7/ssh-keys").text
    finally:
        whmcs.request("DELETE", f"/clients/7/ssh-keys/{added.json()['id']}")


def test_the_connection_test_says_which_installation_a_whmcs_is(whmcs, staging):
    theirs = staging.request("GET", "/connection").json()["checks"]["signing_key"]["detail"]
    ours = whmcs.request("GET", "/connection").json()["checks"]["signing_key"]["detail"]

    assert theirs == "server module key staging-key of WHMCS installation 'staging'"
    assert ours == "admin key local-key of WHMCS installation 'default'"


def test_another_installations_admin_reads_none_of_the_services_audit_rows(
    stack, whmcs, staging, service_id, active
):
    staging_admin = SignedClient(stack.api_url, STAGING_ADMIN_KEY_ID, STAGING_ADMIN_SECRET)
    try:
        by_day = staging_admin.request("GET", "/admin/audit?limit=200").json()["items"]
        by_id = staging_admin.request("GET", f"/admin/audit?service_id={service_id}").json()
        ours = whmcs.request("GET", f"/admin/audit?service_id={service_id}").json()["items"]
    finally:
        staging_admin.close()

    assert by_day
    assert all(
        row["service_id"] in (None, "-") or row["service_id"].startswith("staging.")
        for row in by_day
    )
    assert by_id["items"] == []
    assert any(row["action"] == "create" for row in ours)


def test_another_installation_never_replays_an_answer_by_its_idempotency_key(
    whmcs, staging, service_id, active
):
    key = "shared-idempotency-key-0001"
    ours = whmcs.request("POST", f"/services/{service_id}/refresh", {}, idempotency_key=key)
    theirs = staging.request("POST", f"/services/{service_id}/refresh", {}, idempotency_key=key)

    assert ours.status_code == 200
    assert theirs.status_code == 404, theirs.text
    assert active["ipv4"] not in theirs.text
