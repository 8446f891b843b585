"""EventBridge schedule expressions, the events scheduled functions receive, and speedup."""

import json
import time
from datetime import UTC, datetime, timedelta

import pytest

from local.stack.scheduler import (
    ScheduledFunction,
    ScheduleExpression,
    Scheduler,
    scheduled_functions,
)
from local.stack.template import LocalNames, load_template

MOMENT = datetime(2026, 3, 4, 10, 7, 30, tzinfo=UTC)  # a Wednesday


@pytest.mark.parametrize(
    ("expression", "period"),
    [
        ("rate(1 minute)", timedelta(minutes=1)),
        ("rate(5 minutes)", timedelta(minutes=5)),
        ("rate(1 hour)", timedelta(hours=1)),
        ("rate(12 hours)", timedelta(hours=12)),
        ("rate(1 day)", timedelta(days=1)),
        ("rate(7 days)", timedelta(days=7)),
    ],
)
def test_rate_fires_one_period_later(expression, period):
    assert ScheduleExpression(expression).next_after(MOMENT) == MOMENT + period


@pytest.mark.parametrize(
    "expression",
    ["rate(5 minute)", "rate(1 minutes)", "rate(0 minutes)", "rate(5 weeks)", "every 5 minutes"],
)
def test_invalid_expressions_are_refused_like_eventbridge_would(expression):
    with pytest.raises(ValueError):
        ScheduleExpression(expression)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("cron(0/15 * * * ? *)", datetime(2026, 3, 4, 10, 15, tzinfo=UTC)),
        ("cron(0 12 * * ? *)", datetime(2026, 3, 4, 12, 0, tzinfo=UTC)),
        # EventBridge numbers weekdays from Sunday = 1: 2-6 is Monday to Friday.
        ("cron(0 9 ? * 2-6 *)", datetime(2026, 3, 5, 9, 0, tzinfo=UTC)),
        ("cron(0 9 ? * 1 *)", datetime(2026, 3, 8, 9, 0, tzinfo=UTC)),  # Sunday
        ("cron(0 9 ? * MON-FRI *)", datetime(2026, 3, 5, 9, 0, tzinfo=UTC)),
        ("cron(0 8 1 * ? *)", datetime(2026, 4, 1, 8, 0, tzinfo=UTC)),
        ("cron(0 8 1 * ? 2027)", datetime(2027, 1, 1, 8, 0, tzinfo=UTC)),
        ("cron(30 10 ? * 6#1 *)", datetime(2026, 3, 6, 10, 30, tzinfo=UTC)),  # first Friday
    ],
)
def test_cron_in_eventbridge_six_field_syntax(expression, expected):
    assert ScheduleExpression(expression).next_after(MOMENT) == expected


def test_cron_in_a_time_zone():
    expression = ScheduleExpression("cron(0 9 * * ? *)", "Europe/Berlin")
    assert expression.next_after(MOMENT) == datetime(2026, 3, 5, 8, 0, tzinfo=UTC)


def test_cron_whose_years_are_past_never_fires():
    assert ScheduleExpression("cron(0 8 1 * ? 2020)").next_after(MOMENT) is None


@pytest.mark.parametrize("expression", ["cron(0 12 * * *)", "cron(0 12 * * 1 *)"])
def test_cron_needs_six_fields_and_a_question_mark(expression):
    with pytest.raises(ValueError):
        ScheduleExpression(expression)


def test_every_schedule_in_the_template_is_found_and_parses():
    template = load_template()
    schedules = scheduled_functions(template, LocalNames())
    declared = {
        function_id
        for function_id, resource in template["Resources"].items()
        if resource["Type"] == "AWS::Serverless::Function"
        for event in (resource["Properties"].get("Events") or {}).values()
        if event["Type"] in ("Schedule", "ScheduleV2")
    }
    assert {s.function_id for s in schedules} == declared
    heartbeat = next(s for s in schedules if s.function_id == "ScheduleHeartbeatFunction")
    assert heartbeat.name == "local-schedule-heartbeat"  # !Sub ${AWS::StackName}-...
    assert heartbeat.expression.period == timedelta(minutes=5)


def _schedule(event_type="ScheduleV2", input_text=None):
    return ScheduledFunction(
        "JobFunction",
        "local-job",
        event_type,
        ScheduleExpression("rate(1 minute)"),
        input_text,
        "eu-central-1",
    )


def test_scheduler_v2_event_is_the_default_notification():
    event = _schedule().event(MOMENT)
    assert event["source"] == "aws.scheduler"
    assert event["detail-type"] == "Scheduled Event"
    assert event["time"] == "2026-03-04T10:07:30Z"
    assert event["resources"] == [
        "arn:aws:scheduler:eu-central-1:123456789012:schedule/default/local-job"
    ]


def test_eventbridge_rule_event_and_explicit_input():
    assert _schedule("Schedule").event(MOMENT)["source"] == "aws.events"
    assert _schedule(input_text='{"batch": 5}').event(MOMENT) == {"batch": 5}


class _CountingFunction:
    def __init__(self):
        self.events = []

    def invoke(self, event, limit_seconds=None):
        self.events.append(event)
        return {"ok": True}


def test_speedup_divides_the_period():
    function = _CountingFunction()
    scheduler = Scheduler([_schedule()], {"JobFunction": function}, speedup=600)  # 0.1 s
    scheduler.start()
    time.sleep(0.55)
    scheduler.stop()
    assert 3 <= len(function.events) <= 6
    assert all(json.dumps(e) for e in function.events)


def test_run_now_reports_the_outcome_and_unknown_jobs_raise():
    function = _CountingFunction()
    scheduler = Scheduler([_schedule()], {"JobFunction": function})
    outcome = scheduler.run_now("JobFunction")
    assert outcome["status"] == "ok" and outcome["result"] == {"ok": True}
    with pytest.raises(KeyError):
        scheduler.run_now("Nope")
