"""Runs the template's scheduled functions (``Schedule`` and ``ScheduleV2`` events) locally.

Expressions are EventBridge's: ``rate(N unit)`` and six-field ``cron(...)``. cron is parsed by
croniter (pallets-eco, maintained, pure Python): day-of-month/day-of-week/L/# are easy to get
wrong by hand. Time runs ``speedup`` times faster on a virtual clock, so every period is divided
alike, rate or cron. A run still going when its schedule fires again is skipped, not queued.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from local.stack.functions import ACCOUNT_ID, LocalFunction
from local.stack.jobs import job_names
from local.stack.template import LocalNames, function_events, resolve

SCHEDULE_EVENT_TYPES = {"Schedule", "ScheduleV2"}
_RATE = re.compile(r"^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$")
_CRON = re.compile(r"^cron\((.+)\)$")
_UNIT_SECONDS = {"minute": 60, "hour": 3600, "day": 86400}

log = logging.getLogger("local.stack")


class ScheduleExpression:
    """When an EventBridge schedule expression fires next, strictly after a moment."""

    def __init__(self, expression: str, timezone: str = "UTC") -> None:
        self.expression = expression
        self.timezone = ZoneInfo(timezone)
        rate = _RATE.match(expression)
        cron = _CRON.match(expression)
        if rate:
            value, unit = int(rate.group(1)), rate.group(2)
            if value < 1 or (value == 1) != (not unit.endswith("s")):
                raise ValueError(f"{expression}: use 'rate(1 minute)' or 'rate(N minutes)'")
            self.period: timedelta | None = timedelta(
                seconds=value * _UNIT_SECONDS[unit.rstrip("s")]
            )
            self._cron = ""
            self._years = ""
        elif cron:
            self.period = None
            self._cron, self._years = _to_croniter(cron.group(1), expression)
        else:
            raise ValueError(f"{expression}: not a rate(...) or cron(...) expression")

    def next_after(self, moment: datetime) -> datetime | None:
        """The next fire time after ``moment``; None if a cron's years are all past."""
        if self.period is not None:
            return moment + self.period
        from croniter import croniter

        iterator = croniter(self._cron, moment.astimezone(self.timezone))
        for _ in range(10_000):
            candidate: datetime = iterator.get_next(datetime)
            if _year_matches(self._years, candidate.year):
                return candidate.astimezone(UTC)
            if _years_exhausted(self._years, candidate.year):
                return None
        return None


def _to_croniter(fields_text: str, expression: str) -> tuple[str, str]:
    """EventBridge's six fields -> croniter's five (plus the year, checked separately).

    EventBridge numbers days of the week 1-7 from Sunday, cron 0-6; names are the same.
    """
    fields = fields_text.split()
    if len(fields) != 6:
        raise ValueError(f"{expression}: cron needs 6 fields (min hour day month weekday year)")
    minute, hour, day, month, weekday, year = fields
    if "?" not in (day, weekday):
        raise ValueError(f"{expression}: day-of-month or day-of-week must be '?'")
    # Shift day numbers only: not the step after '/' nor the nth after '#'.
    weekday = re.sub(r"(?<![/#\d])\d+", lambda m: str(int(m.group()) - 1), weekday)
    cron = " ".join(("*" if f == "?" else f) for f in (minute, hour, day, month, weekday))
    from croniter import croniter

    if not croniter.is_valid(cron):
        raise ValueError(f"{expression}: not a valid cron expression")
    return cron, year


def _year_matches(years: str, year: int) -> bool:
    if years in ("*", "?"):
        return True
    for part in years.split(","):
        low, _, high = part.partition("-")
        if int(low) <= year <= int(high or low):
            return True
    return False


def _years_exhausted(years: str, year: int) -> bool:
    if years in ("*", "?"):
        return False
    return all(year > int(part.partition("-")[2] or part) for part in years.split(","))


@dataclass
class ScheduledFunction:
    function_id: str
    name: str
    event_type: str  # Schedule (EventBridge rule) or ScheduleV2 (EventBridge Scheduler)
    expression: ScheduleExpression
    input: str | None
    region: str

    def event(self, at: datetime) -> Any:
        """What the function receives: the Input if set, else the service's own notification."""
        if self.input is not None:
            return json.loads(self.input)
        scheduler = self.event_type == "ScheduleV2"
        resource = (
            f"arn:aws:scheduler:{self.region}:{ACCOUNT_ID}:schedule/default/{self.name}"
            if scheduler
            else f"arn:aws:events:{self.region}:{ACCOUNT_ID}:rule/{self.name}"
        )
        return {
            "version": "0",
            "id": str(uuid.uuid4()),
            "detail-type": "Scheduled Event",
            "source": "aws.scheduler" if scheduler else "aws.events",
            "account": ACCOUNT_ID,
            "time": at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "region": self.region,
            "resources": [resource],
            "detail": "{}" if scheduler else {},
        }


