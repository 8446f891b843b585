"""Comparing a service with its instance: only changes are written, drift is named."""

from __future__ import annotations

import pytest

from contabo_reseller.domain.drift import (
    MAX_LISTED,
    DriftReport,
    OrphanService,
    compare,
    pack_ids,
    service_id_in_name,
    unpack_ids,
)
from contabo_reseller.domain.instance import InstanceFacts

INSTANCE = InstanceFacts(
    instance_id=202400001,
    display_name="whmcs-service-7",
    status="running",
    product_id="V92",
    region="EU",
    ipv4="203.0.113.2",
    ipv6="2001:db8::1",
    cpu_cores=4,
    ram_mb=8192,
    disk_mb=76800,
)
KNOWN = {
    "instance_status": "running",
    "ipv4": "203.0.113.2",
    "ipv6": "2001:db8::1",
    "additional_ips": [],
    "cpu_cores": 4,
    "ram_mb": 8192,
    "disk_mb": 76800,
    "cancel_date": None,
}


def check(state="active", details=None, known_product="V92", known_region="EU", **instance):
    return compare(
        service_id="7",
        state=state,
        product_id=known_product,
        region=known_region,
        details=KNOWN if details is None else details,
        instance=INSTANCE.model_copy(update=instance),
    )


def test_nothing_changed_writes_nothing():
    found = check()
    assert not found.writes
    assert found.drift == []


def test_a_status_change_is_written_not_reported():
    found = check(status="stopped")
    assert found.details == {"instance_status": "stopped"}
    assert found.drift == []


def test_first_facts_fill_in_without_drift():
    found = check(details={}, known_product=None, known_region=None)
    assert found.details["ipv4"] == "203.0.113.2"
    assert found.fields == {"product_id": "V92", "region": "EU"}
    assert found.drift == []


def test_ip_change_is_written_and_reported_with_before_and_after():
    found = check(ipv4="198.51.100.9")
    assert found.details == {"ipv4": "198.51.100.9"}
    (drift,) = found.drift
    assert drift.kind == "ip_changed"
    assert (drift.before, drift.after) == ({"ipv4": "203.0.113.2"}, {"ipv4": "198.51.100.9"})


def test_cancellation_at_contabo_is_reported_while_the_service_is_active():
    found = check(cancel_date="2030-01-31")
    assert found.details == {"cancel_date": "2030-01-31"}
    assert [d.kind for d in found.drift] == ["cancelled"]
    assert "2030-01-31" in found.drift[0].message
    # Still reported once written: it stands until WHMCS terminates the service.
    again = check(details={**KNOWN, "cancel_date": "2030-01-31"}, cancel_date="2030-01-31")
    assert not again.writes
    assert [d.kind for d in again.drift] == ["cancelled"]


def test_product_change_names_each_field():
    found = check(product_id="V93", cpu_cores=6, ram_mb=16384)
    assert found.fields == {"product_id": "V93"}
    changed = next(d for d in found.drift if d.kind == "changed")
    assert changed.before == {"product_id": "V92", "cpu_cores": 4, "ram_mb": 8192}
    assert changed.after == {"product_id": "V93", "cpu_cores": 6, "ram_mb": 16384}


def test_an_error_status_is_reported():
    assert [d.kind for d in check(status="error").drift] == ["instance_error"]


def test_terminated_services_are_only_checked_for_a_missing_cancellation():
    found = check(state="terminated", ipv4="198.51.100.9")
    assert not found.writes
    assert [d.kind for d in found.drift] == ["not_cancelled"]
    assert check(state="terminated", cancel_date="2030-01-31").drift == []


@pytest.mark.parametrize("state", ["queued", "purchasing", "provisioning", "failed"])
def test_pending_services_are_left_to_the_provisioning_worker(state):
    found = check(state=state, ipv4="198.51.100.9", cancel_date="2030-01-31")
    assert not found.writes
    assert found.drift == []


def test_service_id_in_display_name():
    assert service_id_in_name("whmcs-service-123") == "123"
    assert service_id_in_name("whmcs-service-12a") is None
    assert service_id_in_name("my-whmcs-service-1") is None
    assert service_id_in_name("") is None


def test_packed_ids_round_trip_and_stay_small():
    ids = set(range(202400001, 202410001)) | {5, 999999999}
    packed = pack_ids(ids)
    assert unpack_ids(packed) == ids
    assert len(packed) < 1000
    assert unpack_ids(pack_ids(set())) == set()
    assert unpack_ids("") == set()


def test_the_report_caps_lists_but_keeps_exact_totals():
    report = DriftReport(started_at="2030-01-01T00:00:00+00:00")
    for n in range(MAX_LISTED + 5):
        report.add("orphan_services", OrphanService(service_id=str(n), instance_id=n, state="x"))
    assert len(report.orphan_services) == MAX_LISTED
    assert report.totals["orphan_services"] == MAX_LISTED + 5
    assert report.model_dump()["truncated"] is True
