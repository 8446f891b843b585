"""Reading the audit table for the admin's search, newest first and bounded per call.

Three ways in, each using a key or an index: one service (the table's hash key), one request
or action trace (the by_request_id index), or days (the by_day index). Every call examines at
most ``budget`` rows; where it stopped is handed back so the next call continues there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pynamodb.exceptions import PynamoDBException
from pynamodb.expressions.condition import Condition
from pynamodb.pagination import ResultIterator

from contabo_reseller.adapters.audit_log import NO_SERVICE
from contabo_reseller.adapters.tables import AuditEntry
from contabo_reseller.domain.audit import AuditRow, Found
from contabo_reseller.domain.errors import UpstreamUnavailable

# One request's rows plus the Contabo calls of its trace: far fewer in practice.
REQUEST_ROWS_MAX = 1000
_PAGE_SIZE = 200
_UNREACHABLE = "The audit log is not reachable; try again."


def by_request(request_id: str) -> list[tuple[str, AuditRow]]:
    """Rows with this request id and, for an action's trace id, the Contabo calls it made
    (they carry it as trace_id, with request ids of their own)."""
    try:
        found = list(AuditEntry.by_request_id.query(request_id, limit=REQUEST_ROWS_MAX))
        for service_id in sorted({row.service_id for row in found}):
            found += AuditEntry.query(
                service_id,
                filter_condition=(AuditEntry.trace_id == request_id)
                & (AuditEntry.request_id != request_id),
                limit=REQUEST_ROWS_MAX,
            )
    except PynamoDBException as error:
        raise UpstreamUnavailable(_UNREACHABLE, message_code="audit_log_unreachable") from error
    return [(row.entry_id, _row(row)) for row in found[:REQUEST_ROWS_MAX]]


def by_service(
    service_id: str,
    low: str,
    before: str,
    action: str | None,
    limit: int,
    budget: int,
) -> Found:
    """Up to ``limit`` rows of one service with ``low <= key < before``."""
    return _read(
        lambda page_size: AuditEntry.query(
            service_id,
            range_key_condition=AuditEntry.entry_id.between(low, before),
            filter_condition=_action(action),
            scan_index_forward=False,
            page_size=page_size,
        ),
        before,
        limit,
        budget,
    )


def by_day(day: str, low: str, before: str, action: str | None, limit: int, budget: int) -> Found:
    """Up to ``limit`` rows written on ``day`` (UTC) with ``low <= key < before``."""
    return _read(
        lambda page_size: AuditEntry.by_day.query(
            day,
            range_key_condition=AuditEntry.entry_id.between(low, before),
            filter_condition=_action(action),
            scan_index_forward=False,
            page_size=page_size,
        ),
        before,
        limit,
        budget,
    )


def _read(
    query: Callable[[int], ResultIterator[AuditEntry]],
    before: str,
    limit: int,
    budget: int,
) -> Found:
    """Reads pages until ``limit`` rows match or ``budget`` rows were examined. The resume
    key is the last row kept (a full page) or the last row examined (budget spent)."""
    found = Found()
    try:
        pages = query(min(_PAGE_SIZE, budget)).page_iter
        while found.examined < budget:
            pages.page_size = min(_PAGE_SIZE, budget - found.examined)
            page: dict[str, Any] = next(pages)
            found.examined += int(page.get("ScannedCount", 0))
            for raw in page.get("Items", []):
                row = AuditEntry.from_raw_data(raw)
                if row.entry_id >= before:  # BETWEEN includes the previous page's last key
                    continue
                found.rows.append((row.entry_id, _row(row)))
                if len(found.rows) == limit:
                    found.resume_before = row.entry_id
                    return found
            last = pages.last_evaluated_key
            found.resume_before = last["entry_id"]["S"] if last else None
            if last is None:
                return found
    except PynamoDBException as error:
        raise UpstreamUnavailable(_UNREACHABLE, message_code="audit_log_unreachable") from error
    return found


def _action(action: str | None) -> Condition | None:
    return AuditEntry.action == action if action else None


def _row(entry: AuditEntry) -> AuditRow:
    return AuditRow(
        at=entry.entry_id.split("#", 1)[0],
        service_id=None if entry.service_id == NO_SERVICE else entry.service_id,
        kind=entry.kind,
        action=entry.action,
        outcome=entry.outcome,
        actor=entry.actor,
        method=entry.method,
        path=entry.path,
        status_code=int(entry.status_code) if entry.status_code is not None else None,
        duration_ms=int(entry.duration_ms) if entry.duration_ms is not None else None,
        request_id=entry.request_id,
        trace_id=entry.trace_id,
        message=entry.message,
    )
