"""The lifecycle actions' round trips to the services table, counted: each is part of a cold
call's time (docs/performance.md, "Cold call"). The generic routes take a server's lock without
reading its row first (the lock's UpdateItem is conditional on a known server and returns the
row; another product's service is handed to its own lifecycle), and the action's last write
releases the lock in the same fenced UpdateItem. What each guarantees (fencing, the newest
billing action winning, one audit row per action, no row for an unknown service) is kept."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import botocore.client
import pytest

from contabo_reseller.adapters import job_queue, service_store
from contabo_reseller.adapters.tables import AuditEntry, JobRecord, ServiceRecord
from contabo_reseller.domain.compute import RescueRequest
from contabo_reseller.domain.errors import ActionRefused, NotFound
from contabo_reseller.domain.private_networks import PRIVATE_NETWORK
from contabo_reseller.domain.service import (
    ChangePackageRequest,
    RenewRequest,
    ServiceState,
    SuspendRequest,
    TerminateRequest,
)
from contabo_reseller.services import (
    compute_rescue,
    compute_status,
    manage_service,
    service_policy,
)
from contabo_reseller.services.actions import service_action
from contabo_reseller.services.object_storage import management as object_storage
from tests.unit.fakes.contabo import FakeContaboGateway
from tests.unit.fakes.object_storage import FakeObjectStorages
from tests.unit.services.test_object_storage_worker import _active as _active_storage
from tests.unit.services.test_object_storage_worker import contabo as storages  # noqa: F401
from tests.unit.services.test_purchases_with_fake_contabo import SERVICE_ID, _active, _ordered

ACTOR = "whmcs:test"
# The lock (a known server's; its UpdateItem returns the row), the last write with the release.
SUSPEND_CALLS = ["UpdateItem", "UpdateItem"]
# A server's lock refused (another product's service), the row read, that product's lock.
HANDED_OVER = ["UpdateItem", "GetItem", "UpdateItem"]


@pytest.fixture
def contabo(aws: None, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeContaboGateway]:
    fake = FakeContaboGateway()
    monkeypatch.setattr(manage_service, "gateway_for", fake.for_service)
    from contabo_reseller.services import provisioning

    monkeypatch.setattr(provisioning, "gateway_for", fake.for_service)
    _ordered()
    _active(fake)
    yield fake


def _calls_to(table_name: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every call made to ``table_name`` from now on, by operation."""
    calls: list[str] = []
    make_api_call = botocore.client.BaseClient._make_api_call

    def recording(self: Any, operation: str, params: dict[str, Any]) -> Any:
        if params.get("TableName") == table_name:
            calls.append(operation)
        return make_api_call(self, operation, params)

    monkeypatch.setattr(botocore.client.BaseClient, "_make_api_call", recording)
    return calls


@pytest.fixture
def services_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every call made to the services table from now on, by operation."""
    return _calls_to(ServiceRecord.Meta.table_name, monkeypatch)


def _unlocked(service_id: str = SERVICE_ID) -> ServiceRecord:
    record = service_store.require(service_id)
    assert record.lock_owner is None and record.lock_action is None
    return record


def _audited(action: str, service_id: str = SERVICE_ID) -> list[str]:
    rows = AuditEntry.query(
        service_id, filter_condition=(AuditEntry.kind == "action") & (AuditEntry.action == action)
    )
    return [row.outcome for row in rows]


def test_suspending_an_active_server_locks_without_a_read_and_releases_with_the_last_write(
    contabo: FakeContaboGateway, services_calls: list[str]
) -> None:
    view = manage_service.suspend(SERVICE_ID, SuspendRequest(reason="overdue"), ACTOR)

    assert services_calls == SUSPEND_CALLS
    assert view.suspended
    record = _unlocked()
    assert record.details["suspended"] is True and record.billing_action is None
    assert _audited("suspend") == ["ok"]


def test_unsuspending_a_suspended_server_makes_as_few_round_trips(
    contabo: FakeContaboGateway, services_calls: list[str]
) -> None:
    manage_service.suspend(SERVICE_ID, SuspendRequest(), ACTOR)
    services_calls.clear()

    manage_service.unsuspend(SERVICE_ID, ACTOR)

    assert services_calls == SUSPEND_CALLS
    assert not _unlocked().details["suspended"]
    assert _audited("unsuspend") == ["ok"]


def test_renewing_a_server_records_the_due_date_and_releases_in_one_write(
    contabo: FakeContaboGateway, services_calls: list[str]
) -> None:
    manage_service.renew(SERVICE_ID, RenewRequest(next_due_date=date(2031, 1, 1)), ACTOR)

    assert services_calls == SUSPEND_CALLS
    assert _unlocked().details["next_due_date"] == "2031-01-01"
    assert _audited("renew") == ["ok"]


def test_a_power_action_releases_the_lock_with_the_status_it_expects(
    contabo: FakeContaboGateway, services_calls: list[str]
) -> None:
    manage_service.power(SERVICE_ID, "stop", ACTOR)

    assert services_calls == SUSPEND_CALLS
    assert _unlocked().details["instance_status"] == "stopping"
    assert _audited("stop") == ["ok"]


def test_terminating_a_server_releases_the_lock_with_the_terminated_state(
    contabo: FakeContaboGateway, services_calls: list[str]
) -> None:
    manage_service.terminate(SERVICE_ID, TerminateRequest(), ACTOR)

    # The cancel date is written before the cleanup, so a retry never cancels twice.
    assert services_calls == ["UpdateItem", "UpdateItem", "UpdateItem"]
    assert _unlocked().state == ServiceState.TERMINATED
    assert len(contabo.called("cancelInstance")) == 1
    assert _audited("terminate") == ["ok"]


def test_refreshing_a_servers_status_releases_the_lock_with_the_facts_it_writes(
    contabo: FakeContaboGateway, services_calls: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The power-status page's refresh: the read (a service still being set up or terminated
    answers as stored, without the lock), the lock, and the facts written with the release."""
    monkeypatch.setattr(compute_status, "compute_for", lambda scope, trace_id: contabo)
    services_calls.clear()
    view = compute_status.refresh(SERVICE_ID, ACTOR)
    assert services_calls == ["GetItem", "UpdateItem", "UpdateItem"]
    assert view.state == ServiceState.ACTIVE
    assert _unlocked().details["refreshed_at"]
    assert _audited("refresh") == ["ok"]


