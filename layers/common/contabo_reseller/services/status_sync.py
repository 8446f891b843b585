"""The hourly status sync: every Contabo instance once, compared with the services table.

One cycle: page through the account's instances (100 a page), compare each with the service
linked to it and write only what changed (state, IPs, product facts, cancel date); note drift
and instances no service is linked to. Then services whose instance was not listed are looked
up one by one: only a 404 marks one gone. The report (``GET /admin/reports/drift``) is
stored when the cycle ends, with the metrics OrphansFound and DriftFound.

Bounded in time: the run pauses between pages (or between look-ups) when the Lambda's time
runs short; the checkpoint holds the next page, the ids seen so far (packed) and the report
so far. A page shifted by instances created meanwhile may show an instance twice (the second
comparison writes nothing) or skip one (its service is then looked up, not marked gone).
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from contabo_reseller import metrics
from contabo_reseller.adapters import config_items, service_store
from contabo_reseller.adapters.tables import ServiceRecord
from contabo_reseller.domain.drift import (
    Comparison,
    DriftReport,
    OrphanInstance,
    OrphanService,
    compare,
    pack_ids,
    service_id_in_name,
    unpack_ids,
)
from contabo_reseller.domain.errors import NotFound
from contabo_reseller.domain.instance import InstanceFacts
from contabo_reseller.domain.service import PENDING_STATES, ServiceState
from contabo_reseller.domain.status_messages import say
from contabo_reseller.services.inventory_port import InstanceInventory, inventory

if TYPE_CHECKING:  # the job runner's types; the API routes here never run a job
    from contabo_reseller.services.jobs.scheduled_jobs import JobRun, Paused

JOB = "status-sync"
REPORT_KIND, REPORT_ITEM = "report", "drift"
MARGIN_MS = 30_000
# More unlisted services than this share (or floor) means the listing, not the servers, is
# wrong (e.g. other credentials): they are reported, never marked gone.
SUSPECT_SHARE, SUSPECT_FLOOR = 0.10, 25
GONE_MESSAGE = say("status_server_gone")


def sync(run: JobRun, source: InstanceInventory | None = None) -> dict[str, Any] | Paused:
    contabo = source or inventory()
    checkpoint = run.checkpoint
    report = DriftReport.model_validate(
        checkpoint.get("report") or {"started_at": datetime.now(UTC).isoformat()}
    )
    seen = unpack_ids(checkpoint.get("seen", ""))
    services = _Services.load()
    report.services_linked = len(services.by_instance)
    page = int(checkpoint.get("page") or 1)
    suspects: list[str] | None = checkpoint.get("suspects")

    def pause() -> Paused:
        return run.pause(
            {
                "page": page,
                "seen": pack_ids(seen),
                "report": report.model_dump(),
                "suspects": suspects,
            }
        )

    while suspects is None:
        if run.out_of_time():
            return pause()
        instances, total_pages = contabo.page(page)
        run.count("pages")
        for instance in instances:
            if instance.instance_id not in seen:
                seen.add(instance.instance_id)
                report.instances += 1
                _check_instance(run, report, services, instance)
        page += 1
        if page > total_pages or not instances:
            suspects = _suspects(report, services, seen)
    while suspects:
        if run.out_of_time():
            return pause()
        _confirm_gone(run, report, services, contabo, suspects.pop(0))
    _tag_suggestions(report, services, contabo)
    return _finish(report)


class _Services:
    """The services table, read once per run: by linked instance and by service id."""

    def __init__(self, records: list[ServiceRecord]) -> None:
        self.by_id = {record.service_id: record for record in records}
        self.by_instance = {
            int(record.resource_id): record
            for record in records
            if record.resource_id and record.resource_id.isdigit()
        }

    @classmethod
    def load(cls) -> _Services:
        return cls(list(service_store.all_services()))


def _check_instance(
    run: JobRun, report: DriftReport, services: _Services, instance: InstanceFacts
) -> None:
    record = services.by_instance.get(instance.instance_id)
    if record is None:
        _orphan_instance(report, services, instance)
        return
    found = _compare(record, instance)
    for entry in found.drift:
        report.add("drift", entry)
    if found.writes:
        outcome = _write(record, instance, found)
        run.count(outcome)
        if outcome == "updated":
            report.updated += 1


def _compare(record: ServiceRecord, instance: InstanceFacts) -> Comparison:
    return compare(
        service_id=record.service_id,
        state=record.state,
        product_id=record.product_id,
        region=record.region,
        details=record.details or {},
        instance=instance,
    )


def _write(record: ServiceRecord, instance: InstanceFacts, found: Comparison) -> str:
    """Writes the changes unless the row changed since it was read or an action holds it;
    then compares again with the row as it is now (once)."""
    for _ in range(2):
        condition = service_store.unchanged_and_unlocked(record, time.time())
        if service_store.update(record, condition=condition, details=found.details, **found.fields):
            return "updated"
        found = _compare(record, instance)  # ``record`` now holds the current row
        if not found.writes:
            return "unchanged"
    return "busy"  # an action is running on it; the next sync catches up


def _orphan_instance(report: DriftReport, services: _Services, instance: InstanceFacts) -> None:
    named = service_id_in_name(instance.display_name)
    owner = services.by_id.get(named) if named else None
    if owner is not None and owner.state in PENDING_STATES and not owner.resource_id:
        return  # bought and not linked yet: the provisioning worker links it
    note = ""
    if owner is not None and owner.resource_id:
        note = (
            f"Service {named} is linked to instance {owner.resource_id}: this looks like a "
            "second purchase for it."
        )
    report.add(
        "orphan_instances",
        OrphanInstance(
            instance_id=instance.instance_id,
            display_name=instance.display_name,
            status=instance.status,
            ipv4=instance.ipv4,
            product_id=instance.product_id,
            region=instance.region,
            cancel_date=instance.cancel_date,
            ours=named is not None,
            suggested_service_id=named if owner is None or not owner.resource_id else None,
            note=note,
        ),
    )


def _suspects(report: DriftReport, services: _Services, seen: set[int]) -> list[str]:
    """Services whose instance was not listed (terminated ones may be gone: that is normal)."""
    unlisted = [
        record.service_id
        for instance_id, record in services.by_instance.items()
        if instance_id not in seen and record.state != ServiceState.TERMINATED
    ]
    limit = max(SUSPECT_FLOOR, int(len(services.by_instance) * SUSPECT_SHARE))
    if len(unlisted) > limit:
        report.warnings.append(
            f"{len(unlisted)} services' servers were missing from Contabo's list, too many to "
            "be real; none was marked gone. Check that the Contabo credentials are the "
            "account these servers were bought with."
        )
        return []
    return unlisted


def _confirm_gone(
    run: JobRun,
    report: DriftReport,
    services: _Services,
    contabo: InstanceInventory,
    service_id: str,
) -> None:
    record = services.by_id.get(service_id)
    if record is None or not record.resource_id:
        return  # deleted or unlinked since the listing
    instance = contabo.find(int(record.resource_id))
    run.count("lookups")
    if instance is not None:  # missed by a shifting page: compare it now
        report.instances += 1
        _check_instance(run, report, services, instance)
        return
    report.add(
        "orphan_services",
        OrphanService(
            service_id=service_id, instance_id=int(record.resource_id), state=record.state
        ),
    )
    if record.status_message_code != GONE_MESSAGE.code:
        condition = service_store.unchanged_and_unlocked(record, time.time())
        details = {"instance_status": "gone", "instance_gone_at": datetime.now(UTC).isoformat()}
        if service_store.update(
            record, condition=condition, details=details, **GONE_MESSAGE.fields()
        ):
            report.updated += 1
            run.count("updated")


def _tag_suggestions(report: DriftReport, services: _Services, contabo: InstanceInventory) -> None:
    """Orphans the name does not place may carry the tag of a service with no server. Only
    then are the tags listed, and only unlinked services' tags asked for their instances."""
    unplaced = {
        orphan.instance_id: orphan
        for orphan in report.orphan_instances
        if orphan.suggested_service_id is None and not orphan.note
    }
    if not unplaced:
        return
    for name, tag_id in contabo.service_tags().items():
        service_id = service_id_in_name(name)
        owner = services.by_id.get(service_id or "")
        if service_id is None or (owner is not None and owner.resource_id):
            continue
        for instance_id in contabo.tagged_instances(tag_id):
            if instance_id in unplaced:
                unplaced[instance_id].tagged_service_id = service_id


