"""Where scheduled jobs keep their run lease, their checkpoint and their last run's summary.

- Lease: a tokens-table row ``job-lease#<job>`` taken with a conditional write (free or
  expired), so two runs of one job never overlap.
- Checkpoint: catalog row kind ``checkpoint``, item ``<job>``; saved and cleared only while the
  lease is still ours (a transaction with a condition check on the lease row), so a run that
  lost its lease can never overwrite the next run's progress.
- Last run: catalog row kind ``job_run``, item ``<job>`` (what the admin and /health show).
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

from pynamodb.exceptions import DoesNotExist, TransactWriteError, UpdateError
from pynamodb.transactions import TransactWrite

from contabo_reseller.adapters.tables import CatalogItem, TokenItem

LEASE_PREFIX = "job-lease#"
CHECKPOINT_KIND = "checkpoint"
LAST_RUN_KIND = "job_run"
# A lease row outlives its expiry by a day, then DynamoDB's TTL removes it.
_LEASE_ROW_TTL_SECONDS = 86_400


class LeaseLost(Exception):
    """The run's lease expired and another run took it: this run must stop writing."""


def take_lease(job: str, owner: str, seconds: float) -> bool:
    """Takes the job's run lease for ``seconds``; False if another run holds it."""
    now = time.time()
    try:
        TokenItem(token_id=LEASE_PREFIX + job).update(
            actions=[
                TokenItem.lock_owner.set(owner),
                TokenItem.lock_expires_at.set(now + seconds),
                TokenItem.expires_at.set(int(now + seconds) + _LEASE_ROW_TTL_SECONDS),
            ],
            condition=TokenItem.lock_owner.does_not_exist() | (TokenItem.lock_expires_at < now),
        )
    except UpdateError as error:
        if error.cause_response_code == "ConditionalCheckFailedException":
            return False
        raise
    return True


def release_lease(job: str, owner: str) -> None:
    try:
        TokenItem(token_id=LEASE_PREFIX + job).update(
            actions=[TokenItem.lock_owner.remove(), TokenItem.lock_expires_at.remove()],
            condition=TokenItem.lock_owner == owner,
        )
    except UpdateError as error:
        if error.cause_response_code != "ConditionalCheckFailedException":
            raise
        # Expired and taken by the next run: it is theirs now.


def lease_holder(job: str) -> tuple[str, float] | None:
    """Who holds the job's lease and until when (epoch seconds); None if free or expired."""
    try:
        row = TokenItem.get(LEASE_PREFIX + job, consistent_read=True)
    except DoesNotExist:
        return None
    if not row.lock_owner or (row.lock_expires_at or 0) < time.time():
        return None
    return row.lock_owner, float(row.lock_expires_at or 0)


def load_checkpoint(job: str) -> dict[str, Any] | None:
    try:
        return dict(CatalogItem.get(CHECKPOINT_KIND, job, consistent_read=True).data or {})
    except DoesNotExist:
        return None


def save_checkpoint(job: str, owner: str, checkpoint: dict[str, Any]) -> None:
    """Saves the checkpoint if the lease is still ``owner``'s; raises LeaseLost otherwise."""
    item = CatalogItem(
        kind=CHECKPOINT_KIND, item_id=job, data=checkpoint, synced_at=datetime.now(UTC)
    )
    _fenced(job, owner, lambda tx: tx.save(item))


def clear_checkpoint(job: str, owner: str) -> None:
    """Deletes the checkpoint (the cycle finished) if the lease is still ``owner``'s."""
    _fenced(job, owner, lambda tx: tx.delete(CatalogItem(kind=CHECKPOINT_KIND, item_id=job)))


def save_last_run(job: str, summary: dict[str, Any]) -> None:
    CatalogItem(kind=LAST_RUN_KIND, item_id=job, data=summary, synced_at=datetime.now(UTC)).save()


def last_runs() -> dict[str, dict[str, Any]]:
    return {row.item_id: dict(row.data or {}) for row in CatalogItem.query(LAST_RUN_KIND)}


def _fenced(job: str, owner: str, write: Any) -> None:
    try:
        # The model's own connection: the same endpoint and client pynamodb already uses.
        connection = TokenItem._get_connection().connection
        with TransactWrite(connection=connection) as transaction:
            transaction.condition_check(
                TokenItem, LEASE_PREFIX + job, condition=TokenItem.lock_owner == owner
            )
            write(transaction)
    except TransactWriteError as error:
        reasons = [reason.code for reason in (error.cancellation_reasons or []) if reason]
        if "ConditionalCheckFailed" in reasons:
            raise LeaseLost(f"{job}: the run lease was taken over") from error
        raise
