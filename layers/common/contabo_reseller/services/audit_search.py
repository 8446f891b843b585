"""GET /admin/audit: the audit log searched by service, request id, action and date.

A request id names one request (or an action's trace with its Contabo calls); a service id
reads that service's rows; otherwise the search reads day by day (at most 31 days). Each call
examines a bounded number of rows, so a sparse search answers with fewer rows and a cursor.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from contabo_reseller.adapters import audit_search
from contabo_reseller.domain.audit import (
    DAY_END,
    AuditPage,
    AuditQuery,
    AuditRow,
    Found,
    decode_cursor,
    encode_cursor,
    to_csv,
)

EXAMINED_PER_CALL = 1000
CSV_MAX_ROWS = 10_000
CSV_MAX_EXAMINED = 50_000
CSV_PAGE = 200
MORE_MAY_FOLLOW = (
    "{examined} rows were read without filling the page; older rows may still match: "
    "continue with next_cursor."
)


def search(query: AuditQuery, cursor: str | None, now: datetime | None = None) -> AuditPage:
    page, _ = _page(query, decode_cursor(cursor), now or datetime.now(UTC))
    return page


def search_csv(query: AuditQuery, now: datetime | None = None) -> str:
    """Every matching row, newest first, up to ``CSV_MAX_ROWS`` (reading at most
    ``CSV_MAX_EXAMINED`` rows)."""
    moment = now or datetime.now(UTC)
    paged = query.model_copy(update={"limit": CSV_PAGE})
    rows: list[AuditRow] = []
    before: str | None = None
    examined = 0
    while len(rows) < CSV_MAX_ROWS and examined < CSV_MAX_EXAMINED:
        page, read = _page(paged, before, moment)
        rows += page.items
        examined += read
        if not page.next_cursor:
            break
        before = decode_cursor(page.next_cursor)
    return to_csv(rows[:CSV_MAX_ROWS])


def _page(query: AuditQuery, before: str | None, now: datetime) -> tuple[AuditPage, int]:
    """One page and how many rows were examined for it."""
    if query.request_id:
        return _by_request(query, before)
    if query.service_id:
        found = audit_search.by_service(
            query.service_id,
            query.low,
            min(before or query.high, query.high),
            query.action,
            query.limit,
            EXAMINED_PER_CALL,
        )
    else:
        found = _by_days(query, before, now)
        found.rows = [(key, row) for key, row in found.rows if query.visible(row)]
    return _answer(found, query.limit), found.examined


def _by_request(query: AuditQuery, before: str | None) -> tuple[AuditPage, int]:
    rows = audit_search.by_request(query.request_id or "")
    matching = sorted(
        (
            (key, row)
            for key, row in rows
            if query.covers(key, row) and (before is None or key < before)
        ),
        key=lambda pair: pair[0],
        reverse=True,
    )
    shown = matching[: query.limit]
    more = len(matching) > query.limit
    page = AuditPage(
        items=[row for _, row in shown],
        next_cursor=encode_cursor(shown[-1][0]) if more else None,
    )
    return page, len(rows)


def _by_days(query: AuditQuery, before: str | None, now: datetime) -> Found:
    start = min(before or query.high, query.high)
    days = [day for day in query.days(now) if day <= start[:10]]
    collected = Found()
    for index, day in enumerate(days):
        budget = EXAMINED_PER_CALL - collected.examined
        if budget <= 0:
            collected.resume_before = day + DAY_END  # this day is next, from its end
            break
        found = audit_search.by_day(
            day,
            max(query.low, day),
            min(start, day + DAY_END),
            query.action,
            query.limit - len(collected.rows),
            budget,
        )
        collected.rows += found.rows
        collected.examined += found.examined
        if found.resume_before:
            collected.resume_before = found.resume_before
            break
        if len(collected.rows) == query.limit and index + 1 < len(days):
            collected.resume_before = _day_before(day) + DAY_END
            break
    return collected


def _answer(found: Found, limit: int) -> AuditPage:
    page = AuditPage(
        items=[row for _, row in found.rows],
        next_cursor=encode_cursor(found.resume_before) if found.resume_before else None,
    )
    if page.next_cursor and len(page.items) < limit:
        page.notice = MORE_MAY_FOLLOW.format(examined=found.examined)
    return page


def _day_before(day: str) -> str:
    return (date.fromisoformat(day) - timedelta(days=1)).isoformat()