def _finish(report: DriftReport) -> dict[str, Any]:
    report.finished_at = datetime.now(UTC).isoformat()
    config_items.put(REPORT_KIND, REPORT_ITEM, report.model_dump(mode="json"))
    orphans = report.totals["orphan_instances"] + report.totals["orphan_services"]
    metrics.record_gauge(metrics.ORPHANS_FOUND, orphans)
    metrics.record_gauge(metrics.DRIFT_FOUND, report.totals["drift"])
    return {"instances": report.instances, "updated": report.updated, **report.totals}


def last_report() -> DriftReport:
    stored = config_items.get(REPORT_KIND, REPORT_ITEM)
    if stored is None:
        raise NotFound(
            "No status sync has finished yet; run it from the admin or wait an hour.",
            message_code="status_sync_not_run",
        )
    return DriftReport.model_validate(stored)


def forget_orphan(instance_id: int) -> None:
    """An imported instance is no orphan any more: drop it from the stored report at once,
    rather than at the next sync (a sync finishing meanwhile rewrites the report anyway)."""
    stored = config_items.get(REPORT_KIND, REPORT_ITEM)
    if stored is None:
        return
    report = DriftReport.model_validate(stored)
    kept = [o for o in report.orphan_instances if o.instance_id != instance_id]
    if len(kept) == len(report.orphan_instances):
        return
    report.orphan_instances = kept
    report.totals["orphan_instances"] -= 1
    config_items.put(REPORT_KIND, REPORT_ITEM, report.model_dump(mode="json"))
