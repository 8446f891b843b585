"""Automatic snapshots: a per-service policy (daily or weekly, keep N) the client sets where
the product allows it, and the scheduled run that takes and rotates them.

Only snapshots this backend took for the policy are ever rotated: their ids are kept in the
service row (``details.automatic_snapshots``, oldest first), so a snapshot the customer made
by hand is never deleted, whatever its name. Rotation deletes the oldest automatic ones first,
before the new one is taken, so the policy's count and the product's limit (manual snapshots
count towards it) hold; when the provider says its quota is full, the oldest automatic one
makes room once. A suspended service is skipped (nothing changes on it). Each run is one
service action (lock and audit row), so a failure shows in the service's activity log and in
the job's result for the admin (GET /admin/schedules), and stays on the policy until a run
succeeds.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from contabo_reseller.adapters import config_items, service_store
from contabo_reseller.adapters.tables import ServiceRecord
from contabo_reseller.domain.errors import (
    ActionRefused,
    DomainError,
    InvalidInput,
    QuotaExceeded,
    ServiceBusy,
)
from contabo_reseller.domain.guardrails import REFUSALS
from contabo_reseller.domain.service import ServiceState
from contabo_reseller.domain.snapshots import (
    AUTOMATIC_DESCRIPTION,
    SnapshotPolicyRequest,
    SnapshotPolicyView,
    automatic_name,
    is_due,
    limit_message,
    next_due,
    to_rotate,
)
from contabo_reseller.observability import logger
from contabo_reseller.services import service_policy
from contabo_reseller.services.actions import service_action
from contabo_reseller.services.compute_port import ComputePort, compute_for

if TYPE_CHECKING:  # the job runner's types; the API routes here never run a job
    from contabo_reseller.services.jobs.scheduled_jobs import JobRun, Paused

JOB_NAME = "automatic-snapshots"
POLICY_INDEX = "snapshot_policy"  # catalog kind: one item per service with a policy on
ACTION = "snapshot_auto"
ACTOR = "automatic-snapshots"
MANUAL_FULL = (
    "The server's snapshot quota is full of snapshots made by hand; automatic snapshots "
    "resume once one of them is deleted."
)


def get_policy(service_id: str) -> SnapshotPolicyView:
    record = service_policy.readable(service_id)
    service_policy.require_compute(record)
    return _view(record, service_policy.guardrails_for(record).max_snapshots)


def set_policy(service_id: str, request: SnapshotPolicyRequest, actor: str) -> SnapshotPolicyView:
    with service_policy.changing(service_id, "snapshot_policy", actor) as action:
        record = action.record
        service_policy.require_compute(record)
        rails = service_policy.guardrails_for(record)
        if request.frequency != "off":
            service_policy.require_allowed(rails, "allow_automatic_snapshots")
            if rails.max_snapshots is not None and request.keep > rails.max_snapshots:
                raise InvalidInput(
                    limit_message(rails.max_snapshots),
                    message_code="automatic_snapshots_keep_limit",
                    params={"limit": rails.max_snapshots},
                )
        policy = dict(record.details.get("snapshot_policy") or {})
        policy |= {"frequency": request.frequency, "keep": request.keep}
        service_store.update(record, details={"snapshot_policy": policy})
        # The index the hourly job reads (it never scans every service).
        if request.frequency == "off":
            config_items.delete(POLICY_INDEX, service_id)
        else:
            config_items.put(POLICY_INDEX, service_id, {"frequency": request.frequency})
        action.message = f"{request.frequency}, keep {request.keep}"
        return _view(record, rails.max_snapshots)


def no_policies() -> bool:
    """The hourly run's idle check: no service has a policy (nothing to read or lease)."""
    return not config_items.all_of(POLICY_INDEX)


def run_due(run: JobRun, now: datetime | None = None) -> dict[str, Any] | Paused:
    """The scheduled body: every service with a policy that is due, until time runs short."""
    done = set(run.checkpoint.get("done", []))
    failed: list[dict[str, str]] = list(run.checkpoint.get("failed", []))
    for service_id, _ in config_items.all_of(POLICY_INDEX):
        record = service_store.get(service_id)
        if record is None or record.service_id in done:
            continue
        if record.state != ServiceState.ACTIVE.value:
            continue
        if run.out_of_time():
            return run.pause({"done": sorted(done), "failed": failed[-50:]})
        when = now or datetime.now(UTC)
        outcome = take_if_due(record, when)
        done.add(record.service_id)
        run.count(outcome)
        if outcome == "failed":
            error = (service_store.get(record.service_id) or record).details.get(
                "snapshot_policy", {}
            )
            failed.append({"service_id": record.service_id, "error": error.get("last_error", "")})
    return {"failed": failed[-50:]}


