"""Usage rows (the usage table) and the services the usage sync visits, in id order."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from pynamodb.exceptions import PynamoDBException
from pynamodb.expressions.condition import Condition

from contabo_reseller.adapters.tables import ServiceRecord, UsageRecord
from contabo_reseller.domain.errors import UpstreamUnavailable

# Thirteen months: a year back plus the month being billed.
RETENTION_DAYS = 400
UNREACHABLE = "The usage database is not reachable; try again."


def save(
    service_id: str, day: str, metrics: list[dict[str, Any]], now: datetime | None = None
) -> None:
    """Writes (or rewrites: a rerun of the day is the same row) one service's day."""
    moment = now or datetime.now(UTC)
    UsageRecord(
        service_id=service_id,
        day=day,
        metrics=metrics,
        collected_at=moment,
        expires_at=int((moment + timedelta(days=RETENTION_DAYS)).timestamp()),
    ).save()


def days(service_id: str, first: str | None, last: str | None, limit: int) -> list[UsageRecord]:
    """The service's rows between two days (inclusive), newest first."""
    condition: Condition | None = None
    if first and last:
        condition = UsageRecord.day.between(first, last)
    elif first:
        condition = UsageRecord.day >= first
    elif last:
        condition = UsageRecord.day <= last
    try:
        return list(
            UsageRecord.query(
                service_id, condition, scan_index_forward=False, limit=limit, consistent_read=True
            )
        )
    except PynamoDBException as error:
        raise UpstreamUnavailable(UNREACHABLE, message_code="database_unreachable") from error


def active_services_after(after: str | None) -> Iterator[ServiceRecord]:
    """Active services (suspended ones included: they still hold what they use) with an id
    after ``after``, in id order, so a run can resume where the last one stopped."""
    condition = ServiceRecord.service_id > after if after else None
    return ServiceRecord.by_state.query("active", condition)
