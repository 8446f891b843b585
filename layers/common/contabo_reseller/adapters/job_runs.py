"""Remembers when each scheduled job last ran, so /health can show the schedules are alive."""

from __future__ import annotations

from datetime import UTC, datetime

from pynamodb.exceptions import DoesNotExist

from contabo_reseller.adapters.tables import TokenItem

_PREFIX = "job-run#"


def record_run(job_name: str, outcome: str, at: datetime | None = None) -> None:
    moment = (at or datetime.now(UTC)).isoformat()
    TokenItem(token_id=_PREFIX + job_name, value=f"{moment} {outcome}").save()


def last_runs() -> dict[str, dict[str, str]]:
    runs = {}
    for item in TokenItem.scan(TokenItem.token_id.startswith(_PREFIX)):
        moment, _, outcome = (item.value or "").partition(" ")
        runs[item.token_id.removeprefix(_PREFIX)] = {"at": moment, "outcome": outcome}
    return runs


def last_run(job_name: str) -> dict[str, str] | None:
    """One job's last run (a key read, not the scan ``last_runs`` makes)."""
    try:
        item = TokenItem.get(_PREFIX + job_name)
    except DoesNotExist:
        return None
    moment, _, outcome = (item.value or "").partition(" ")
    return {"at": moment, "outcome": outcome}
