"""Reading one service's audit rows back, newest first, as activity entries.

Left out: Contabo read calls (GET) and token requests, which change nothing; the admin's
audit search keeps them. Rows carry no secrets (see adapters.audit_log).
"""

from __future__ import annotations

from pynamodb.exceptions import PynamoDBException

from contabo_reseller.adapters.tables import AuditEntry
from contabo_reseller.domain.activity import ActivityItem, Entry
from contabo_reseller.domain.errors import UpstreamUnavailable

_CHANGES = (AuditEntry.kind != "contabo_call") | (
    (AuditEntry.method != "GET") & (AuditEntry.action != "accessToken")
)
_PAGE_SIZE = 100


def newest(service_id: str, before: str | None, limit: int) -> tuple[list[Entry], bool]:
    """Up to ``limit`` entries whose key sorts below ``before``; True when more are older."""
    try:
        rows = list(
            AuditEntry.query(
                service_id,
                range_key_condition=AuditEntry.entry_id < before if before else None,
                filter_condition=_CHANGES,
                scan_index_forward=False,
                limit=limit + 1,
                page_size=min(max(limit + 1, 10), _PAGE_SIZE),
            )
        )
    except PynamoDBException as error:
        raise UpstreamUnavailable(
            "The audit log is not reachable; try again.", message_code="audit_log_unreachable"
        ) from error
    return [_entry(row) for row in rows[:limit]], len(rows) > limit


def _entry(row: AuditEntry) -> Entry:
    at = row.entry_id.split("#", 1)[0]
    if row.kind == "contabo_call":
        message = f"{row.method} {row.path} -> {row.status_code or 'no answer'}"
        message += f": {row.message}" if row.message else ""
    else:
        message = row.message or ""
    item = ActivityItem(
        at=at,
        source="backend",
        action=row.action,
        actor=row.actor or "backend",
        outcome=row.outcome,
        request_id=row.request_id,
        message=message,
    )
    return Entry(key=row.entry_id, item=item)
