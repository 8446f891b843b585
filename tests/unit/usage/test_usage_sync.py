"""Usage per service per day on in-process moto with an in-memory Contabo: what is recorded,
resuming after a short run, one failing service, the read route's rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest

from contabo_reseller.adapters import usage_store
from contabo_reseller.adapters.tables import ServiceRecord, UsageRecord
from contabo_reseller.domain.errors import InvalidInput, NotFound, UpstreamUnavailable
from contabo_reseller.domain.usage import object_storage_usage
from contabo_reseller.services.billing.usage import service_usage
from contabo_reseller.services.billing.usage_sync import JOB_NAME, sync_usage
from contabo_reseller.services.jobs.scheduled_jobs import run_job
from tests.unit.services.jobs.test_scheduled_jobs import FakeContext

DAY = date(2026, 11, 22)


@dataclass
class FakeUsageSource:
    ips: dict[int, int] = field(default_factory=lambda: {100: 1})
    snapshots: dict[int, int] = field(default_factory=lambda: {100: 2, 101: 0})
    storages: dict[str, tuple[float, float]] = field(
        default_factory=lambda: {"os-1": (0.30000000000000004, 2.5)}
    )
    broken: set[int] = field(default_factory=set)
    snapshot_calls: list[int] = field(default_factory=list)

    def additional_ipv4_by_instance(self) -> dict[int, int]:
        return dict(self.ips)

    def snapshot_count(self, instance_id: int) -> int:
        self.snapshot_calls.append(instance_id)
        if instance_id in self.broken:
            raise UpstreamUnavailable("Contabo is unavailable.")
        return self.snapshots.get(instance_id, 0)

    def object_storage_usage(self, object_storage_id: str) -> tuple[float, float]:
        return self.storages[object_storage_id]


def service(service_id: str, resource_id: str | None, kind: str = "compute", state="active"):
    ServiceRecord(service_id=service_id, state=state, kind=kind, resource_id=resource_id).save()


@pytest.fixture
def services(aws):
    service("11", "100")
    service("12", "101")
    service("13", "os-1", kind="object_storage")
    service("14", None)  # active without a resource: nothing to measure
    service("15", "102", state="terminated")


def sync(source, context=None, today=DAY, resume_only=False):
    return run_job(
        JOB_NAME,
        context or FakeContext(),
        lambda run: sync_usage(run, source=source, today=lambda: today, resume_only=resume_only),
    )


def metrics_of(service_id: str, day: date = DAY) -> dict[str, float]:
    row = UsageRecord.get(service_id, day.isoformat())
    return {m["metric"]: m["value"] for m in row.metrics}


def test_each_active_service_gets_its_days_figures(services):
    summary = sync(FakeUsageSource())
    assert summary["outcome"] == "finished"
    assert summary["result"] == {"day": "2026-11-22", "services": 3, "purged": 0}
    assert metrics_of("11") == {"additional_ipv4": 1, "snapshots": 2}
    assert metrics_of("12") == {"additional_ipv4": 0, "snapshots": 0}
    assert metrics_of("13") == {"object_storage_used_tb": 0.3, "object_storage_size_tb": 2.5}
    assert UsageRecord.count("14") == 0 and UsageRecord.count("15") == 0


def test_rows_expire_after_the_retention(services):
    sync(FakeUsageSource())
    row = UsageRecord.get("11", DAY.isoformat())
    assert row.expires_at - row.collected_at.timestamp() == pytest.approx(
        usage_store.RETENTION_DAYS * 86400, abs=2
    )


def test_a_rerun_of_the_day_rewrites_the_same_row(services):
    source = FakeUsageSource()
    sync(source)
    source.snapshots[100] = 1
    sync(source)
    assert UsageRecord.count("11") == 1
    assert metrics_of("11")["snapshots"] == 1


def test_a_short_run_stops_at_a_service_and_the_resume_goes_on_from_there(services):
    source = FakeUsageSource()
    # reads: lease 60, then checks 45, 30 pass (services 11, 12), 15 < 20: pause before 13
    first = sync(source, FakeContext(remaining_ms=60_000, tick=15_000))
    assert first["outcome"] == "partial"
    assert first["counts"] == {"services": 2}
    assert UsageRecord.count("13") == 0

    second = sync(source, resume_only=True, today=date(2026, 11, 23))
    assert second["outcome"] == "finished" and second["resumed"] is True
    assert second["result"]["day"] == "2026-11-22"  # the resumed cycle keeps its day
    assert source.snapshot_calls == [100, 101]  # 11 and 12 were not visited again
    assert metrics_of("13")["object_storage_size_tb"] == 2.5


def test_the_daily_run_of_a_new_day_starts_over_instead_of_finishing_yesterday(services):
    source = FakeUsageSource()
    sync(source, FakeContext(remaining_ms=60_000, tick=15_000))
    sync(source, today=date(2026, 11, 23))
    assert UsageRecord.count("11") == 2  # 22nd and 23rd
    assert metrics_of("13", date(2026, 11, 23))


def test_resume_only_with_nothing_part_way_does_nothing(services):
    summary = sync(FakeUsageSource(), resume_only=True)
    assert summary["result"] == {"day": None, "services": 0}
    assert UsageRecord.count("11") == 0


def test_one_unreadable_service_is_counted_and_the_others_are_recorded(services):
    summary = sync(FakeUsageSource(broken={100}))
    assert summary["counts"] == {"errors": 1, "services": 2}
    assert UsageRecord.count("11") == 0
    assert metrics_of("12") and metrics_of("13")


def test_the_route_serves_the_latest_day_or_a_range(services):
    source = FakeUsageSource()
    sync(source, today=date(2026, 11, 21))
    source.snapshots[100] = 1
    sync(source)
    latest = service_usage("11")
    assert {(i.metric, i.value, i.day) for i in latest.items} == {
        ("additional_ipv4", 1, "2026-11-22"),
        ("snapshots", 1, "2026-11-22"),
    }
    both = service_usage("11", date(2026, 11, 1), date(2026, 11, 30))
    assert [i.day for i in both.items] == ["2026-11-22"] * 2 + ["2026-11-21"] * 2
    assert service_usage("12", date(2026, 12, 1)).items == []


def test_the_route_refuses_unknown_services_and_silly_ranges(services):
    with pytest.raises(NotFound):
        service_usage("999")
    with pytest.raises(InvalidInput, match="must not be after"):
        service_usage("11", date(2026, 11, 22), date(2026, 11, 1))
    with pytest.raises(InvalidInput, match="at most 92 days"):
        service_usage("11", date(2026, 1, 1), date(2026, 11, 1))


def test_terabytes_are_rounded_through_decimal():
    used, size = object_storage_usage(0.1 + 0.2, 1.00004999)
    assert (used.value, size.value, used.unit) == (0.3, 1.0, "TB")
