"""GET /admin/audit over signed HTTP: by service, request id, action and date; pages, CSV."""

from __future__ import annotations

import csv
import io
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from contabo_reseller.adapters import audit_log
from contabo_reseller.domain.audit import CSV_COLUMNS
from contabo_reseller.services import audit_search
from tests.integration.lifecycle.test_create_and_provision import order

NOW = datetime.now(UTC).replace(microsecond=0)


def write(service_id: str | None, action: str, at: datetime, **fields) -> str:
    entry = audit_log.record(
        kind=fields.pop("kind", "action"),
        action=action,
        outcome=fields.pop("outcome", "ok"),
        service_id=service_id,
        now=at,
        **fields,
    )
    assert entry is not None
    return entry.request_id


def search(whmcs, **query) -> dict:
    text = "&".join(f"{key}={value}" for key, value in query.items())
    answer = whmcs.request("GET", f"/admin/audit?{text}")
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_a_service_is_read_newest_first_a_page_at_a_time(whmcs, service_id):
    for minutes in range(7):
        write(service_id, f"step{minutes}", NOW - timedelta(minutes=minutes))
    write(str(int(service_id) + 50_000), "step0", NOW)  # another service: never shown

    first = search(whmcs, service_id=service_id, limit=3)
    assert [row["action"] for row in first["items"]] == ["step0", "step1", "step2"]
    assert {row["service_id"] for row in first["items"]} == {service_id}
    second = search(whmcs, service_id=service_id, limit=3, cursor=first["next_cursor"])
    assert [row["action"] for row in second["items"]] == ["step3", "step4", "step5"]
    third = search(whmcs, service_id=service_id, limit=3, cursor=second["next_cursor"])
    assert [row["action"] for row in third["items"]] == ["step6"]
    assert third["next_cursor"] is None


def test_a_service_by_action_and_time_window(whmcs, service_id):
    write(service_id, "suspend", NOW - timedelta(days=3))
    write(service_id, "suspend", NOW - timedelta(days=1))
    write(service_id, "unsuspend", NOW - timedelta(days=1))
    write(service_id, "suspend", NOW)

    all_suspends = search(whmcs, service_id=service_id, action="suspend")
    assert len(all_suspends["items"]) == 3
    yesterday = (NOW - timedelta(days=1)).date().isoformat()
    window = search(
        whmcs, service_id=service_id, action="suspend", **{"from": yesterday, "to": yesterday}
    )
    assert [row["at"][:10] for row in window["items"]] == [yesterday]
    since = (NOW - timedelta(hours=36)).isoformat().replace("+00:00", "Z")
    recent = search(whmcs, service_id=service_id, **{"from": since})
    assert sorted(row["action"] for row in recent["items"]) == ["suspend", "suspend", "unsuspend"]


def test_a_request_id_finds_the_action_and_the_contabo_calls_of_its_trace(whmcs, service_id):
    trace = str(uuid.uuid4())
    write(service_id, "reinstall", NOW - timedelta(seconds=3), request_id=trace, trace_id=trace)
    for seconds, path in ((2, "/v1/compute/instances/1"), (1, "/v1/compute/instances/1/actions")):
        write(
            service_id,
            "reinstallInstance",
            NOW - timedelta(seconds=seconds),
            kind="contabo_call",
            trace_id=trace,
            method="PUT",
            path=path,
            status_code=200,
            duration_ms=120,
        )
    write(service_id, "reinstall", NOW, request_id=str(uuid.uuid4()))  # another request

    found = search(whmcs, request_id=trace)
    assert [row["kind"] for row in found["items"]] == ["contabo_call", "contabo_call", "action"]
    assert {row["trace_id"] for row in found["items"]} == {trace}
    assert found["items"][0]["status_code"] == 200 and found["items"][0]["duration_ms"] == 120

    paged = search(whmcs, request_id=trace, limit=2)
    rest = search(whmcs, request_id=trace, limit=2, cursor=paged["next_cursor"])
    assert [row["action"] for row in rest["items"]] == ["reinstall"]
    assert rest["next_cursor"] is None
    assert search(whmcs, request_id=trace, action="reinstall")["items"][0]["kind"] == "action"


def test_by_action_and_date_without_a_service_reads_day_by_day(whmcs):
    action = f"test.audit-{uuid.uuid4().hex[:8]}"
    for days in (0, 1, 1, 3):
        write(None, action, NOW - timedelta(days=days))
    write(None, action, NOW - timedelta(days=9))  # outside the default week

    week = search(whmcs, action=action)
    assert len(week["items"]) == 4
    assert all(row["service_id"] is None for row in week["items"])
    keys = [row["at"] for row in week["items"]]
    assert keys == sorted(keys, reverse=True)

    pages, cursor = [], None
    while True:
        page = search(whmcs, action=action, limit=3, **({"cursor": cursor} if cursor else {}))
        pages.append(page["items"])
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert [len(items) for items in pages] == [3, 1]
    assert [row["at"] for items in pages for row in items] == keys

    first = (NOW - timedelta(days=10)).date().isoformat()
    wider = search(whmcs, action=action, **{"from": first})
    assert len(wider["items"]) == 5


def test_a_sparse_search_stops_after_its_budget_and_says_so(whmcs, service_id, monkeypatch):
    for minutes in range(6):
        write(service_id, "noise", NOW - timedelta(minutes=minutes))
    write(service_id, "needle", NOW - timedelta(minutes=10))
    monkeypatch.setattr(audit_search, "EXAMINED_PER_CALL", 4)

    first = search(whmcs, service_id=service_id, action="needle")
    assert first["items"] == []
    assert first["next_cursor"] and "continue with next_cursor" in first["notice"]
    second = search(whmcs, service_id=service_id, action="needle", cursor=first["next_cursor"])
    assert [row["action"] for row in second["items"]] == ["needle"]
    assert second["next_cursor"] is None and second["notice"] is None


def test_csv_export_has_every_column_and_defuses_formulas(whmcs, service_id):
    write(service_id, "tags", NOW - timedelta(minutes=1), message='=HYPERLINK("x")')
    write(service_id, "renew", NOW, actor="whmcs:k1")
    answer = whmcs.request("GET", f"/admin/audit?service_id={service_id}&format=csv")
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert [row["action"] for row in rows] == ["renew", "tags"]
    assert rows[0]["actor"] == "whmcs:k1"
    assert rows[1]["message"].startswith("'=")


def test_a_real_order_is_found_by_its_service(whmcs, service_id):
    created = whmcs.request("POST", f"/services/{service_id}/create", order())
    assert created.status_code == 202, created.text
    rows = search(whmcs, service_id=service_id)["items"]
    create = [row for row in rows if row["action"] == "create"]
    assert create and create[0]["outcome"] == "ok" and create[0]["actor"].startswith("whmcs:")
    by_trace = search(whmcs, request_id=create[0]["request_id"])["items"]
    assert create[0] in by_trace


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("from=yesterday", "is not a date"),
        ("from=2026-03-05&to=2026-03-01", "'from' is after 'to'"),
        ("from=2026-01-01&to=2026-03-01", "at most 31 days"),
        ("cursor=bm90LWpzb24", "cursor is not valid"),
        ("service_id=abc", ""),
        ("limit=500", ""),
    ],
)
def test_bad_queries_answer_400_with_a_sentence(whmcs, query, words):
    answer = whmcs.request("GET", f"/admin/audit?{query}")
    assert answer.status_code == 400, answer.text
    assert words in answer.json()["error"]["message"]
