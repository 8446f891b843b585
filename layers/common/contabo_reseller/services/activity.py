"""A service's activity: our audit log merged with the provider's audit lists, newest first,
a page at a time (cursor) or all of it as CSV for the admin."""

from __future__ import annotations

import uuid
from typing import Protocol

from contabo_reseller import invocation
from contabo_reseller.adapters import audit_history
from contabo_reseller.adapters.tables import ServiceRecord
from contabo_reseller.domain.activity import (
    ActivityItem,
    ActivityPage,
    Entry,
    decode_cursor,
    merge_page,
    to_csv,
)
from contabo_reseller.domain.errors import DomainError
from contabo_reseller.observability import logger
from contabo_reseller.services.service_policy import readable

CSV_MAX_ROWS = 10_000
_CSV_PAGE = 500
PROVIDER_UNAVAILABLE = (
    "The server's own history could not be read just now; only this panel's entries are shown."
)


class InstanceHistory(Protocol):
    def entries(self, instance_id: int) -> list[Entry]: ...


def history_for(service_id: str, trace_id: str) -> InstanceHistory:
    from contabo_reseller.adapters.contabo.instance_history import ContaboInstanceHistory

    return ContaboInstanceHistory(service_id, trace_id)


def activity(service_id: str, limit: int, cursor: str | None) -> ActivityPage:
    before = decode_cursor(cursor)
    record = readable(service_id)  # the wall first: nothing is read for a service not theirs
    # The provider's history and ours are independent reads: at once, not one after the other.
    (provider, notice), (backend, more) = invocation.concurrently(
        lambda: _provider_entries(record),
        lambda: audit_history.newest(service_id, before, limit),
    )
    provider = [e for e in provider if before is None or e.key < before]
    page = merge_page([backend, provider], limit, more)
    page.notice = notice
    return page


def activity_csv(service_id: str) -> str:
    record = readable(service_id)
    provider, _ = _provider_entries(record)
    items: list[ActivityItem] = []
    before: str | None = None
    while len(items) < CSV_MAX_ROWS:
        backend, more = audit_history.newest(service_id, before, _CSV_PAGE)
        candidates = [e for e in provider if before is None or e.key < before]
        page = merge_page([backend, candidates], _CSV_PAGE, more)
        items += page.items
        if not page.next_cursor:
            break
        before = decode_cursor(page.next_cursor)
    return to_csv(items[:CSV_MAX_ROWS])


def _provider_entries(record: ServiceRecord) -> tuple[list[Entry], str | None]:
    """The instance's provider history; when the provider cannot answer now, ours alone
    (and a notice saying so)."""
    if record.kind != "compute" or not record.resource_id:
        return [], None
    try:
        history = history_for(record.service_id, str(uuid.uuid4()))
        return history.entries(int(record.resource_id)), None
    except DomainError as error:
        logger.warning("provider history not available", extra={"why": error.message})
        return [], PROVIDER_UNAVAILABLE
