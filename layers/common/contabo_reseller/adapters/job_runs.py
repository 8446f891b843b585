"""Remembers when each scheduled job last ran, so /health can show the schedules are alive."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from pynamodb.exceptions import DoesNotExist

from contabo_reseller.adapters.tables import TokenItem

_PREFIX = "job-run#"


def record_run(job_name: str, outcome: str, at: datetime | None = None) -> None:
    moment = (at or datetime.now(UTC)).isoformat()
    TokenItem(token_id=_PREFIX + job_name, value=f"{moment} {outcome}").save()


def last_runs(job_names: Iterable[str]) -> dict[str, dict[str, str]]:
    """The last run of each named job that ran at least once: one batch of key reads (no scan),
    not a round trip per job."""
    names = list(dict.fromkeys(job_names))  # a batch may not name a key twice
    found = {item.token_id: item for item in TokenItem.batch_get([_PREFIX + n for n in names])}
    return {name: _run(found[_PREFIX + name]) for name in names if _PREFIX + name in found}


def last_run(job_name: str) -> dict[str, str] | None:
    """One job's last run (a key read)."""
    try:
        return _run(TokenItem.get(_PREFIX + job_name))
    except DoesNotExist:
        return None


def _run(item: TokenItem) -> dict[str, str]:
    moment, _, outcome = (item.value or "").partition(" ")
    return {"at": moment, "outcome": outcome}
