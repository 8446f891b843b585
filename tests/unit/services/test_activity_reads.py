"""The activity page's reads: the provider's two audit lists and our audit log are independent
round trips (each of Contabo's 1-3 s when it is slow), made at once, after the tenant wall.

Each fake read waits until every read has started, which only happens if they run at the same
time (one after the other, the first wait times out)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import pytest

from contabo_reseller.adapters.contabo.instance_history import ContaboInstanceHistory
from contabo_reseller.domain.activity import ActivityItem, Entry, sort_key, utc_iso
from contabo_reseller.domain.errors import NotFound
from contabo_reseller.services import activity

INSTANCE_ID = 5


def _entry(source: str, seconds: int) -> Entry:
    at = datetime(2026, 1, 1, 0, 0, seconds, tzinfo=UTC)
    item = ActivityItem(
        at=utc_iso(at),
        source=source,
        action="a",
        actor="x",
        outcome="ok",
        request_id="",
        message="",
    )
    return Entry(key=sort_key(at, f"{source}-{seconds}"), item=item)


class _AuditsAtOnce:
    """A Contabo client whose two audit lists each wait for the other to start."""

    def __init__(self) -> None:
        self.both_started = threading.Barrier(2, timeout=5)

    def for_service(self, service_id: str, trace_id: str) -> _AuditsAtOnce:
        return self

    def instance_audits(self, instance_id: int) -> list[Any]:
        self.both_started.wait()
        return [self._audit(1, "CREATED")]

    def instance_action_audits(self, instance_id: int) -> list[Any]:
        self.both_started.wait()
        return [self._audit(2, None, {"action": "stop"})]

    @staticmethod
    def _audit(seconds: int, action: Any, changes: Any = None) -> Any:
        return SimpleNamespace(
            id=seconds,
            instance_id=INSTANCE_ID,
            timestamp=datetime(2026, 1, 1, 0, 0, seconds, tzinfo=UTC),
            action=action,
            changes=changes,
            request_id="r",
        )


def test_the_two_provider_audit_lists_are_read_at_once():
    history = ContaboInstanceHistory("42", "t", client=_AuditsAtOnce())  # type: ignore[arg-type]
    actions = sorted(entry.item.action for entry in history.entries(INSTANCE_ID))
    assert actions == ["instance created", "stop"]


@pytest.fixture
def compute_service(monkeypatch: pytest.MonkeyPatch) -> SimpleNamespace:
    record = SimpleNamespace(service_id="42", kind="compute", resource_id=str(INSTANCE_ID))
    monkeypatch.setattr(activity, "readable", lambda service_id: record)
    return record


def test_the_provider_history_and_our_log_are_read_at_once(compute_service, monkeypatch):
    both_started = threading.Barrier(2, timeout=5)

    class _History:
        def entries(self, instance_id: int) -> list[Entry]:
            both_started.wait()
            return [_entry("contabo", 1)]

    def newest(service_id: str, before: str | None, limit: int) -> tuple[list[Entry], bool]:
        both_started.wait()
        return [_entry("backend", 2)], False

    monkeypatch.setattr(activity, "history_for", lambda *_: _History())
    monkeypatch.setattr(activity.audit_history, "newest", newest)
    page = activity.activity("42", 10, None)
    assert [item.source for item in page.items] == ["backend", "contabo"]


def test_nothing_is_read_for_a_service_the_caller_cannot_see(monkeypatch):
    read: list[str] = []

    def not_theirs(service_id: str) -> Any:
        raise NotFound("Service 42 was not found.")

    monkeypatch.setattr(activity, "readable", not_theirs)
    monkeypatch.setattr(activity, "history_for", lambda *_: read.append("provider"))
    monkeypatch.setattr(activity.audit_history, "newest", lambda *_: read.append("ours"))
    with pytest.raises(NotFound):
        activity.activity("42", 10, None)
    assert read == []
