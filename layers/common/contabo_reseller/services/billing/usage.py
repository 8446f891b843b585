"""``GET /services/{serviceId}/usage``: the recorded usage of one service, by day."""

from __future__ import annotations

from datetime import date

from contabo_reseller.adapters import service_store, usage_store
from contabo_reseller.domain.errors import InvalidInput
from contabo_reseller.domain.usage import UsageItem, UsageList

MAX_DAYS = 92


def service_usage(
    service_id: str, first: date | None = None, last: date | None = None
) -> UsageList:
    """The latest recorded day, or every recorded day from ``first`` to ``last`` (at most
    ``MAX_DAYS``), newest first. A service not synced yet has no items."""
    service_store.require(service_id)
    if first and last and first > last:
        raise InvalidInput("'from' must not be after 'to'.", message_code="date_range_reversed")
    if first and last and (last - first).days >= MAX_DAYS:
        raise InvalidInput(
            f"Ask for at most {MAX_DAYS} days at a time.",
            message_code="usage_range_too_long",
            params={"days": MAX_DAYS},
        )
    ranged = first is not None or last is not None
    rows = usage_store.days(
        service_id,
        first.isoformat() if first else None,
        last.isoformat() if last else None,
        limit=MAX_DAYS if ranged else 1,
    )
    return UsageList(
        items=[UsageItem(**metric, day=row.day) for row in rows for metric in row.metrics]
    )
