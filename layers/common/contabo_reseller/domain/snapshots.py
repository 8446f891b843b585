"""Snapshots of a server: Contabo's name rules, what the client area shows, the quota text."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

# Contabo: "letters, numbers, spaces, dashes", at most 30 characters (CreateSnapshotRequest).
SNAPSHOT_NAME = r"^[A-Za-z0-9 -]{1,30}$"
SNAPSHOT_ID = r"^[A-Za-z0-9_-]{1,64}$"

ROLLBACK_WARNING = (
    "Restoring a snapshot replaces everything on the server's disk with the state it was in "
    "when the snapshot was taken; this cannot be undone."
)


class CreateSnapshotRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(
        pattern=SNAPSHOT_NAME,
        description="1-30 letters, digits, spaces or dashes (Contabo's rule)",
    )
    description: str | None = Field(default=None, min_length=1, max_length=255)


class ConfirmRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    confirm: bool = False


class SnapshotView(BaseModel):
    id: str
    name: str
    description: str = ""
    created_at: str | None = None
    expires_at: str | None = None  # Contabo deletes the snapshot on its own then


class SnapshotList(BaseModel):
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
