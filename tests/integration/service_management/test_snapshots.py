from __future__ import annotations

from tests.integration.service_management.conftest import suspend


def _create(whmcs, sid: str, name: str, **extra):
    return whmcs.request("POST", f"/services/{sid}/snapshots", {"name": name, **extra})


def _names(whmcs, sid: str) -> list[str]:
    return [s["name"] for s in whmcs.request("GET", f"/services/{sid}/snapshots").json()["items"]]


def test_create_list_with_expiry_then_contabos_quota(whmcs, active_service):
    first = _create(whmcs, active_service, "before upgrade", description="nginx 1.24")
    assert first.status_code == 201, first.text
    snapshot = first.json()
    assert set(snapshot) == {"id", "name", "description", "created_at", "expires_at"}
    assert snapshot["name"] == "before upgrade" and snapshot["description"] == "nginx 1.24"
    assert snapshot["expires_at"] > snapshot["created_at"]
    assert _create(whmcs, active_service, "second-one").status_code == 201

    listed = whmcs.request("GET", f"/services/{active_service}/snapshots").json()
    assert [s["name"] for s in listed["items"]] == ["before upgrade", "second-one"]
    assert listed["limit"] is None  # no guardrail: Contabo's own limit only

    full = _create(whmcs, active_service, "third")
    assert full.status_code == 422
    assert full.json()["error"]["code"] == "quota_exceeded"
    assert full.json()["error"]["message"] == (
        "This server already has 2 snapshots, the most its plan allows. Delete one first."
    )


def test_names_follow_contabos_rules(whmcs, active_service):
    for bad in ("", "x" * 31, "no_underscores", "semi;colon"):
        response = _create(whmcs, active_service, bad)
        assert response.status_code == 400, bad
        assert response.json()["error"]["code"] == "invalid_input"
    assert _names(whmcs, active_service) == []


def test_rollback_needs_confirmation_and_drops_newer_snapshots(whmcs, sim, active_service):
    older = _create(whmcs, active_service, "older").json()
    sim.post("/clock/advance", json={"seconds": 5})
    _create(whmcs, active_service, "newer")
    path = f"/services/{active_service}/snapshots/{older['id']}/rollback"

    unconfirmed = whmcs.request("POST", path, {})
    assert unconfirmed.status_code == 422
    error = unconfirmed.json()["error"]
    assert error["details"]["confirm_required"] is True
    assert "'newer'" in error["message"] and "deleted" in error["message"]
    assert _names(whmcs, active_service) == ["older", "newer"]

    done = whmcs.request("POST", path, {"confirm": True})
    assert done.status_code == 202, done.text
    assert done.json()["service_id"] == active_service
    assert _names(whmcs, active_service) == ["older"]


def test_delete(whmcs, active_service):
    snapshot = _create(whmcs, active_service, "temp").json()
    path = f"/services/{active_service}/snapshots/{snapshot['id']}"
    deleted = whmcs.request("DELETE", path)
    assert deleted.status_code == 200 and deleted.json() == {"deleted": True}
    assert _names(whmcs, active_service) == []
    assert whmcs.request("DELETE", path).status_code == 404


def test_another_services_snapshot_is_not_found(whmcs, active_service, service_factory):
    other = service_factory(client_id="9401")
    theirs = _create(whmcs, other, "theirs").json()
    rollback = whmcs.request(
        "POST",
        f"/services/{active_service}/snapshots/{theirs['id']}/rollback",
        {"confirm": True},
    )
    assert rollback.status_code == 404
    assert rollback.json()["error"]["code"] == "not_found"
    delete = whmcs.request("DELETE", f"/services/{active_service}/snapshots/{theirs['id']}")
    assert delete.status_code == 404
    assert _names(whmcs, other) == ["theirs"]


def test_guardrails_limit_and_forbid_rollback(whmcs, service_factory):
    whmcs.request(
        "PUT",
        "/admin/products/880301/guardrails",
        {"max_snapshots": 1, "allow_snapshot_rollback": False},
    )
    sid = service_factory(whmcs_product_id="880301")
    snapshot = _create(whmcs, sid, "only one").json()
    assert whmcs.request("GET", f"/services/{sid}/snapshots").json()["limit"] == 1
    second = _create(whmcs, sid, "two")
    assert second.status_code == 422
    assert second.json()["error"]["code"] == "quota_exceeded"
    assert "already has 1 snapshot," in second.json()["error"]["message"]
    rollback = whmcs.request(
        "POST", f"/services/{sid}/snapshots/{snapshot['id']}/rollback", {"confirm": True}
    )
    assert rollback.status_code == 422
    assert "Restoring a snapshot is turned off" in rollback.json()["error"]["message"]

    whmcs.request("PUT", "/admin/products/880302/guardrails", {"max_snapshots": 0})
    none_allowed = service_factory(whmcs_product_id="880302")
    refused = _create(whmcs, none_allowed, "any")
    assert refused.status_code == 422
    assert refused.json()["error"]["message"] == "Snapshots are not included in this plan."


def test_suspended_can_read_but_not_change(whmcs, active_service):
    snapshot = _create(whmcs, active_service, "kept").json()
    suspend(whmcs, active_service)
    assert _names(whmcs, active_service) == ["kept"]
    for method, path, body in (
        ("POST", f"/services/{active_service}/snapshots", {"name": "new"}),
        (
            "POST",
            f"/services/{active_service}/snapshots/{snapshot['id']}/rollback",
            {"confirm": True},
        ),
        ("DELETE", f"/services/{active_service}/snapshots/{snapshot['id']}", None),
    ):
        response = whmcs.request(method, path, body)
        assert response.status_code == 422, path
        assert response.json()["error"]["message"].startswith("This service is suspended.")
    assert _names(whmcs, active_service) == ["kept"]


def test_a_server_being_set_up_has_none_and_cannot_take_one(whmcs, pending_service):
    listed = whmcs.request("GET", f"/services/{pending_service}/snapshots")
    assert listed.status_code == 200 and listed.json()["items"] == []
    refused = _create(whmcs, pending_service, "early")
    assert refused.status_code == 422
    assert refused.json()["error"]["message"].startswith("This server is still being set up.")
    assert whmcs.request("GET", "/services/999999992/snapshots").status_code == 404
