"""Snapshots of a service's own server: list (with the date Contabo deletes each), create
within the limits (Contabo's quota and the product's guardrail), roll back (confirmed;
Contabo deletes every newer snapshot), delete. Snapshot ids are looked up on the service's
own instance only, so another server's snapshot is simply not found."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from contabo_reseller.adapters import service_store
from contabo_reseller.domain.errors import ActionRefused, NotFound, QuotaExceeded
from contabo_reseller.domain.service import Deleted, ServiceState, ServiceView
from contabo_reseller.domain.snapshots import (
    ConfirmRequest,
    CreateSnapshotRequest,
    SnapshotList,
    SnapshotView,
    quota_message,
    rollback_warning,
)
from contabo_reseller.services import service_policy
from contabo_reseller.services.compute_port import ComputePort, compute_for
from contabo_reseller.services.views import service_view

NO_SNAPSHOTS_MESSAGE = "Snapshots are not included in this plan."


def list_snapshots(service_id: str) -> SnapshotList:
    record = service_policy.readable(service_id)
    service_policy.require_compute(record)
    limit = service_policy.guardrails_for(record).max_snapshots
    if not record.resource_id or record.state == ServiceState.TERMINATED:
        return SnapshotList(items=[], limit=limit)
    contabo = compute_for(service_id, str(uuid.uuid4()))
    return SnapshotList(items=_oldest_first(contabo, int(record.resource_id)), limit=limit)


def create_snapshot(service_id: str, request: CreateSnapshotRequest, actor: str) -> SnapshotView:
    with service_policy.changing(service_id, "snapshot_create", actor) as action:
        record = action.record
        service_policy.require_compute(record)
        limit = service_policy.guardrails_for(record).max_snapshots
        instance_id = service_policy.instance_id_of(record)
        contabo = compute_for(service_id, action.trace_id)
        existing = contabo.list_snapshots(instance_id)
        if limit is not None and len(existing) >= limit:
            message = quota_message(len(existing)) if limit else NO_SNAPSHOTS_MESSAGE
            raise QuotaExceeded(
                message,
                details={"limit": limit, "count": len(existing)},
                message_code="snapshot_limit" if limit else "snapshots_not_offered",
                params={"count": len(existing)},
            )
        try:
            snapshot = contabo.create_snapshot(instance_id, request.name, request.description)
        except QuotaExceeded:
            raise QuotaExceeded(
                quota_message(len(existing)),
                details={"limit": len(existing)},
                message_code="snapshot_limit",
                params={"count": len(existing)},
            ) from None
        action.message = f"snapshot {snapshot.id}"
        return snapshot


def rollback(service_id: str, snapshot_id: str, request: ConfirmRequest, actor: str) -> ServiceView:
    with service_policy.changing(service_id, "snapshot_rollback", actor) as action:
        record = action.record
        service_policy.require_compute(record)
        service_policy.require_allowed(
            service_policy.guardrails_for(record), "allow_snapshot_rollback"
        )
        instance_id = service_policy.instance_id_of(record)
        contabo = compute_for(service_id, action.trace_id)
        snapshots = _oldest_first(contabo, instance_id)
        target = _find(snapshots, snapshot_id)
        newer = snapshots[snapshots.index(target) + 1 :]
        if not request.confirm:
            raise ActionRefused(
                rollback_warning(newer),
                details={"confirm_required": True, "newer_snapshots": [s.id for s in newer]},
                message_code="snapshot_rollback_confirm_newer"
                if newer
                else "snapshot_rollback_confirm",
                params={"snapshots": ", ".join(s.name for s in newer)},
            )
        contabo.rollback_snapshot(instance_id, target.id)
        action.message = f"rolled back to {target.id}; {len(newer)} newer deleted"
        service_store.update(
            record,
            details={"rolled_back_at": datetime.now(UTC).isoformat(), "rolled_back_to": target.id},
        )
        return service_view(record)


def delete_snapshot(service_id: str, snapshot_id: str, actor: str) -> Deleted:
    with service_policy.changing(service_id, "snapshot_delete", actor) as action:
        record = action.record
        service_policy.require_compute(record)
        instance_id = service_policy.instance_id_of(record)
        contabo = compute_for(service_id, action.trace_id)
        target = _find(contabo.list_snapshots(instance_id), snapshot_id)
        contabo.delete_snapshot(instance_id, target.id)
        action.message = f"snapshot {target.id}"
        return Deleted()


def _find(snapshots: list[SnapshotView], snapshot_id: str) -> SnapshotView:
    for snapshot in snapshots:
        if snapshot.id == snapshot_id:
            return snapshot
    raise NotFound(f"This server has no snapshot {snapshot_id}.", message_code="snapshot_not_found")


def _oldest_first(contabo: ComputePort, instance_id: int) -> list[SnapshotView]:
    return sorted(contabo.list_snapshots(instance_id), key=lambda s: _when(s.created_at))


def _when(iso: str | None) -> datetime:
    when = datetime.fromisoformat(iso) if iso else datetime.min
    return when if when.tzinfo else when.replace(tzinfo=UTC)
