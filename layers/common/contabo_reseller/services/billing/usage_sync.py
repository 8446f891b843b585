"""The daily usage sync: for every active service, today's figures (a server's additional
IPv4 addresses and snapshots; an object storage's used and purchased TB), one row per
service per day.

Services are visited in id order; the checkpoint is the day and the last service done, so a
run that runs short of time stops there and the next run (the half-hourly resume schedule)
goes on. Rerunning a day rewrites the same rows. Object storage customers of a pool are
metered in S3 (their bucket), which also refuses their writes once over quota; at the end of a
cycle the data and users of customers terminated longer ago than the grace period are deleted.
A service whose figures cannot be read is counted and logged; the sync goes on with the next.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from contabo_reseller.adapters import usage_store
from contabo_reseller.adapters.tables import ServiceRecord
from contabo_reseller.domain.object_storage.product import OBJECT_STORAGE, REGION_NAMES
from contabo_reseller.domain.usage import UsageMetric, compute_usage, object_storage_usage
from contabo_reseller.observability import logger
from contabo_reseller.services.billing.usage_port import UsageSource, usage_source
from contabo_reseller.services.jobs.scheduled_jobs import JobRun, Paused
from contabo_reseller.services.object_storage import pool, tenancy
from contabo_reseller.services.object_storage.port import object_storage_port_for

JOB_NAME = "usage-sync"
SAVE_EVERY = 50  # services between checkpoint saves, so a crash redoes little


def sync_usage(
    run: JobRun,
    *,
    source: UsageSource | None = None,
    today: Callable[[], date] = lambda: datetime.now(UTC).date(),
    resume_only: bool = False,
) -> dict[str, Any] | Paused:
    """Records today's usage; with ``resume_only`` it only finishes a cycle part-way, on
    its own day (a day's figures are collected on that day's cycle only)."""
    day = run.checkpoint.get("day")
    after: str | None = run.checkpoint.get("after")
    if not resume_only and day != today().isoformat():
        day, after = today().isoformat(), None  # a new day starts a new cycle
    if day is None:
        return {"day": None, "services": 0}
    contabo = source or usage_source()
    additional_ips = contabo.additional_ipv4_by_instance()
    for visited, record in enumerate(usage_store.active_services_after(after), start=1):
        if run.out_of_time():
            return run.pause({"day": day, "after": after})
        try:
            metrics = _collect(record, contabo, additional_ips)
        except Exception:  # one unreadable service must not stop everyone's billing
            logger.exception(
                "usage of a service could not be read", extra={"service_id": record.service_id}
            )
            run.count("errors")
        else:
            if metrics is not None:
                usage_store.save(record.service_id, day, [m.model_dump() for m in metrics])
                run.count("services")
        after = record.service_id
        if visited % SAVE_EVERY == 0:
            run.save({"day": day, "after": after})
    pool_port = object_storage_port_for("pool", "usage-sync")
    purged = tenancy.purge_due(pool_port)
    if tenancy.tenants():  # buckets made since the last pass are closed now
        tenancy.protect_all(pool_port)
        for region in REGION_NAMES:
            pool.grow_if_needed(region, pool_port)
    return {"day": day, "services": run.counts.get("services", 0), "purged": len(purged)}


def _collect(
    record: ServiceRecord, contabo: UsageSource, additional_ips: dict[int, int]
) -> list[UsageMetric] | None:
    if not record.resource_id:
        return None
    if pool.is_pool(record):
        return None  # the reseller's pool, no customer: its customers are metered
    if record.kind == OBJECT_STORAGE and record.details.get("tenant_suffix"):
        # A pool customer: metered in S3 (their bucket), against their quota.
        port = object_storage_port_for(record.service_id, "usage-sync")
        figures = tenancy.meter(record, port)
        return object_storage_usage(figures.used_tb, figures.size_tb)
    if record.kind == OBJECT_STORAGE:
        used_tb, size_tb = contabo.object_storage_usage(record.resource_id)
        return object_storage_usage(used_tb, size_tb)
    instance_id = int(record.resource_id)
    return compute_usage(additional_ips.get(instance_id, 0), contabo.snapshot_count(instance_id))
