"""Activity: our audit rows and Contabo's instance audits merged newest first, paged with a
cursor, exported as CSV; only the service's own entries; never a secret."""

from __future__ import annotations

import csv
import io

from tests.integration.service_management.conftest import suspend

PASSWORD = "N3w!Pass#word"


def _all(whmcs, sid: str, limit: int) -> list[dict]:
    items: list[dict] = []
    cursor = None
    for _ in range(100):
        query = f"?limit={limit}" + (f"&cursor={cursor}" if cursor else "")
        response = whmcs.request("GET", f"/services/{sid}/activity{query}")
        assert response.status_code == 200, response.text
        page = response.json()
        assert len(page["items"]) <= limit
        items += page["items"]
        cursor = page["next_cursor"]
        if not cursor:
            return items
    raise AssertionError("the cursor never ended")


def _act(whmcs, sim, sid: str) -> None:
    ip = whmcs.request("GET", f"/services/{sid}").json()["ipv4"]
    assert whmcs.request(
        "PUT", f"/services/{sid}/reverse-dns/{ip}", {"ptr": "a.example.com"}
    ).is_success
    assert whmcs.request(
        "POST", f"/services/{sid}/change-password", {"password": PASSWORD}
    ).is_success
    sim.post("/clock/advance", json={"seconds": 30})  # the password reset finishes
    suspend(whmcs, sid)
    refused = whmcs.request("PUT", f"/services/{sid}/reverse-dns/{ip}", {"ptr": "b.example.com"})
    assert refused.status_code == 422


def test_activity_merges_our_log_and_the_providers_newest_first(whmcs, sim, active_service):
    sid = active_service
    _act(whmcs, sim, sid)
    items = _all(whmcs, sid, 200)
    assert [i["at"] for i in items] == sorted((i["at"] for i in items), reverse=True)
    ours = [i for i in items if i["source"] == "backend"]
    theirs = [i for i in items if i["source"] == "contabo"]
    actions = [i["action"] for i in ours]
    for expected in ("create", "provision", "set_reverse_dns", "change_password", "suspend"):
        assert expected in actions
    refused = next(i for i in ours if i["outcome"] == "refused")
    assert refused["action"] == "set_reverse_dns"
    assert refused["message"].startswith("This service is suspended.")
    assert refused["actor"].startswith("whmcs:")
    put_ptr = next(i for i in ours if i["action"] == "updatePtrRecord")
    assert put_ptr["message"].startswith("PUT /v1/dns/ptrs/") and put_ptr["request_id"]
    assert not any(i["message"].startswith("GET ") for i in ours)  # reads change nothing
    assert "instance created" in [i["action"] for i in theirs]
    assert "stop" in [i["action"] for i in theirs]  # the suspension's stop, as Contabo saw it
    created = next(i for i in theirs if i["action"] == "instance created")
    assert created["request_id"] in {i["request_id"] for i in ours}  # the same purchase


def test_the_cursor_walks_every_entry_once(whmcs, sim, active_service):
    sid = active_service
    _act(whmcs, sim, sid)
    everything = _all(whmcs, sid, 200)
    paged = _all(whmcs, sid, 3)
    assert paged == everything
    assert len(everything) > 6


def test_csv_export_has_every_entry_and_no_secret(whmcs, sim, active_service):
    sid = active_service
    _act(whmcs, sim, sid)
    exported = whmcs.request("GET", f"/services/{sid}/activity?format=csv")
    assert exported.status_code == 200, exported.text
    assert exported.headers["content-type"].startswith("text/csv")
    assert f"service-{sid}-activity.csv" in exported.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert len(rows) == len(_all(whmcs, sid, 200))
    assert set(rows[0]) == {"at", "source", "action", "actor", "outcome", "request_id", "message"}
    listed = whmcs.request("GET", f"/services/{sid}/activity?limit=200").text
    for text in (exported.text, listed):
        assert PASSWORD not in text
        assert "demo-password" not in text and "Bearer" not in text


def test_only_the_services_own_entries_are_shown(whmcs, sim, service_factory):
    mine = service_factory()
    theirs = service_factory(client_id="8")
    _act(whmcs, sim, theirs)
    their_ids = {i["request_id"] for i in _all(whmcs, theirs, 200)}
    my_ids = {i["request_id"] for i in _all(whmcs, mine, 200)}
    assert their_ids and my_ids and not their_ids & my_ids


def test_bad_queries_are_a_readable_400_and_unknown_services_404(whmcs, active_service):
    bad_cursor = whmcs.request("GET", f"/services/{active_service}/activity?cursor=bm9wZQ")
    assert bad_cursor.status_code == 400
    assert "cursor" in bad_cursor.json()["error"]["message"]
    assert whmcs.request("GET", f"/services/{active_service}/activity?limit=0").status_code == 400
    assert (
        whmcs.request("GET", f"/services/{active_service}/activity?format=xml").status_code == 400
    )
    assert whmcs.request("GET", "/services/999999993/activity").status_code == 404