def scheduled_functions(template: dict[str, Any], names: LocalNames) -> list[ScheduledFunction]:
    """Every enabled Schedule/ScheduleV2 event in the template."""
    found = []
    for function_id, event_name, properties in function_events(template, SCHEDULE_EVENT_TYPES):
        event_type = template["Resources"][function_id]["Properties"]["Events"][event_name]["Type"]
        if properties.get("Enabled") is False or properties.get("State") == "DISABLED":
            continue
        name = resolve(properties.get("Name", f"{function_id}{event_name}"), template, names)
        found.append(
            ScheduledFunction(
                function_id=function_id,
                name=str(name),
                event_type=event_type,
                expression=ScheduleExpression(
                    properties["ScheduleExpression"],
                    properties.get("ScheduleExpressionTimezone", "UTC"),
                ),
                input=properties.get("Input"),
                region=names.region,
            )
        )
    return found


class Scheduler:
    """Fires each schedule on a virtual clock ``speedup`` times faster than the wall clock."""

    def __init__(
        self,
        schedules: list[ScheduledFunction],
        functions: dict[str, LocalFunction],
        speedup: float = 1.0,
    ) -> None:
        if speedup <= 0:
            raise ValueError("speedup must be positive")
        self.schedules = schedules
        self.functions = functions
        self.speedup = speedup
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._running: dict[str, threading.Thread] = {}
        self._started_real = time.monotonic()
        self._started_virtual = datetime.now(UTC)
        # The jobs' short names (as in the admin API) for the one line per run.
        self._job_names = {function_id: name for name, function_id in job_names().items()}

    def virtual_now(self) -> datetime:
        elapsed = (time.monotonic() - self._started_real) * self.speedup
        return self._started_virtual + timedelta(seconds=elapsed)

    def run_now(
        self, function_id: str, schedule: ScheduledFunction | None = None
    ) -> dict[str, Any]:
        """Runs a scheduled function once, now, and reports how it went."""
        schedule = schedule or next(
            (s for s in self.schedules if s.function_id == function_id), None
        )
        if schedule is None:
            raise KeyError(function_id)
        function = self.functions[function_id]
        started = time.monotonic()
        outcome: dict[str, Any] = {
            "function": function_id,
            "schedule": schedule.expression.expression,
        }
        try:
            outcome["result"] = function.invoke(schedule.event(self.virtual_now()))
            outcome["status"] = "ok"
        except Exception as error:
            log.exception("%s failed", function_id)
            outcome["status"] = "error"
            outcome["error"] = str(error)
        outcome["ms"] = round((time.monotonic() - started) * 1000)
        log.info(
            "job %s %s %sms  %s %s",
            self._job_names.get(function_id, function_id),
            outcome["status"],
            outcome["ms"],
            function_id,
            outcome["schedule"],
        )
        return outcome

    def start(self) -> Scheduler:
        self._thread = threading.Thread(target=self._loop, name="local-scheduler", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        for thread in list(self._running.values()):
            thread.join()

    def _loop(self) -> None:
        due = {id(s): s.expression.next_after(self.virtual_now()) for s in self.schedules}
        while not self._stop.is_set():
            pending = [(at, s) for s in self.schedules if (at := due[id(s)]) is not None]
            if not pending:
                self._stop.wait()
                return
            at, schedule = min(pending, key=lambda item: item[0])
            wait_seconds = (at - self.virtual_now()).total_seconds() / self.speedup
            if wait_seconds > 0 and self._stop.wait(wait_seconds):
                return
            due[id(schedule)] = schedule.expression.next_after(at)
            self._fire(schedule)

    def _fire(self, schedule: ScheduledFunction) -> None:
        previous = self._running.get(schedule.function_id)
        if previous is not None and previous.is_alive():
            log.info(
                "%s %s skipped: the previous run is still going",
                schedule.function_id,
                schedule.expression.expression,
            )
            return
        thread = threading.Thread(
            target=self.run_now, args=(schedule.function_id, schedule), daemon=True
        )
        self._running[schedule.function_id] = thread
        thread.start()
