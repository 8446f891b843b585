"""The action queue's retry schedule and handler registry (pure parts)."""

from __future__ import annotations

import pytest

from contabo_reseller.services.jobs import action_queue


def test_backoff_doubles_from_a_minute_up_to_an_hour():
    waits = [action_queue.backoff_seconds(attempt) for attempt in range(1, 10)]
    assert waits == [60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]


def test_one_handler_per_action():
    @action_queue.handles("unit_test_action")
    def first(job):
        return None

    assert action_queue.handles("unit_test_action")(first) is first  # registering again is fine
    with pytest.raises(ValueError, match="already has a handler"):

        @action_queue.handles("unit_test_action")
        def second(job):
            return None


def test_the_shipped_handlers_load():
    assert "terminate_cleanup" in action_queue.load_handlers()
