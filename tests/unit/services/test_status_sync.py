"""Status sync's decisions on in-process moto with an in-memory inventory: gone services are
confirmed one by one, a listing that lost many servers marks none gone, orphans are named."""

from __future__ import annotations

from dataclasses import dataclass, field

from contabo_reseller.adapters import service_store
from contabo_reseller.adapters.tables import ServiceRecord
from contabo_reseller.domain.instance import InstanceFacts
from contabo_reseller.services import status_sync
from contabo_reseller.services.jobs.scheduled_jobs import run_job


@dataclass
class Plenty:
    def get_remaining_time_in_millis(self) -> int:
        return 600_000


@dataclass
class FakeInventory:
    listed: list[InstanceFacts]
    lookups: dict[int, InstanceFacts] = field(default_factory=dict)
    found: list[int] = field(default_factory=list)
    tags: dict[str, list[int]] = field(default_factory=dict)  # tag name -> its instances
    tag_lookups: list[str] = field(default_factory=list)

    def page(self, number: int) -> tuple[list[InstanceFacts], int]:
        pages = max(1, -(-len(self.listed) // 100))
        return self.listed[(number - 1) * 100 : number * 100], pages

    def find(self, instance_id: int) -> InstanceFacts | None:
        self.found.append(instance_id)
        return self.lookups.get(instance_id)

    def service_tags(self) -> dict[str, int]:
        return {name: number for number, name in enumerate(self.tags)}

    def tagged_instances(self, tag_id: int) -> list[int]:
        name = list(self.tags)[tag_id]
        self.tag_lookups.append(name)
        return self.tags[name]


def instance(instance_id: int, name: str = "") -> InstanceFacts:
    return InstanceFacts(
        instance_id=instance_id,
        display_name=name or f"whmcs-service-{instance_id}",
        status="running",
        ipv4=f"203.0.113.{instance_id % 250}",
    )


def service(service_id: str, instance_id: int | None, state: str = "active") -> None:
    ServiceRecord(
        service_id=service_id,
        state=state,
        resource_id=str(instance_id) if instance_id else None,
        details={},
    ).save()


def sync(inventory: FakeInventory) -> dict:
    return run_job(status_sync.JOB, Plenty(), lambda run: status_sync.sync(run, inventory))


def test_an_unlisted_service_is_looked_up_before_it_is_called_gone(aws):
    for n in range(1, 31):
        service(str(n), n)
    missed_by_paging = instance(29)
    inventory = FakeInventory([instance(n) for n in range(1, 29)], {29: missed_by_paging})
    summary = sync(inventory)
    assert sorted(inventory.found) == [29, 30]
    assert summary["result"]["orphan_services"] == 1
    report = status_sync.last_report()
    assert [o.service_id for o in report.orphan_services] == ["30"]
    assert service_store.get("30").status_message == status_sync.GONE_MESSAGE.text
    assert service_store.get("29").details["ipv4"] == missed_by_paging.ipv4
    assert report.instances == 29


def test_a_listing_missing_many_servers_marks_none_gone(aws):
    for n in range(1, 41):
        service(str(n), n)
    inventory = FakeInventory([instance(1)])
    sync(inventory)
    report = status_sync.last_report()
    assert inventory.found == []
    assert report.orphan_services == []
    assert "39 services' servers were missing" in report.warnings[0]
    assert service_store.get("2").status_message is None


def test_terminated_services_whose_server_is_gone_are_normal(aws):
    service("1", 1, state="terminated")
    inventory = FakeInventory([])
    sync(inventory)
    assert inventory.found == []
    assert status_sync.last_report().orphan_services == []


def test_orphan_instances_are_named(aws):
    service("5", None, state="purchasing")  # bought, not linked yet: the worker's job
    service("6", 60)
    inventory = FakeInventory(
        [
            instance(50, "whmcs-service-5"),
            instance(60, "whmcs-service-6"),
            instance(61, "whmcs-service-6"),  # a second server carrying service 6's name
            instance(70, "whmcs-service-7"),  # no such service
            instance(80, "web-1"),  # not ours
            instance(81, "web-2"),  # not ours by name, but carries service 9's tag
        ],
        tags={"whmcs-service-6": [60], "whmcs-service-9": [81]},
    )
    sync(inventory)
    orphans = {o.instance_id: o for o in status_sync.last_report().orphan_instances}
    assert set(orphans) == {61, 70, 80, 81}
    assert orphans[81].tagged_service_id == "9"
    assert orphans[80].tagged_service_id is None
    assert inventory.tag_lookups == ["whmcs-service-9"]  # a linked service's tag is not asked
    assert "second purchase" in orphans[61].note
    assert orphans[61].suggested_service_id is None
    assert (orphans[70].ours, orphans[70].suggested_service_id) == (True, "7")
    assert (orphans[80].ours, orphans[80].suggested_service_id) == (False, None)


def test_tags_are_not_listed_when_every_orphan_is_placed_by_name(aws):
    inventory = FakeInventory([instance(70, "whmcs-service-7")], tags={"whmcs-service-7": [70]})
    sync(inventory)
    assert inventory.tag_lookups == []
    (orphan,) = status_sync.last_report().orphan_instances
    assert orphan.tagged_service_id is None


def test_a_locked_service_is_not_written_and_the_next_sync_catches_up(aws):
    service("1", 1)
    service_store.acquire_lock("1", "reinstall", "someone")
    summary = sync(FakeInventory([instance(1)]))
    assert summary["counts"]["busy"] == 1
    assert "ipv4" not in service_store.get("1").details
    service_store.release_lock("1", "someone")
    again = sync(FakeInventory([instance(1)]))
    assert again["counts"]["updated"] == 1
    assert service_store.get("1").details["ipv4"] == instance(1).ipv4
