"""An add-on upgrade whose answer was lost is settled by its own x-request-id in Contabo's
audit list, not only by the instance's add-on count (which may not show it yet)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from contabo_reseller.adapters import service_store
from contabo_reseller.domain.errors import PurchaseOutcomeUnknown
from contabo_reseller.domain.instance import InstanceFacts
from contabo_reseller.domain.service import ChangePackageRequest
from contabo_reseller.services import manage_service, provisioning
from tests.unit.fakes.contabo import FakeContaboGateway
from tests.unit.services.test_purchases_with_fake_contabo import SERVICE_ID, _active, _ordered


@pytest.fixture
def contabo(aws: None, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeContaboGateway]:
    fake = FakeContaboGateway()
    monkeypatch.setattr(manage_service, "gateway_for", fake.for_service)
    monkeypatch.setattr(provisioning, "gateway_for", fake.for_service)
    yield fake


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
