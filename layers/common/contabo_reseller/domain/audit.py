"""The admin's audit search: what may be asked, what a row shows, the cursor, the CSV.

Rows are ordered by their key ``<ISO time in UTC>#<unique id>`` (newest first), so a cursor
is the key of the last row examined: the next page holds rows whose key sorts below it.
Rows carry no secrets (see adapters.audit_log); the CSV escapes cells a spreadsheet would run.
"""

from __future__ import annotations

import base64
import binascii
import csv
import io
import json
from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated, Self

from pydantic import ConfigDict, Field, StringConstraints, model_validator

from contabo_reseller.domain import installations
from contabo_reseller.domain.errors import InvalidInput
from contabo_reseller.domain.model_base import DomainModel

# A date search without a service or request id reads one index partition per day.
MAX_DAYS = 31
DEFAULT_DAYS = 7
CSV_COLUMNS = (
    "at",
    "service_id",
    "kind",
    "action",
    "outcome",
    "actor",
    "method",
    "path",
    "status_code",
    "duration_ms",
    "request_id",
    "trace_id",
    "message",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Sorts after every key of the same day ("YYYY-MM-DDT...#..."), so "<day>~" ends that day.
DAY_END = "~"


class AuditQuery(DomainModel):
    """The search; ``since``/``until`` are inclusive."""

    model_config = ConfigDict(extra="forbid")

    # A service key (domain/installations.py), or "-": entries about no service.
    service_id: (
        Annotated[str, StringConstraints(pattern=r"^((?:[a-z][a-z0-9-]{0,31}\.)?[0-9]{1,12}|-)$")]
        | None
    ) = None
    action: Annotated[str, StringConstraints(min_length=1, max_length=100)] | None = None
    request_id: Annotated[str, StringConstraints(min_length=1, max_length=100)] | None = None
    since: datetime | None = None
    until: datetime | None = None
    limit: int = Field(default=50, ge=1, le=200)
    # The WHMCS installation whose admin asks: other installations' service rows stay hidden.
    installation: str | None = None

    @classmethod
    def of(
        cls,
        *,
        service_id: str | None = None,
        action: str | None = None,
        request_id: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 50,
        installation: str | None = None,
    ) -> AuditQuery:
        """From the route's query strings; a date alone means its whole day (UTC)."""
        return cls(
            service_id=service_id or None,
            action=action or None,
            request_id=request_id or None,
            since=parse_moment(since, end_of_day=False) if since else None,
            until=parse_moment(until, end_of_day=True) if until else None,
            limit=limit,
            installation=installation,
        )

    @model_validator(mode="after")
    def _window(self) -> Self:
        if self.since and self.until and self.since > self.until:
            raise InvalidInput(
                "'from' is after 'to': swap them.", message_code="date_range_reversed"
            )
        return self

    @property
    def low(self) -> str:
        """The smallest key in the window ("0" sorts before any time)."""
        return utc_iso(self.since) if self.since else "0"

    @property
    def high(self) -> str:
        """A key just above every row at or before ``until``."""
        return (utc_iso(self.until) if self.until else "9") + DAY_END

    def visible(self, row: AuditRow) -> bool:
        """Rows about no service are every admin's; a service's, its installation's."""
        return (
            self.installation is None
            or row.service_id in (None, "-")
            or installations.belongs_to(row.service_id, self.installation)
        )

    def covers(self, key: str, row: AuditRow) -> bool:
        return (
            self.visible(row)
            and (self.service_id is None or (row.service_id or "-") == self.service_id)
            and (self.action is None or row.action == self.action)
            and self.low <= key < self.high
        )

    def days(self, now: datetime) -> list[str]:
        """The UTC days a date search reads, newest first (at most ``MAX_DAYS``)."""
        last = (self.until or now).astimezone(UTC).date()
        first = (
            self.since.astimezone(UTC).date()
            if self.since
            else last - timedelta(days=DEFAULT_DAYS - 1)
        )
        count = (last - first).days + 1
        if count > MAX_DAYS:
            raise InvalidInput(
                f"Without a service id or request id the search covers at most {MAX_DAYS} "
                "days: narrow 'from' and 'to', or name a service.",
                message_code="audit_search_too_long",
                params={"days": MAX_DAYS},
            )
        return [(last - timedelta(days=offset)).isoformat() for offset in range(count)]


def parse_moment(text: str, *, end_of_day: bool) -> datetime:
    """An ISO date or date-time (UTC unless it says otherwise); a date alone is its first
    (or, for ``to``, last) moment."""
    value = text.strip()
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            return datetime.combine(day, time.max if end_of_day else time.min, tzinfo=UTC)
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise InvalidInput(
            f"'{value[:40]}' is not a date: use 2026-03-01 or 2026-03-01T14:30:00Z.",
            message_code="date_invalid",
            params={"value": value[:40]},
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def utc_iso(moment: datetime) -> str:
    """The same text audit_log writes for the same instant (``datetime.isoformat`` in UTC)."""
    return moment.astimezone(UTC).isoformat()


class AuditRow(DomainModel):
    at: str
    service_id: str | None  # None: not about one service (token requests, catalog changes)
    kind: str
    action: str
    outcome: str
    actor: str | None = None
    method: str | None = None
    path: str | None = None
    status_code: int | None = None
    duration_ms: int | None = None
    request_id: str
    trace_id: str | None = None
    message: str | None = None


class AuditPage(DomainModel):
    items: list[AuditRow]
    next_cursor: str | None = None
    notice: str | None = None


class Found(DomainModel):
    """Rows read for one page and where the reading stopped (the next page's cursor key)."""

    rows: list[tuple[str, AuditRow]] = Field(default_factory=list)  # (key, row)
    resume_before: str | None = None  # None: nothing older is left to read
    examined: int = 0


def encode_cursor(before: str) -> str:
    return base64.urlsafe_b64encode(json.dumps({"before": before}).encode()).decode()


def decode_cursor(cursor: str | None) -> str | None:
    if not cursor:
        return None
    try:
        before = json.loads(base64.urlsafe_b64decode(cursor.encode()))["before"]
    except (binascii.Error, UnicodeDecodeError, ValueError, KeyError, TypeError):
        before = None
    if not isinstance(before, str) or not before:
        raise InvalidInput(
            "The cursor is not valid; start the search again.", message_code="cursor_invalid"
        )
    return before


def to_csv(rows: list[AuditRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        values = row.model_dump()
        writer.writerow([_cell(values[column]) for column in CSV_COLUMNS])
    return out.getvalue()


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text
