"""A service's history: our audit rows and the provider's audit entries, newest first.

Entries from both sources are ordered by one sort key, ``<ISO time in UTC>#<unique id>``,
which is also the cursor: the next page holds the entries whose key sorts below the last one
sent. Nothing here holds a secret: messages name what changed, never values.
"""

from __future__ import annotations

import base64
import binascii
import csv
import io
from datetime import UTC, datetime
from typing import Literal

from contabo_reseller.domain.errors import InvalidInput
from contabo_reseller.domain.model_base import DomainModel

CSV_COLUMNS = ("at", "source", "action", "actor", "outcome", "request_id", "message")
# A cell a spreadsheet would run as a formula is written as text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ActivityItem(DomainModel):
    at: str
    source: Literal["backend", "contabo"]
    action: str
    actor: str
    outcome: str
    request_id: str
    message: str = ""


class ActivityPage(DomainModel):
    items: list[ActivityItem]
    next_cursor: str | None = None
    notice: str | None = None  # set when a source could not be read


class Entry(DomainModel):
    """An item with its sort key (never sent)."""

    key: str
    item: ActivityItem


def sort_key(at: datetime, unique: str) -> str:
    return f"{utc_iso(at)}#{unique}"


def utc_iso(at: datetime) -> str:
    """UTC ISO 8601, the same text for the same instant from either source."""
    moment = at if at.tzinfo else at.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat()


def encode_cursor(key: str) -> str:
    return base64.urlsafe_b64encode(key.encode()).decode()


def decode_cursor(cursor: str | None) -> str | None:
    if not cursor:
        return None
    try:
        key = base64.urlsafe_b64decode(cursor.encode()).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        key = ""
    if "#" not in key:
        raise InvalidInput(
            "The cursor is not valid; start the listing again.", message_code="cursor_invalid"
        )
    return key


def merge_page(sources: list[list[Entry]], limit: int, more_beyond: bool = False) -> ActivityPage:
    """The newest ``limit`` entries of all sources; ``more_beyond``: a source holds older
    entries than those it handed in."""
    merged = sorted((e for entries in sources for e in entries), key=lambda e: e.key, reverse=True)
    page = merged[:limit]
    has_more = len(merged) > limit or more_beyond
    return ActivityPage(
        items=[entry.item for entry in page],
        next_cursor=encode_cursor(page[-1].key) if page and has_more else None,
    )


def to_csv(items: list[ActivityItem]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for item in items:
        row = item.model_dump()
        writer.writerow([_cell(str(row[column])) for column in CSV_COLUMNS])
    return out.getvalue()


def _cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value