def take_if_due(record: ServiceRecord, now: datetime) -> str:
    """One service: "not_due", "skipped" (suspended, busy, not a server), "taken" or "failed"."""
    policy = (record.details or {}).get("snapshot_policy") or {}
    if record.kind != "compute" or not record.resource_id:
        return "not_due"
    if not is_due(policy.get("frequency", "off"), _time(policy.get("last_taken_at")), now):
        return "not_due"
    if (record.details or {}).get("suspended"):
        return "skipped"
    try:
        with service_action(record.service_id, ACTION, ACTOR) as action:
            return _take(action.record, action.trace_id, now, action)
    except ServiceBusy:
        return "skipped"  # another action holds the service: the next run takes it
    except Exception as error:
        message = error.message if isinstance(error, DomainError) else "the provider failed"
        logger.warning(
            "automatic snapshot failed",
            extra={"service_id": record.service_id, "error": message},
        )
        _remember_failure(record.service_id, message)
        return "failed"


def _take(record: ServiceRecord, trace_id: str, now: datetime, action: Any) -> str:
    if (record.details or {}).get("suspended") or record.state != ServiceState.ACTIVE.value:
        return "skipped"  # changed while the lock was taken
    policy = dict(record.details.get("snapshot_policy") or {})
    rails = service_policy.guardrails_for(record)
    if not rails.allow_automatic_snapshots:
        raise ActionRefused(
            REFUSALS["allow_automatic_snapshots"],
            message_code="guardrail_allow_automatic_snapshots",
        )
    instance_id = int(record.resource_id or 0)
    contabo = compute_for(record.service_id, trace_id)
    existing = {snapshot.id for snapshot in contabo.list_snapshots(instance_id)}
    # Ours that still exist (the customer may have deleted one, a rollback drops newer ones).
    automatic = [i for i in record.details.get("automatic_snapshots") or [] if i in existing]
    room = None if rails.max_snapshots is None else rails.max_snapshots - len(existing)
    rotated = to_rotate(automatic, int(policy.get("keep", 3)), room)
    if room is not None and room + len(rotated) < 1:
        raise QuotaExceeded(
            MANUAL_FULL, message_code="snapshot_quota_full_manual"
        )  # the customer's own snapshots fill the plan's limit
    for snapshot_id in rotated:
        contabo.delete_snapshot(instance_id, snapshot_id)
        automatic.remove(snapshot_id)
    snapshot = _create_making_room(contabo, instance_id, automatic, now)
    automatic.append(snapshot.id)
    policy |= {"last_taken_at": now.isoformat(), "last_error": None}
    service_store.update(
        record, details={"automatic_snapshots": automatic, "snapshot_policy": policy}
    )
    action.message = f"snapshot {snapshot.id}; keeping {len(automatic)} automatic"
    return "taken"


def _create_making_room(
    contabo: ComputePort, instance_id: int, automatic: list[str], now: datetime
) -> Any:
    """Creates the snapshot; a full provider quota costs the oldest automatic one, once."""
    try:
        return contabo.create_snapshot(instance_id, automatic_name(now), AUTOMATIC_DESCRIPTION)
    except QuotaExceeded:
        if not automatic:
            raise QuotaExceeded(MANUAL_FULL, message_code="snapshot_quota_full_manual") from None
        contabo.delete_snapshot(instance_id, automatic.pop(0))
        return contabo.create_snapshot(instance_id, automatic_name(now), AUTOMATIC_DESCRIPTION)


def _remember_failure(service_id: str, message: str) -> None:
    record = service_store.get(service_id)
    if record is None:
        return
    policy = dict(record.details.get("snapshot_policy") or {})
    policy["last_error"] = message
    service_store.update(record, details={"snapshot_policy": policy})


def _view(record: ServiceRecord, limit: int | None) -> SnapshotPolicyView:
    policy = (record.details or {}).get("snapshot_policy") or {}
    frequency = policy.get("frequency", "off")
    last = _time(policy.get("last_taken_at"))
    due = next_due(frequency, last, datetime.now(UTC))
    return SnapshotPolicyView(
        frequency=frequency,
        keep=int(policy.get("keep", 3)),
        limit=limit,
        last_taken_at=last.isoformat() if last else None,
        next_due_at=due.isoformat() if due else None,
        last_error=policy.get("last_error"),
        automatic_snapshot_ids=list(record.details.get("automatic_snapshots") or []),
    )


def _time(text: str | None) -> datetime | None:
    if not text:
        return None
    when = datetime.fromisoformat(text)
    return when if when.tzinfo else when.replace(tzinfo=UTC)
