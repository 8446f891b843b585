"""ChangePackage to another region or plan, as far as the provider's API goes: a region move
is checked, requested once (its support ticket recorded) and followed until the server is
there; a plan change shows the admin the offers and, as no submit operation exists, says so and
queues an admin task that completes once the server shows the new plan."""

from __future__ import annotations

from contabo_reseller.adapters import job_queue, service_store
from tests.integration.jobs.conftest import make_due, wait_for_job

WORKER = "ActionQueueWorkerFunction"


def test_a_region_move_is_requested_once_with_its_ticket_and_followed(
    stack, whmcs, sim, active_service
):
    sid = active_service
    moved = whmcs.request("POST", f"/services/{sid}/change-package", {"region": "UK"})
    assert moved.status_code == 200, moved.text
    view = moved.json()
    assert view["status_message"].startswith("Moving to region UK (support ticket ")
    intent = service_store.get(sid).details["region_change"]
    assert intent["state"] == "requested" and intent["ticket"]
    # The module says it in the admin's language from the code and its parameters.
    assert view["status_message_code"] == "status_region_move_requested"
    assert view["status_message_params"] == {"region": "UK", "ticket": str(intent["ticket"])}
    instance_id = int(view["instance_id"])
    assert stack.sim.state.instances[instance_id]["_regionChange"] == intent["ticket"]

    # WHMCS asks again (a retry): the same ticket, nothing asked twice.
    again = whmcs.request("POST", f"/services/{sid}/change-package", {"region": "UK"})
    assert again.status_code == 200, again.text
    assert again.json()["status_message"] == view["status_message"]
    other = whmcs.request("POST", f"/services/{sid}/change-package", {"region": "SIN"})
    assert other.status_code == 422
    assert "already asked for" in other.json()["error"]["message"]

    job_id = f"region_change_follow-{sid}"
    wait_for_job(job_id, "queued", "running", attempts=0)
    sim.post("/clock/advance", json={"seconds": 900})  # the provider moved it
    make_due(job_id)
    assert stack.run_job(WORKER)["status"] == "ok"
    assert job_queue.get(job_id).status == "done"
    after = whmcs.request("GET", f"/services/{sid}").json()
    assert after["region"] == "UK"
    assert not after["status_message"].startswith("Moving")


def test_a_region_move_the_provider_refuses_is_a_clear_refusal(stack, whmcs, active_service):
    sid = active_service
    instance_id = int(whmcs.request("GET", f"/services/{sid}").json()["instance_id"])
    stack.sim.state.instances[instance_id]["status"] = "stopped"  # the provider refuses then
    refused = whmcs.request("POST", f"/services/{sid}/change-package", {"region": "UK"})
    assert refused.status_code == 422, refused.text
    assert "cannot move this server now" in refused.json()["error"]["message"]
    assert "region_change" not in (service_store.get(sid).details or {})


def test_a_plan_change_shows_the_offers_and_queues_an_admin_task(stack, whmcs, active_service):
    sid = active_service
    offers = whmcs.request("GET", f"/admin/services/{sid}/plan-offers")
    assert offers.status_code == 200, offers.text
    listed = {o["product_id"]: o for o in offers.json()["items"]}
    assert "V93" in listed and listed["V93"]["offer_id"]

    answer = whmcs.request("POST", f"/services/{sid}/change-package", {"product_id": "V93"})
    assert answer.status_code == 422
    error = answer.json()["error"]
    assert "has no operation to submit one" in error["message"]
    assert error["details"]["offer"]["product_id"] == "V93"
    job_id = error["details"]["job_id"]
    assert job_id == f"plan_change_admin_task-{sid}"

    unknown = whmcs.request("POST", f"/services/{sid}/change-package", {"product_id": "V999"})
    assert unknown.status_code in (400, 422)

    # The admin submitted the offer in the provider's panel: the task completes.
    instance_id = int(whmcs.request("GET", f"/services/{sid}").json()["instance_id"])
    stack.sim.state.instances[instance_id]["productId"] = "V93"
    make_due(job_id)
    assert stack.run_job(WORKER)["status"] == "ok"
    assert job_queue.get(job_id).status == "done"
    assert whmcs.request("GET", f"/services/{sid}").json()["product_id"] == "V93"


def test_a_lost_answer_is_settled_from_the_providers_audit_never_asked_twice(
    stack, whmcs, sim, active_service, monkeypatch
):
    from contabo_reseller.services.compute import moves

    monkeypatch.setattr(moves, "RECONCILE_GRACE_SECONDS", 0)
    sid = active_service
    before = stack.sim.state.purchases["requestRegionChange"]
    sim.post("/faults", json={"commit_then_fail": {"count": 1, "mode": "500"}})
    try:
        lost = whmcs.request("POST", f"/services/{sid}/change-package", {"region": "UK"})
    finally:
        sim.post("/faults/reset")
    assert lost.status_code == 503, lost.text
    assert service_store.get(sid).details["region_change"]["state"] == "unknown"

    again = whmcs.request("POST", f"/services/{sid}/change-package", {"region": "UK"})
    assert again.status_code == 200, again.text
    assert "the answer was lost" in again.json()["status_message"]
    assert stack.sim.state.purchases["requestRegionChange"] == before + 1
