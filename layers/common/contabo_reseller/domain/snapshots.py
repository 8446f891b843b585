"""Snapshots of a server: Contabo's name rules, what the client area shows, the quota text."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Literal

from pydantic import ConfigDict, Field

from contabo_reseller.domain.model_base import DomainModel

# Contabo: "letters, numbers, spaces, dashes", at most 30 characters (CreateSnapshotRequest).
SNAPSHOT_NAME = r"^[A-Za-z0-9 -]{1,30}$"
SNAPSHOT_ID = r"^[A-Za-z0-9_-]{1,64}$"

ROLLBACK_WARNING = (
    "Restoring a snapshot replaces everything on the server's disk with the state it was in "
    "when the snapshot was taken; this cannot be undone."
)


class CreateSnapshotRequest(DomainModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(
        pattern=SNAPSHOT_NAME,
        description="1-30 letters, digits, spaces or dashes (Contabo's rule)",
    )
    description: str | None = Field(default=None, min_length=1, max_length=255)


class ConfirmRequest(DomainModel):
    model_config = ConfigDict(extra="forbid")

    confirm: bool = False


class SnapshotView(DomainModel):
    id: str
    name: str
    description: str = ""
    created_at: str | None = None
    expires_at: str | None = None  # Contabo deletes the snapshot on its own then


class SnapshotList(DomainModel):
    items: list[SnapshotView]
    limit: int | None = None  # None: only Contabo's own limit applies (its API does not say it)


def quota_message(count: int) -> str:
    noun = "snapshot" if count == 1 else "snapshots"
    return f"This server already has {count} {noun}, the most its plan allows. Delete one first."


def rollback_warning(newer: list[SnapshotView]) -> str:
    if not newer:
        return f"{ROLLBACK_WARNING} Confirm to go ahead."
    names = ", ".join(f"'{s.name}'" for s in newer)
    return (
        f"{ROLLBACK_WARNING} The newer snapshots {names} will be deleted by the provider. "
        "Confirm to go ahead."
    )


# Automatic snapshots ---------------------------------------------------------------------------

# The most automatic snapshots a policy keeps (Contabo's per-server quota is small; the
# product's max_snapshots guardrail and Contabo's answer bound it further).
MAX_AUTOMATIC_KEEP = 10
AUTOMATIC_DESCRIPTION = "Automatic snapshot"
INTERVALS = {"daily": timedelta(days=1), "weekly": timedelta(days=7)}
# A run a little early still counts (schedules fire hourly, never exactly on the minute).
DUE_TOLERANCE = timedelta(minutes=30)


class SnapshotPolicyRequest(DomainModel):
    model_config = ConfigDict(extra="forbid")

    frequency: Literal["off", "daily", "weekly"]
    keep: int = Field(default=3, ge=1, le=MAX_AUTOMATIC_KEEP)


class SnapshotPolicyView(DomainModel):
    frequency: Literal["off", "daily", "weekly"] = "off"
    keep: int = 3
    limit: int | None = None  # the product's snapshot limit (manual ones count too)
    last_taken_at: str | None = None
    next_due_at: str | None = None
    last_error: str | None = None  # the last run's failure, until a run succeeds
    automatic_snapshot_ids: list[str] = Field(default_factory=list)


def automatic_name(now: datetime) -> str:
    """e.g. "auto 2026-12-05 0300" (Contabo's name rule: letters, digits, spaces, dashes)."""
    return now.strftime("auto %Y-%m-%d %H%M")


def next_due(frequency: str, last_taken_at: datetime | None, now: datetime) -> datetime | None:
    if frequency not in INTERVALS:
        return None
    return now if last_taken_at is None else last_taken_at + INTERVALS[frequency]


def is_due(frequency: str, last_taken_at: datetime | None, now: datetime) -> bool:
    due = next_due(frequency, last_taken_at, now)
    return due is not None and due - DUE_TOLERANCE <= now


def to_rotate(automatic_oldest_first: list[str], keep: int, room: int | None) -> list[str]:
    """The automatic snapshots to delete, oldest first, before one more is taken: enough that
    ``keep`` remain with the new one, and that the new one fits in ``room`` (free places under
    the limit; None = no limit known). Snapshots not in the list (the customer's) never are."""
    excess = max(0, len(automatic_oldest_first) + 1 - keep)
    if room is not None:
        excess = max(excess, 1 - room)
    return automatic_oldest_first[: min(excess, len(automatic_oldest_first))]


def limit_message(limit: int) -> str:
    return f"Keep at most {limit} automatic snapshots: this plan allows {limit} snapshots in all."
