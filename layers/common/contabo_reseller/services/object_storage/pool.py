"""A region's object storage pool as the backend keeps it: a row of its own (service id
``pool-<region>``, never a WHMCS service) so that buying more space for it goes through the
provisioning worker's exactly-once resize (intent recorded with a fresh x-request-id before
sending, an unknown outcome settled through Contabo's audit list before sending again).

The pool grows when the quotas sold in it come within the admin's margin of its size, up to
the admin's cap (``PoolSettings``; a cap of 0 never buys). Checked after every new customer
and by the usage sync.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from contabo_reseller.adapters import service_store, worker_trigger
from contabo_reseller.adapters.object_storage import pool_claims
from contabo_reseller.adapters.tables import ServiceRecord
from contabo_reseller.domain.object_storage.pool import PoolView, pool_growth
from contabo_reseller.domain.object_storage.product import (
    OBJECT_STORAGE,
    REGION_NAMES,
    ObjectStorageFacts,
)
from contabo_reseller.domain.service import ServiceState
from contabo_reseller.observability import logger
from contabo_reseller.services.object_storage import tenancy
from contabo_reseller.services.object_storage.port import (
    ObjectStoragePort,
    object_storage_port_for,
)

POOL_PREFIX = "pool-"


def pool_service_id(region: str) -> str:
    return f"{POOL_PREFIX}{region}"


def is_pool(record: ServiceRecord) -> bool:
    return bool(record.details.get("pool"))


def ensure_record(region: str, storage: ObjectStorageFacts) -> None:
    """The pool's own row, made once (a conditional write: racing orders make one), and
    pointed at the region's storage now in use."""
    existing = service_store.get(pool_service_id(region))
    if existing is not None:
        if existing.resource_id != storage.object_storage_id:  # the region's pool was replaced
            service_store.update(
                existing,
                condition=ServiceRecord.updated_at == existing.updated_at,
                resource_id=storage.object_storage_id,
                details={"resize": None},
            )
        return
    service_store.insert(
        ServiceRecord(
            service_id=pool_service_id(region),
            kind=OBJECT_STORAGE,
            state=ServiceState.ACTIVE.value,
            resource_id=storage.object_storage_id,
            region=region,
            details={"pool": True},
            created_at=datetime.now(UTC),
            updated_at=datetime.now(UTC),
        )
    )


def grow_if_needed(region: str, port: ObjectStoragePort) -> dict[str, Any] | None:
    """Queues one purchase of more space for the region's pool when it is needed and none is
    pending; the worker buys it exactly once. The queued resize, or None."""
    record = service_store.get(pool_service_id(region))
    if record is None or not record.resource_id:
        return None
    pending = record.details.get("resize")
    if pending and pending.get("status") != "failed":
        return None  # one purchase at a time; the next check sees its result
    storage = port.get(record.resource_id)
    target = pool_growth(storage.size_tb, allocated_tb(region), tenancy.settings())
    if target is None:
        return None
    resize = {"size_tb": target, "auto_scaling_limit_tb": None, "status": "queued", "attempts": 0}
    queued = service_store.update(
        record, condition=ServiceRecord.updated_at == record.updated_at, details={"resize": resize}
    )
    if not queued:
        return None  # someone else changed the pool row meanwhile: they decide
    pool_claims.mark_resize_pending(record.service_id)
    logger.info("object storage pool growth queued", extra={"region": region, "size_tb": target})
    worker_trigger.trigger_provisioning(record.service_id)
    return resize


def allocated_tb(region: str) -> float:
    """The quotas sold in the region: every live customer's size."""
    total = 0.0
    for service_id, tenant in tenancy.tenants().items():
        if tenant.get("region") != region or tenant.get("purge_after"):
            continue
        record = service_store.get(service_id)
        if record is not None:
            total += float(record.details.get("order", {}).get("size_tb") or 0)
    return total


def overview() -> list[PoolView]:
    """Per region: the pool's size, the quotas sold, the bytes used (as last measured) and the
    headroom, for the admin."""
    views = []
    all_tenants = tenancy.tenants()
    for region in REGION_NAMES:
        record = service_store.get(pool_service_id(region))
        if record is None or not record.resource_id:
            continue
        storage = object_storage_port_for(record.service_id, "admin-pools").get(record.resource_id)
        live = [
            service_store.get(sid)
            for sid, t in all_tenants.items()
            if t.get("region") == region and not t.get("purge_after")
        ]
        customers = [r for r in live if r is not None]
        allocated = sum(float(r.details.get("order", {}).get("size_tb") or 0) for r in customers)
        used = sum(
            float((r.details.get("object_storage") or {}).get("used_tb") or 0) for r in customers
        )
        pending = record.details.get("resize")
        views.append(
            PoolView(
                region=region,
                object_storage_id=storage.object_storage_id,
                size_tb=storage.size_tb,
                allocated_tb=allocated,
                used_tb=used,
                headroom_tb=round(storage.size_tb - allocated, 6),
                customers=len(customers),
                growth_pending=bool(pending and pending.get("status") != "failed"),
            )
        )
    return views
