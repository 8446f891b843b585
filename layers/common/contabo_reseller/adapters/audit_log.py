"""The audit log: one row per lifecycle action and per Contabo call, by service and request id.

Writing the log must never break what it records: a failed write is logged and dropped.
Rows carry no secrets; callers pass paths without query strings and messages without values.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from contabo_reseller.adapters.tables import AuditEntry
from contabo_reseller.observability import logger
from contabo_reseller.settings import get_settings

NO_SERVICE = "-"
_MAX_MESSAGE = 1000


def record(
    *,
    kind: str,
    action: str,
    outcome: str,
    service_id: str | None = None,
    request_id: str | None = None,
    trace_id: str | None = None,
    actor: str | None = None,
    message: str | None = None,
    status_code: int | None = None,
    method: str | None = None,
    path: str | None = None,
    duration_ms: int | None = None,
    now: datetime | None = None,
) -> AuditEntry | None:
    """Write one audit row; returns it, or None when the write failed (already logged)."""
    now = now or datetime.now(UTC)
    entry_id = f"{now.isoformat()}#{uuid.uuid4()}"
    entry = AuditEntry(
        service_id=service_id or NO_SERVICE,
        entry_id=entry_id,
        day=entry_id[:10],
        request_id=request_id or str(uuid.uuid4()),
        trace_id=trace_id,
        kind=kind,
        action=action,
        actor=actor,
        method=method,
        path=path,
        status_code=status_code,
        outcome=outcome,
        duration_ms=duration_ms,
        message=message[:_MAX_MESSAGE] if message else None,
        expires_at=int((now + timedelta(days=get_settings().audit_retention_days)).timestamp()),
    )
    try:
        entry.save()
    except Exception:
        logger.exception(
            "Audit write failed", extra={"audit_action": action, "request_id": entry.request_id}
        )
        return None
    return entry
