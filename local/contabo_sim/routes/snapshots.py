"""Instance snapshots: a small per-instance quota (402 when full), rollback drops newer ones."""

from datetime import timedelta

from ..clock import iso
from ..errors import ApiError
from ..state import CUSTOMER_ID, SNAPSHOT_QUOTA_PER_INSTANCE, TENANT_ID
from . import Context, Reply, by_request_id, operation, require
from .instances import find_instance

SNAPSHOT_LIFETIME_DAYS = 30


@operation("createSnapshot")
def create_snapshot(ctx: Context) -> Reply:
    instance = find_instance(ctx.state, ctx.path["instanceId"])
    snapshots = ctx.state.snapshots[instance["instanceId"]]
    if len(snapshots) >= SNAPSHOT_QUOTA_PER_INSTANCE:
        raise ApiError(402, "You have reached the maximum number of snapshots for this instance")
    now = ctx.state.clock.now()
    snapshot_id = f"snap{ctx.state.next_id('snapshot')}{instance['instanceId']}"
    image = ctx.state.images.get(instance["imageId"], {})
    snapshot = {
        "tenantId": TENANT_ID,
        "customerId": CUSTOMER_ID,
        "snapshotId": snapshot_id,
        "name": ctx.body["name"],
        "description": ctx.body.get("description") or ctx.body["name"],  # spec: minLength 1
        "instanceId": instance["instanceId"],
        "createdDate": iso(now),
        "autoDeleteDate": iso(now + timedelta(days=SNAPSHOT_LIFETIME_DAYS)),
        "imageId": instance["imageId"],
        "imageName": image.get("name", ""),
    }
    snapshots[snapshot_id] = snapshot
    ctx.audit("snapshots", "CREATED", instanceId=instance["instanceId"], snapshotId=snapshot_id)
    return ctx.one(201, snapshot, f"{ctx.url_path}/{snapshot_id}")


@operation("retrieveSnapshotList")
def list_snapshots(ctx: Context) -> Reply:
    instance = find_instance(ctx.state, ctx.path["instanceId"])
    items = list(ctx.state.snapshots[instance["instanceId"]].values())
    if "name" in ctx.query:
        items = [s for s in items if s["name"] == ctx.query["name"]]
    return ctx.page(items)


@operation("retrieveSnapshot")
def retrieve_snapshot(ctx: Context) -> Reply:
    return ctx.one(200, _snapshot(ctx))


@operation("updateSnapshot")
def update_snapshot(ctx: Context) -> Reply:
    snapshot = _snapshot(ctx)
    snapshot |= {k: v for k, v in ctx.body.items() if k in ("name", "description")}
    ctx.audit(
        "snapshots", "UPDATED", instanceId=snapshot["instanceId"], snapshotId=snapshot["snapshotId"]
    )
    return ctx.one(200, snapshot)


@operation("deleteSnapshot")
def delete_snapshot(ctx: Context) -> Reply:
    snapshot = _snapshot(ctx)
    del ctx.state.snapshots[snapshot["instanceId"]][snapshot["snapshotId"]]
    ctx.audit(
        "snapshots", "DELETED", instanceId=snapshot["instanceId"], snapshotId=snapshot["snapshotId"]
    )
    return Reply(204)


@operation("rollbackSnapshot")
def rollback_snapshot(ctx: Context) -> Reply:
    """Contabo deletes every snapshot taken after the one rolled back to."""
    snapshot = _snapshot(ctx)
    snapshots = ctx.state.snapshots[snapshot["instanceId"]]
    ordered = list(snapshots)
    for newer_id in ordered[ordered.index(snapshot["snapshotId"]) + 1 :]:
        del snapshots[newer_id]
        ctx.audit("snapshots", "DELETED", instanceId=snapshot["instanceId"], snapshotId=newer_id)
    instance = ctx.state.instances[snapshot["instanceId"]]
    instance["imageId"] = snapshot["imageId"]
    ctx.audit(
        "snapshots", "UPDATED", instanceId=snapshot["instanceId"], snapshotId=snapshot["snapshotId"]
    )
    return Reply(200, {"_links": {"self": ctx.url_path}})


@operation("retrieveSnapshotsAuditsList")
def snapshot_audits(ctx: Context) -> Reply:
    return by_request_id(ctx, "snapshots", ("instanceId", "snapshotId"))


def _snapshot(ctx: Context) -> dict:
    instance = find_instance(ctx.state, ctx.path["instanceId"])
    snapshot_id = ctx.path["snapshotId"]
    return require(
        ctx.state.snapshots[instance["instanceId"]].get(snapshot_id), "Snapshot", snapshot_id
    )
