"""Automatic snapshots: the client's policy (where the product allows it, within its limit),
the hourly job taking due ones and rotating the oldest automatic ones within the provider's
quota, never a snapshot the customer made; failures in the activity log and the job's result;
suspended services skipped."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from contabo_reseller.adapters import service_store
from tests.integration.service_management.conftest import suspend

JOB = "AutomaticSnapshotsFunction"


def _policy(whmcs, sid: str, **body):
    return whmcs.request("PUT", f"/services/{sid}/snapshot-policy", body)


def _snapshots(whmcs, sid: str) -> list[dict]:
    response = whmcs.request("GET", f"/services/{sid}/snapshots")
    assert response.status_code == 200, response.text
    return response.json()["items"]


def _run(stack) -> dict:
    outcome = stack.run_job(JOB)
    assert outcome["status"] == "ok", outcome
    return outcome["result"]


def _time_passes(sid: str, days: int = 2) -> None:
    """The policy's last snapshot was taken ``days`` ago (the job reads the real clock)."""
    record = service_store.get(sid)
    policy = dict(record.details["snapshot_policy"])
    taken = datetime.fromisoformat(policy["last_taken_at"]) - timedelta(days=days)
    policy["last_taken_at"] = taken.isoformat()
    service_store.update(record, details={"snapshot_policy": policy})


@pytest.fixture
def product(whmcs) -> str:
    product_id = "1818"
    yield product_id
    whmcs.request("PUT", f"/admin/products/{product_id}/guardrails", {})


def test_the_job_takes_due_snapshots_and_rotates_only_automatic_ones(stack, whmcs, active_service):
    sid = active_service
    assert whmcs.request("GET", f"/services/{sid}/snapshot-policy").json()["frequency"] == "off"
    set_ = _policy(whmcs, sid, frequency="daily", keep=2)
    assert set_.status_code == 200, set_.text
    assert set_.json()["next_due_at"] is not None

    _run(stack)
    (first,) = _snapshots(whmcs, sid)
    assert first["name"].startswith("auto ")
    _run(stack)  # not due again within the day
    assert len(_snapshots(whmcs, sid)) == 1

    manual = whmcs.request("POST", f"/services/{sid}/snapshots", {"name": "mine"})
    assert manual.status_code == 201, manual.text
    # Due again; the provider's quota (2) is full: the oldest automatic one makes room.
    _time_passes(sid)
    _run(stack)
    after = _snapshots(whmcs, sid)
    assert after[0]["name"] == "mine"
    assert first["id"] not in [s["id"] for s in after]
    assert len(after) == 2
    policy = whmcs.request("GET", f"/services/{sid}/snapshot-policy").json()
    assert policy["automatic_snapshot_ids"] == [after[1]["id"]]
    assert policy["last_error"] is None

    # The customer deletes the automatic one and makes another by hand: the quota is theirs,
    # the job deletes nothing of theirs and says why it took no snapshot.
    auto_id = after[1]["id"]
    assert whmcs.request("DELETE", f"/services/{sid}/snapshots/{auto_id}").status_code == 200
    assert (
        whmcs.request("POST", f"/services/{sid}/snapshots", {"name": "mine too"}).status_code == 201
    )
    _time_passes(sid)
    result = _run(stack)
    assert [s["name"] for s in _snapshots(whmcs, sid)] == ["mine", "mine too"]
    policy = whmcs.request("GET", f"/services/{sid}/snapshot-policy").json()
    assert "made by hand" in policy["last_error"]
    assert {"service_id": sid, "error": policy["last_error"]} in result["result"]["failed"]
    activity = whmcs.request("GET", f"/services/{sid}/activity").json()
    assert any("made by hand" in (entry.get("message") or "") for entry in activity["items"]), (
        activity
    )


def test_keep_stays_within_the_products_limit_and_the_guardrail_turns_it_off(
    whmcs, service_factory, product
):
    sid = service_factory(whmcs_product_id=product)
    limited = whmcs.request("PUT", f"/admin/products/{product}/guardrails", {"max_snapshots": 2})
    assert limited.status_code == 200, limited.text
    too_many = _policy(whmcs, sid, frequency="weekly", keep=3)
    assert too_many.status_code == 400
    assert "at most 2 automatic snapshots" in too_many.json()["error"]["message"]
    assert _policy(whmcs, sid, frequency="weekly", keep=2).status_code == 200

    whmcs.request(
        "PUT", f"/admin/products/{product}/guardrails", {"allow_automatic_snapshots": False}
    )
    refused = _policy(whmcs, sid, frequency="daily", keep=1)
    assert refused.status_code == 422
    assert refused.json()["error"]["details"]["guardrail"] == "allow_automatic_snapshots"
    assert _policy(whmcs, sid, frequency="off").status_code == 200  # turning off is always allowed


def test_a_suspended_service_is_skipped_and_its_policy_cannot_change(stack, whmcs, active_service):
    sid = active_service
    assert _policy(whmcs, sid, frequency="daily", keep=1).status_code == 200
    suspend(whmcs, sid)
    assert _policy(whmcs, sid, frequency="weekly", keep=1).status_code == 422
    _run(stack)
    assert _snapshots(whmcs, sid) == []
    assert service_store.get(sid).details["snapshot_policy"].get("last_taken_at") is None


def test_invalid_policies_are_readable_400s(whmcs, active_service):
    for body in (
        {"frequency": "hourly"},
        {"frequency": "daily", "keep": 0},
        {"frequency": "daily", "keep": 11},
    ):
        response = _policy(whmcs, active_service, **body)
        assert response.status_code == 400, body
        assert response.json()["error"]["code"] == "invalid_input"
