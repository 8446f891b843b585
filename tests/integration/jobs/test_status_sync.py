"""Status sync on the local stack: writes only changes, reports drift and orphans both ways,
and resumes a cycle cut short."""

from __future__ import annotations

from dataclasses import dataclass

from contabo_reseller.adapters import job_state, service_store
from contabo_reseller.services import status_sync
from contabo_reseller.services.jobs.scheduled_jobs import run_job
from tests.integration.jobs.conftest import seed_instances

SYNC = "StatusSyncFunction"


@dataclass
class ShortContext:
    """Lambda's context with ``remaining_ms`` left, shrinking by ``tick`` on every look."""

    remaining_ms: int
    tick: int = 0

    def get_remaining_time_in_millis(self) -> int:
        now = self.remaining_ms
        self.remaining_ms -= self.tick
        return now


def run_sync(stack) -> dict:
    outcome = stack.run_job(SYNC)
    assert outcome["status"] == "ok", outcome
    assert outcome["result"]["outcome"] == "finished", outcome
    return outcome["result"]


def instance_of(stack, whmcs, sid: str) -> dict:
    instance_id = whmcs.request("GET", f"/services/{sid}").json()["instance_id"]
    return stack.sim.state.instances[instance_id]


def report(whmcs) -> dict:
    answered = whmcs.request("GET", "/admin/reports/drift")
    assert answered.status_code == 200, answered.text
    return answered.json()


def test_a_second_sync_writes_nothing(stack, whmcs, active_service):
    run_sync(stack)
    before = service_store.get(active_service).updated_at
    again = run_sync(stack)
    assert again["result"]["updated"] == 0
    assert "updated" not in again["counts"]
    assert service_store.get(active_service).updated_at == before


def test_drift_is_written_and_reported(stack, whmcs, service_id, active_service):
    sid = active_service
    instance = instance_of(stack, whmcs, sid)
    old_ip = instance["ipConfig"]["v4"]["ip"]
    instance["ipConfig"]["v4"]["ip"] = "198.51.100.77"
    instance["cancelDate"] = "2030-01-31"
    result = run_sync(stack)
    assert result["result"]["updated"] >= 1

    view = whmcs.request("GET", f"/services/{sid}").json()
    assert view["ipv4"] == "198.51.100.77"
    assert view["cancel_date"] == "2030-01-31"
    found = {(d["kind"], d["service_id"]): d for d in report(whmcs)["drift"]}
    assert found[("ip_changed", sid)]["before"] == {"ipv4": old_ip}
    assert found[("ip_changed", sid)]["after"] == {"ipv4": "198.51.100.77"}
    assert found[("cancelled", sid)]["after"] == {"cancel_date": "2030-01-31"}

    later = run_sync(stack)  # the IP change was taken in; the cancellation still stands
    assert later["result"]["updated"] == 0
    kinds = {(d["kind"], d["service_id"]) for d in report(whmcs)["drift"]}
    assert ("cancelled", sid) in kinds
    assert ("ip_changed", sid) not in kinds


def test_orphans_both_ways(stack, whmcs, active_service):
    state = stack.sim.state
    template = instance_of(stack, whmcs, active_service)["instanceId"]
    (ours,) = seed_instances(state, 1, template, displayName="whmcs-service-990001")
    (foreign,) = seed_instances(state, 1, template, displayName="my-own-box")
    gone = whmcs.request("GET", f"/services/{active_service}").json()["instance_id"]
    del state.instances[gone]

    run_sync(stack)
    found = report(whmcs)
    orphans = {o["instance_id"]: o for o in found["orphan_instances"]}
    assert orphans[ours]["ours"] is True
    assert orphans[ours]["suggested_service_id"] == "990001"
    assert orphans[foreign]["ours"] is False
    assert orphans[foreign]["suggested_service_id"] is None
    assert {"service_id": active_service, "instance_id": gone, "state": "active"} in found[
        "orphan_services"
    ]
    view = whmcs.request("GET", f"/services/{active_service}").json()
    assert view["status_message"] == status_sync.GONE_MESSAGE.text


def test_a_cycle_cut_short_resumes_where_it_stopped(stack, whmcs, active_service):
    state = stack.sim.state
    template = instance_of(stack, whmcs, active_service)["instanceId"]
    seed_instances(state, 250, template, displayName="bulk-{id}")
    total = len(state.instances)
    pages = -(-total // 100)
    assert pages >= 3

    # The lease takes the first look (140 s); two pages fit (100 s, then 60 s left); at 20 s,
    # under the 30 s margin, the run stops.
    first = run_job(
        status_sync.JOB,
        ShortContext(remaining_ms=140_000, tick=40_000),
        status_sync.sync,
        margin_ms=status_sync.MARGIN_MS,
    )
    assert first["outcome"] == "partial"
    assert first["counts"]["pages"] == 2
    saved = job_state.load_checkpoint(status_sync.JOB)["state"]
    assert saved["page"] == 3
    assert saved["report"]["instances"] == 200

    second = run_sync(stack)
    assert second["resumed"] is True
    assert second["counts"]["pages"] == pages - 2
    assert second["cycle"]["counts"]["pages"] == pages
    assert second["result"]["instances"] == total  # each instance exactly once
    assert report(whmcs)["instances"] == total
    assert job_state.load_checkpoint(status_sync.JOB) is None
