"""Object storage orders, resizes and lifecycle actions on in-process moto with an in-memory
Contabo (tests/unit/fakes/object_storage.py): the exactly-once steps and Contabo's rules.

New orders join their region's pool (tests/integration/object_storage/test_tenant_isolation.py
proves the tenants' walls with real S3 requests); ``legacy`` services are of the first design
(one whole storage, the API user's keys), which keep working until migrated."""

from __future__ import annotations

import pytest

from contabo_reseller.adapters import service_store, worker_trigger
from contabo_reseller.adapters.object_storage import pool_claims
from contabo_reseller.domain.errors import ActionRefused, Conflict
from contabo_reseller.domain.object_storage.product import (
    CreateObjectStorageRequest,
    ResizeObjectStorageRequest,
)
from contabo_reseller.domain.service import SuspendRequest
from contabo_reseller.services import provisioning
from contabo_reseller.services.object_storage import management as object_storage
from contabo_reseller.services.object_storage import provisioning as object_storage_provisioning
from contabo_reseller.services.object_storage import tenancy as object_storage_tenancy
from tests.unit.fakes.object_storage import FakeObjectStorages

ACTOR = "whmcs:test"


@pytest.fixture
def contabo(aws, monkeypatch) -> FakeObjectStorages:
    account = FakeObjectStorages()
    for module in (object_storage, object_storage_provisioning):
        monkeypatch.setattr(module, "object_storage_port_for", lambda *_: account)
    monkeypatch.setattr(worker_trigger, "trigger_provisioning", lambda _sid: None)
    monkeypatch.setattr(provisioning, "RECONCILE_GRACE_SECONDS", 0)
    return account


def _order(service_id: str, region: str = "EU", *, legacy: bool = True, **fields) -> str:
    request = CreateObjectStorageRequest(
        client_id="7", client_email="ada@example.com", region=region, size_tb=1, **fields
    )
    state = object_storage.order(service_id, request, ACTOR).state
    if legacy:
        service_store.update(service_store.require(service_id), details={"tenant_suffix": None})
    return state


@pytest.fixture
def tenancy(monkeypatch) -> list[str]:
    """Tenant set-up recorded, not made (it needs S3: the integration tests make it)."""
    made: list[str] = []

    def setup(record, storage, port):
        made.append(record.service_id)
        return {"s3_user_id": f"user-{record.service_id}", "s3_credential_id": 1, "bucket": "b"}

    monkeypatch.setattr(object_storage_tenancy, "setup", setup)
    return made


def _active(service_id: str, contabo: FakeObjectStorages, region: str = "EU") -> str:
    _order(service_id, region)
    provisioning.advance(service_id)
    for storage in contabo.storages.values():
        storage["status"] = "READY"
    assert provisioning.advance(service_id) == "active"
    record = service_store.require(service_id)
    assert record.resource_id
    return record.resource_id


def test_a_lost_answer_is_reconciled_to_the_one_storage_bought(contabo):
    assert _order("1") == "queued"
    contabo.commit_then_fail()
    assert provisioning.advance("1") == "provisioning"  # reconciled through the audit list
    assert provisioning.advance("1") == "provisioning"
    assert contabo.purchases["create"] == 1
    assert service_store.require("1").resource_id == next(iter(contabo.storages))


def test_a_purchase_that_never_happened_is_made_again_only_after_the_grace_period(
    contabo, monkeypatch
):
    _order("1")
    contabo.fail_before_commit()
    monkeypatch.setattr(provisioning, "RECONCILE_GRACE_SECONDS", 3600)
    assert provisioning.advance("1") == "purchasing"
    assert provisioning.advance("1") == "purchasing"  # audit lists may lag: wait, never rebuy
    assert contabo.purchases["create"] == 0
    monkeypatch.setattr(provisioning, "RECONCILE_GRACE_SECONDS", 0)
    assert provisioning.advance("1") == "provisioning"
    assert contabo.purchases["create"] == 1


def test_activation_records_endpoint_size_and_credential_reference(contabo):
    storage_id = _active("1", contabo)
    record = service_store.require("1")
    shown = record.details["object_storage"]
    assert shown["object_storage_id"] == storage_id and shown["s3_url"] == "https://eu.example"
    assert shown["size_tb"] == 1 and shown["credentials_available"] is True
    assert record.details["s3_credential_id"] == 1


def test_an_order_joins_the_regions_pool_without_buying(contabo, tenancy):
    pool_id = contabo.add("EU", "the reseller's pool")
    contabo.storages[pool_id]["status"] = "READY"
    assert _order("1", legacy=False) == "queued"
    assert provisioning.advance("1") == "active"
    assert service_store.require("1").resource_id == pool_id
    assert contabo.purchases["create"] == 0 and tenancy == ["1"]


def test_a_region_without_a_pool_buys_one_once_for_all_its_first_orders(contabo, tenancy):
    _order("1", legacy=False)
    _order("2", legacy=False)
    assert provisioning.advance("2") == "provisioning"  # claims the region and buys
    assert provisioning.advance("1") == "provisioning"  # finds the pool being bought
    assert contabo.purchases["create"] == 1
    assert service_store.require("1").resource_id == service_store.require("2").resource_id
    for storage in contabo.storages.values():
        storage["status"] = "READY"
    assert provisioning.advance("1") == provisioning.advance("2") == "active"
    assert sorted(tenancy) == ["1", "2"]


