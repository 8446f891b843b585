"""The audit search's query rules, cursor and CSV (pure: no table)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from contabo_reseller.domain.audit import (
    MAX_DAYS,
    AuditQuery,
    AuditRow,
    decode_cursor,
    encode_cursor,
    to_csv,
)
from contabo_reseller.domain.errors import InvalidInput

NOW = datetime(2026, 3, 10, 15, 30, tzinfo=UTC)


def row(**fields) -> AuditRow:
    base = {"at": "2026-03-10T10:00:00+00:00", "service_id": "42", "kind": "action"}
    return AuditRow(**{**base, "action": "create", "outcome": "ok", "request_id": "r1", **fields})


def test_a_date_means_its_whole_day_and_keys_compare_as_audit_log_writes_them():
    query = AuditQuery.of(since="2026-03-01", until="2026-03-02")
    assert query.low == "2026-03-01T00:00:00+00:00"
    assert query.covers("2026-03-02T23:59:59.999000+00:00#x", row())
    assert query.covers("2026-03-01T00:00:00+00:00#x", row())
    assert not query.covers("2026-03-03T00:00:00+00:00#x", row())
    assert not query.covers("2026-02-28T23:59:59+00:00#x", row())


def test_times_with_an_offset_are_read_as_utc():
    query = AuditQuery.of(since="2026-03-01T10:00:00+02:00", until="2026-03-01T08:30:00Z")
    assert query.low == "2026-03-01T08:00:00+00:00"
    assert query.covers("2026-03-01T08:30:00+00:00#x", row())
    assert not query.covers("2026-03-01T08:30:00.500000+00:00#x", row())


def test_days_default_to_the_last_week_newest_first_and_are_bounded():
    assert AuditQuery().days(NOW) == [f"2026-03-{day:02d}" for day in range(10, 3, -1)]
    assert AuditQuery.of(since="2026-03-09").days(NOW) == ["2026-03-10", "2026-03-09"]
    with pytest.raises(InvalidInput, match=f"at most {MAX_DAYS} days"):
        AuditQuery.of(since="2026-01-01").days(NOW)


def test_filters_apply_to_service_and_action():
    query = AuditQuery(service_id="-", action="accessToken")
    assert query.covers("2026-03-10#x", row(service_id=None, action="accessToken"))
    assert not query.covers("2026-03-10#x", row(action="accessToken"))
    assert not query.covers("2026-03-10#x", row(service_id=None, action="create"))


@pytest.mark.parametrize(
    ("since", "until", "words"),
    [
        ("yesterday", None, "is not a date"),
        ("2026-03-05", "2026-03-01", "after 'to'"),
    ],
)
def test_bad_moments_are_refused_in_words(since, until, words):
    with pytest.raises(InvalidInput, match=words):
        AuditQuery.of(since=since, until=until)


def test_cursor_round_trip_and_garbage():
    key = "2026-03-10T10:00:00+00:00#abc"
    assert decode_cursor(encode_cursor(key)) == key
    assert decode_cursor(None) is None
    for garbage in ("%%%", "bm90LWpzb24", encode_cursor("")):
        with pytest.raises(InvalidInput, match="cursor is not valid"):
            decode_cursor(garbage)


def test_csv_keeps_empty_cells_empty_and_defuses_formulas():
    text = to_csv([row(message="=1+1", status_code=None), row(message="+cmd", actor="@x")])
    lines = text.splitlines()
    assert lines[0].startswith("at,service_id,kind,action,outcome,actor,method,path,status_code")
    assert ",'=1+1" in lines[1] and ",,," in lines[1]
    assert "'+cmd" in lines[2] and "'@x" in lines[2]
