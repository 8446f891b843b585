"""When an automatic snapshot is due, which automatic ones rotate out (oldest first, never more
than exist, never a customer's), and the name Contabo accepts."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from contabo_reseller.domain.snapshots import SNAPSHOT_NAME, automatic_name, is_due, to_rotate

NOW = datetime(2026, 12, 5, 3, 0, tzinfo=UTC)


def test_due_daily_weekly_and_never_when_off():
    assert is_due("daily", None, NOW)
    assert not is_due("daily", NOW - timedelta(hours=12), NOW)
    assert is_due("daily", NOW - timedelta(hours=23, minutes=40), NOW)  # the hourly run's slack
    assert not is_due("weekly", NOW - timedelta(days=6), NOW)
    assert is_due("weekly", NOW - timedelta(days=7), NOW)
    assert not is_due("off", None, NOW)


def test_rotation_keeps_n_with_the_new_one_oldest_first():
    assert to_rotate([], 3, None) == []
    assert to_rotate(["a", "b"], 3, None) == []
    assert to_rotate(["a", "b", "c"], 3, None) == ["a"]
    assert to_rotate(["a", "b", "c", "d"], 2, None) == ["a", "b", "c"]


def test_rotation_makes_room_under_the_limit_but_only_from_automatic_ones():
    assert to_rotate(["a", "b"], 5, 0) == ["a"]  # full: one automatic one goes
    assert to_rotate(["a"], 5, -1) == ["a"]  # over the limit: never more than are automatic
    assert to_rotate([], 5, 0) == []  # only the customer's: nothing to delete


def test_the_automatic_name_follows_contabos_rule():
    assert re.match(SNAPSHOT_NAME, automatic_name(NOW))
    assert automatic_name(NOW) == "auto 2026-12-05 0300"
