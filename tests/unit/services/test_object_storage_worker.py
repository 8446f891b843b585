"""Object storage orders, resizes and lifecycle actions on in-process moto with an in-memory
Contabo (tests/unit/fakes/object_storage.py): the exactly-once steps and Contabo's rules."""

from __future__ import annotations

import pytest

from contabo_reseller.adapters import object_storage_claims, service_store, worker_trigger
from contabo_reseller.domain.errors import ActionRefused, Conflict
from contabo_reseller.domain.object_storage import (
    CreateObjectStorageRequest,
    ResizeObjectStorageRequest,
)
from contabo_reseller.domain.service import SuspendRequest
from contabo_reseller.services import object_storage, object_storage_provisioning, provisioning
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


def _order(service_id: str, region: str = "EU", **fields) -> str:
    request = CreateObjectStorageRequest(
        client_id="7", client_email="ada@example.com", region=region, size_tb=1, **fields
    )
    return object_storage.order(service_id, request, ACTOR).state


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


def test_a_region_in_use_is_refused_at_order_time_and_before_buying(contabo):
    contabo.add("EU", "bought in the control panel")
    with pytest.raises(ActionRefused, match="Object storage in EU is already in use"):
        _order("1")
    assert object_storage_claims.region_holder("EU") is None
    assert _order("2", region="SIN") == "queued"
    contabo.add("SIN", "someone was quicker", cancel_date="2027-02-28")
    assert provisioning.advance("2") == "failed"
    assert "after 2027-02-28" in (service_store.require("2").status_message or "")
    assert contabo.purchases["create"] == 0
    assert object_storage_claims.region_holder("SIN") is None


def test_the_region_claim_admits_one_service_and_frees_with_terminate(contabo):
    _order("1")
    with pytest.raises(ActionRefused, match="already in use"):
        _order("2")
    object_storage.terminate("1", ACTOR)  # never bought: nothing to cancel
    assert object_storage_claims.region_holder("EU") is None
    assert _order("2") == "queued"


def test_a_stale_claim_of_a_service_that_bought_nothing_is_taken_over(contabo):
    _order("1")
    record = service_store.require("1")
    service_store.update(record, state="failed")  # e.g. Contabo refused its order
    assert _order("2") == "queued"
    assert object_storage_claims.region_holder("EU") == "2"


def test_a_resize_with_a_lost_answer_is_bought_once(contabo):
    storage_id = _active("1", contabo)
    view = object_storage.resize("1", ResizeObjectStorageRequest(size_tb=2), ACTOR)
    assert view.object_storage and view.object_storage.resize
    assert object_storage_claims.pending_resizes() == ["1"]
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
    assert object_storage_claims.pending_resizes() == []


def test_a_resize_that_never_happened_is_sent_again_then_given_up(contabo):
    _active("1", contabo)
    object_storage.resize("1", ResizeObjectStorageRequest(size_tb=2), ACTOR)
    contabo.fail_before_commit(provisioning.MAX_PURCHASE_ATTEMPTS)
    for _ in range(provisioning.MAX_PURCHASE_ATTEMPTS + 1):
        provisioning.advance("1")
    resize = service_store.require("1").details["resize"]
    assert resize["status"] == "failed" and "could not be confirmed" in resize["message"]
    assert contabo.purchases["resize"] == 0
    assert object_storage_claims.pending_resizes() == []
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


def test_terminate_waits_while_a_purchase_is_being_confirmed(contabo, monkeypatch):
    _order("1")
    contabo.fail_before_commit()
    monkeypatch.setattr(provisioning, "RECONCILE_GRACE_SECONDS", 3600)
    assert provisioning.advance("1") == "purchasing"
    with pytest.raises(ActionRefused, match="being confirmed"):
        object_storage.terminate("1", ACTOR)
