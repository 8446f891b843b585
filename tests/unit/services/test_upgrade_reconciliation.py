"""An add-on upgrade whose answer was lost is settled by its own x-request-id in Contabo's
audit list, not only by the instance's add-on count (which may not show it yet)."""

from __future__ import annotations

import pytest

from contabo_reseller.adapters import job_queue, service_store
from contabo_reseller.adapters.tables import JobRecord
from contabo_reseller.domain.errors import PurchaseOutcomeUnknown
from contabo_reseller.domain.instance import InstanceFacts
from contabo_reseller.domain.service import ChangePackageRequest
from contabo_reseller.services import manage_service
from contabo_reseller.services.jobs import action_queue
from tests.unit.fakes.contabo import FakeContaboGateway
from tests.unit.services.test_purchases_with_fake_contabo import (
    SERVICE_ID,
    _active,
    _ordered,
    upgrade_window_passes,
)


def test_a_lost_upgrade_not_yet_shown_on_the_instance_is_not_bought_again(
    contabo: FakeContaboGateway, monkeypatch: pytest.MonkeyPatch
) -> None:
    _ordered()
    _active(contabo)
    request = ChangePackageRequest(add_ons={"backup": True})
    contabo.commit_then_fail(operation="upgradeInstance")
    with pytest.raises(PurchaseOutcomeUnknown):
        manage_service.change_package(SERVICE_ID, request, "whmcs:test")

    # Contabo bought the add-on but the instance does not list it yet.
    shown = FakeContaboGateway.get_instance

    def lagging(self: FakeContaboGateway, instance_id: int) -> InstanceFacts:
        return shown(self, instance_id).model_copy(update={"add_ons": []})

    monkeypatch.setattr(FakeContaboGateway, "get_instance", lagging)
    manage_service.change_package(SERVICE_ID, request, "whmcs:test")

    assert contabo.account.purchases["upgradeInstance"] == 1
    record = service_store.require(SERVICE_ID)
    assert record.details["add_ons"]["backup"] is True
    assert record.details["upgrade_pending"] is None


def test_the_upgrade_is_sent_with_the_request_id_recorded_before_it(
    contabo: FakeContaboGateway,
) -> None:
    _ordered()
    _active(contabo)
    contabo.fail_before_commit(operation="upgradeInstance")
    with pytest.raises(PurchaseOutcomeUnknown):
        manage_service.change_package(
            SERVICE_ID, ChangePackageRequest(add_ons={"backup": True}), "whmcs:test"
        )

    pending = service_store.require(SERVICE_ID).details["upgrade_pending"]
    ((sent_request_id, _),) = contabo.called("upgradeInstance")
    assert pending["request_id"] == sent_request_id


def _run_upgrade_job() -> str:
    job = job_queue.get(f"{manage_service.UPGRADE_JOB}-{SERVICE_ID}")
    assert job is not None
    job.update(actions=[JobRecord.run_after.set(0)])
    return action_queue.work_one(job.job_id, 60_000)


def test_a_retry_while_both_lists_lag_is_told_being_confirmed_and_never_buys_twice(
    contabo: FakeContaboGateway, monkeypatch: pytest.MonkeyPatch
) -> None:
    _ordered()
    _active(contabo)
    request = ChangePackageRequest(add_ons={"backup": True})
    contabo.commit_then_fail(operation="upgradeInstance")
    with pytest.raises(PurchaseOutcomeUnknown):
        manage_service.change_package(SERVICE_ID, request, "whmcs:test")
    # Neither Contabo's audit list nor the instance's add-on list shows the purchase yet.
    shown = FakeContaboGateway.get_instance
    monkeypatch.setattr(FakeContaboGateway, "instance_changed_by_request_id", lambda *_: False)
    monkeypatch.setattr(
        FakeContaboGateway,
        "get_instance",
        lambda self, i: shown(self, i).model_copy(update={"add_ons": []}),
    )

    view = manage_service.change_package(SERVICE_ID, request, "whmcs:test")

    assert view.status_message == manage_service.UPGRADE_BEING_CONFIRMED.text
    assert contabo.account.purchases["upgradeInstance"] == 1
    assert _run_upgrade_job() == "waiting"  # still inside the window: nothing bought
    monkeypatch.undo()  # the lists catch up
    monkeypatch.setattr(manage_service, "gateway_for", contabo.for_service)
    assert _run_upgrade_job() == "done"
    assert contabo.account.purchases["upgradeInstance"] == 1
    details = service_store.require(SERVICE_ID).details
    assert details["add_ons"]["backup"] is True and details["upgrade_pending"] is None


def test_an_upgrade_that_never_went_through_is_bought_once_after_the_window(
    contabo: FakeContaboGateway,
) -> None:
    _ordered()
    _active(contabo)
    request = ChangePackageRequest(add_ons={"backup": True})
    contabo.fail_before_commit(operation="upgradeInstance")
    with pytest.raises(PurchaseOutcomeUnknown):
        manage_service.change_package(SERVICE_ID, request, "whmcs:test")

    view = manage_service.change_package(SERVICE_ID, request, "whmcs:test")
    assert view.status_message == manage_service.UPGRADE_BEING_CONFIRMED.text
    assert contabo.account.purchases["upgradeInstance"] == 0
    upgrade_window_passes()
    assert _run_upgrade_job() == "done"
    assert contabo.account.purchases["upgradeInstance"] == 1
    assert service_store.require(SERVICE_ID).details["add_ons"]["backup"] is True