def test_an_order_waits_while_another_is_buying_the_regions_pool(contabo, tenancy):
    _order("1", legacy=False)
    _order("2", legacy=False)
    assert pool_claims.claim_region("EU", "1") is None  # 1 is about to buy
    service_store.update(service_store.require("1"), state="purchasing")
    assert provisioning.advance("2") == "queued"
    assert contabo.purchases["create"] == 0


def test_a_stale_claim_of_a_service_that_bought_nothing_is_taken_over(contabo, tenancy):
    _order("1", legacy=False)
    assert pool_claims.claim_region("EU", "1") is None
    service_store.update(service_store.require("1"), state="failed")  # Contabo refused it
    _order("2", legacy=False)
    assert provisioning.advance("2") == "provisioning"
    assert pool_claims.region_holder("EU") == "2"
    assert contabo.purchases["create"] == 1


def test_a_resize_with_a_lost_answer_is_bought_once(contabo):
    storage_id = _active("1", contabo)
    view = object_storage.resize("1", ResizeObjectStorageRequest(size_tb=2), ACTOR)
    assert view.object_storage and view.object_storage.resize
    assert pool_claims.pending_resizes() == ["1"]
    with pytest.raises(Conflict):
        object_storage.resize("1", ResizeObjectStorageRequest(size_tb=3), ACTOR)
    contabo.commit_then_fail()
    provisioning.advance("1")
    assert service_store.require("1").details["resize"]["status"] == "confirming"
    provisioning.advance("1")
    record = service_store.require("1")
    assert record.details["resize"] is None
    assert record.details["object_storage"]["size_tb"] == 2
    assert contabo.purchases["resize"] == 1 and contabo.storages[storage_id]["size_tb"] == 2
    assert pool_claims.pending_resizes() == []


def test_a_resize_that_never_happened_is_sent_again_then_given_up(contabo):
    _active("1", contabo)
    object_storage.resize("1", ResizeObjectStorageRequest(size_tb=2), ACTOR)
    contabo.fail_before_commit(provisioning.MAX_PURCHASE_ATTEMPTS)
    for _ in range(provisioning.MAX_PURCHASE_ATTEMPTS + 1):
        provisioning.advance("1")
    resize = service_store.require("1").details["resize"]
    assert resize["status"] == "failed" and "could not be confirmed" in resize["message"]
    assert contabo.purchases["resize"] == 0
    assert pool_claims.pending_resizes() == []
    object_storage.resize("1", ResizeObjectStorageRequest(size_tb=2), ACTOR)  # may be asked again
    provisioning.advance("1")
    assert contabo.purchases["resize"] == 1


def test_suspend_replaces_the_keys_and_hides_them(contabo):
    storage_id = _active("1", contabo)
    before = contabo.key_store[storage_id]
    view = object_storage.suspend("1", SuspendRequest(reason="overdue"), ACTOR)
    assert view.suspended and view.object_storage and not view.object_storage.credentials_available
    assert contabo.key_store[storage_id] != before
    with pytest.raises(ActionRefused, match="suspended"):
        object_storage.credentials("1")
    object_storage.suspend("1", SuspendRequest(), ACTOR)
    replaced = contabo.key_store[storage_id]
    object_storage.unsuspend("1", ACTOR)
    assert object_storage.credentials("1").secret_key == replaced.secret_key


def test_terminate_counts_an_already_cancelled_storage_as_done(contabo):
    storage_id = _active("1", contabo)
    contabo.storages[storage_id]["cancel_date"] = "2026-12-31"
    view = object_storage.terminate("1", ACTOR)
    assert view.state == "terminated" and view.cancel_date == "2026-12-31"
    again = object_storage.terminate("1", ACTOR)
    assert again.cancel_date == "2026-12-31"


def test_terminate_while_a_purchase_is_being_confirmed_is_recorded_not_refused(
    contabo, monkeypatch
):
    _order("1")
    contabo.fail_before_commit()
    monkeypatch.setattr(provisioning, "RECONCILE_GRACE_SECONDS", 3600)
    assert provisioning.advance("1") == "purchasing"
    view = object_storage.terminate("1", ACTOR)  # WHMCS is never refused a billing action
    assert view.state == "purchasing"
    assert service_store.require("1").billing_action == "terminate"


def test_a_failed_setup_is_said_by_code_with_the_providers_state(contabo):
    from contabo_reseller.services.views import service_view

    _order("1")
    provisioning.advance("1")
    for storage in contabo.storages.values():
        storage["status"] = "ERROR"
    assert provisioning.advance("1") == "failed"
    record = service_store.require("1")
    assert record.status_message_code == "status_storage_setup_failed"
    assert record.status_message_params == {"state": "ERROR"}
    view = service_view(record)
    assert (view.status_message_code, view.status_message_params) == (
        "status_storage_setup_failed",
        {"state": "ERROR"},
    )