def test_the_releasing_write_is_fenced_when_the_lock_was_taken_over(
    contabo: FakeContaboGateway, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A suspend that outlived its lock changes nothing of the action that took it over: its
    releasing write is refused (LockLost), and the suspension is recorded for the job."""
    power = FakeContaboGateway.power

    def slow_power(self: FakeContaboGateway, instance_id: int, what: str) -> None:
        power(self, instance_id, what)
        ServiceRecord(service_id=SERVICE_ID).update(
            actions=[ServiceRecord.lock_owner.set("restart:other")]  # taken over meanwhile
        )

    monkeypatch.setattr(FakeContaboGateway, "power", slow_power)
    lost: list[str] = []
    update = service_store.update

    def noting_lost(*args: Any, **kwargs: Any) -> bool:
        try:
            return update(*args, **kwargs)
        except service_store.LockLost:
            lost.append("release" if kwargs.get("release") else "write")
            raise

    monkeypatch.setattr(service_store, "update", noting_lost)

    manage_service.suspend(SERVICE_ID, SuspendRequest(), ACTOR)

    assert lost == ["release"]
    record = service_store.require(SERVICE_ID)
    assert record.lock_owner == "restart:other"  # neither written over nor released
    assert not record.details.get("suspended")
    assert record.billing_action == "suspend"  # applied by the queued job once it is free


def test_nothing_is_written_under_a_lock_its_last_write_released(aws: None) -> None:
    with service_action("81", "create", "test") as action:
        service_store.update(action.record, state=ServiceState.QUEUED.value, release=True)
        assert service_store.require("81").lock_owner is None
        with pytest.raises(RuntimeError, match="released the lock"):
            service_store.update(action.record, status_message="no longer locked")
    assert service_store.require("81").state == ServiceState.QUEUED
    # After the action, the record is as after any release: written without the lock.
    assert service_store.update(action.record, status_message="after the action") is True


def test_a_record_not_read_under_the_lock_cannot_release_it(aws: None) -> None:
    service_store.acquire_lock("82", "create", "holder")
    with pytest.raises(RuntimeError, match="read under the lock"):
        service_store.update(service_store.get("82"), state="queued", release=True)
    assert service_store.get("82").lock_owner == "holder"


# Other products' services are still handed to their own lifecycle, unknown ones refused.


def test_an_object_storage_service_is_suspended_by_object_storage(
    storages: FakeObjectStorages,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    services_calls: list[str],
) -> None:
    handed: list[str] = []
    suspend = object_storage.suspend
    monkeypatch.setattr(
        object_storage, "suspend", lambda *args: handed.append("suspend") or suspend(*args)
    )
    _active_storage("7", storages)
    services_calls.clear()

    view = manage_service.suspend("7", SuspendRequest(reason="overdue"), ACTOR)

    assert handed == ["suspend"] and view.suspended
    assert services_calls[:3] == HANDED_OVER
    record = _unlocked("7")
    assert record.details["suspended"] is True
    assert record.details["object_storage"]["credentials_available"] is False
    assert _audited("suspend", "7") == ["ok"]


def test_a_private_network_service_is_suspended_and_unsuspended_as_a_network(
    aws: None, services_calls: list[str]
) -> None:
    with service_action("8", "create_private_network_product", "test") as action:
        service_store.update(
            action.record, state=ServiceState.ACTIVE.value, kind=PRIVATE_NETWORK, resource_id="55"
        )
    services_calls.clear()

    manage_service.suspend("8", SuspendRequest(), ACTOR)

    assert services_calls == [*HANDED_OVER, "UpdateItem"]  # its write releases the lock
    assert _unlocked("8").details["suspended"] is True
    manage_service.unsuspend("8", ACTOR)
    assert _unlocked("8").details["suspended"] is False
    assert _audited("suspend", "8") == ["ok"] and _audited("unsuspend", "8") == ["ok"]


def test_an_object_storage_service_is_renewed_and_terminated_by_object_storage(
    storages: FakeObjectStorages,  # noqa: F811
) -> None:
    _active_storage("9", storages)

    manage_service.renew("9", RenewRequest(next_due_date=date(2031, 1, 1)), ACTOR)
    assert _unlocked("9").details["next_due_date"] == "2031-01-01"
    manage_service.terminate("9", TerminateRequest(), ACTOR)

    assert _unlocked("9").state == ServiceState.TERMINATED
    assert _audited("renew", "9") == ["ok"] and _audited("terminate", "9") == ["ok"]


def test_a_server_action_on_a_private_network_is_refused_as_not_a_server(aws: None) -> None:
    with service_action("10", "create_private_network_product", "test") as action:
        service_store.update(action.record, state=ServiceState.ACTIVE.value, kind=PRIVATE_NETWORK)

    with pytest.raises(ActionRefused) as refused:
        manage_service.renew("10", RenewRequest(), ACTOR)

    assert refused.value.message_code == "not_a_server"
    assert _unlocked("10").state == ServiceState.ACTIVE


def test_a_suspend_of_an_unknown_service_writes_no_row(
    contabo: FakeContaboGateway, services_calls: list[str]
) -> None:
    with pytest.raises(NotFound):
        manage_service.suspend("4711", SuspendRequest(), ACTOR)

    assert services_calls == ["UpdateItem", "GetItem"]  # the refused lock, then why
    assert service_store.get("4711") is None


# Changes through service_policy.changing (rescue, reinstall, snapshots, networking, ...).


class _RescuingPort:
    """Just what a rescue asks of Contabo."""

    def __init__(self) -> None:
        self.rescued: list[int] = []

    def create_secret(self, name: str, value: str, secret_type: str) -> int:
        return 501

    def rescue(self, instance_id: int, **_: Any) -> None:
        self.rescued.append(instance_id)


def test_a_rescue_locks_without_a_read_and_releases_with_its_last_write(
    contabo: FakeContaboGateway, services_calls: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    port = _RescuingPort()
    monkeypatch.setattr(compute_rescue, "compute_for", lambda scope, trace_id: port)
    with service_action(SERVICE_ID, "import", "test") as action:
        service_store.update(action.record, client_id="7")
    services_calls.clear()

    compute_rescue.rescue(SERVICE_ID, RescueRequest(), ACTOR)

    # The lock, the rescue password secret's id, the last write with the release.
    assert services_calls == ["UpdateItem", "UpdateItem", "UpdateItem"]
    record = _unlocked()
    assert port.rescued == [int(record.resource_id or 0)]
    assert record.details["instance_status"] == "rescue"
    assert record.details["secret_ids"]["rescue_password"] == 501
    assert _audited("rescue") == ["ok"]


def test_a_change_to_an_unknown_service_is_refused_by_the_lock_and_writes_no_row(
    aws: None, services_calls: list[str]
) -> None:
    with (
        pytest.raises(NotFound) as refused,
        service_policy.changing("4711", "set_reverse_dns", ACTOR),
    ):
        pytest.fail("an unknown service was locked")

    assert refused.value.message_code == "service_unknown"
    assert services_calls == ["UpdateItem", "GetItem"]  # the refused lock, then why
    assert service_store.get("4711") is None


def test_a_package_change_writes_the_add_ons_and_releases_the_lock_at_once(
    contabo: FakeContaboGateway, services_calls: list[str]
) -> None:
    manage_service.change_package(SERVICE_ID, ChangePackageRequest(), ACTOR)

    assert services_calls == ["UpdateItem", "UpdateItem"]  # the lock, the add-ons with release
    assert _unlocked().details["add_ons"] == ChangePackageRequest().add_ons.model_dump()
    assert _audited("change_package") == ["ok"]


def test_a_billing_action_on_a_busy_server_is_queued_with_one_write_to_the_jobs(
    contabo: FakeContaboGateway, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Recorded for later (another action holds the lock): the new job is one PutItem; a job
    already waiting takes the newer action in one more write, never a read."""
    monkeypatch.setattr(manage_service, "BILLING_WAIT_SECONDS", 0)
    service_store.acquire_lock(SERVICE_ID, "restart", "customer:restart", seconds=30)
    jobs_calls = _calls_to(JobRecord.Meta.table_name, monkeypatch)

    manage_service.suspend(SERVICE_ID, SuspendRequest(reason="overdue"), ACTOR)
    assert jobs_calls == ["PutItem"]

    jobs_calls.clear()
    manage_service.terminate(SERVICE_ID, TerminateRequest(), ACTOR)
    assert jobs_calls == ["PutItem", "UpdateItem"]  # refused (it waits), then retargeted
    job = job_queue.get(f"{manage_service.BILLING_JOB}-{SERVICE_ID}")
    assert job is not None and job.status == "queued"
    assert job.payload == {"billing_action": "terminate"}
    assert service_store.require(SERVICE_ID).billing_action == "terminate"
