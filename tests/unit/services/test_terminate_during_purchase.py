"""Terminate while a purchase's outcome is unknown: the server it may have bought must be
found and cancelled, never left billed and unlinked behind a "terminated" service."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from contabo_reseller.adapters import service_store
from contabo_reseller.domain.errors import ActionRefused
from contabo_reseller.domain.service import ServiceState, TerminateRequest
from contabo_reseller.services import manage_service, provisioning
from tests.unit.fakes.contabo import FakeContaboGateway
from tests.unit.services.test_purchases_with_fake_contabo import SERVICE_ID, _ordered


@pytest.fixture
def contabo(aws: None, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeContaboGateway]:
    fake = FakeContaboGateway()
    monkeypatch.setattr(manage_service, "gateway_for", fake.for_service)
    monkeypatch.setattr(provisioning, "gateway_for", fake.for_service)
    yield fake


def test_terminate_waits_for_an_unconfirmed_purchase_then_cancels_what_it_bought(
    contabo: FakeContaboGateway, monkeypatch: pytest.MonkeyPatch
) -> None:
    _ordered()
    contabo.commit_then_fail()
    # Contabo's audit list and instance list lag behind the purchase for a while.
    monkeypatch.setattr(FakeContaboGateway, "find_instance_by_request_id", lambda *_: None)
    monkeypatch.setattr(FakeContaboGateway, "find_instance_by_display_name", lambda *_: None)
    assert provisioning.advance(SERVICE_ID) == ServiceState.PURCHASING

    with pytest.raises(ActionRefused, match="still being confirmed"):
        manage_service.terminate(SERVICE_ID, TerminateRequest(), "whmcs:test")
    assert service_store.require(SERVICE_ID).state == ServiceState.PURCHASING

    monkeypatch.undo()  # the lists catch up; the worker links what was bought
    monkeypatch.setattr(manage_service, "gateway_for", contabo.for_service)
    monkeypatch.setattr(provisioning, "gateway_for", contabo.for_service)
    assert provisioning.advance(SERVICE_ID) == ServiceState.PROVISIONING
    view = manage_service.terminate(SERVICE_ID, TerminateRequest(), "whmcs:test")

    (instance,) = contabo.account.instances.values()
    assert contabo.account.purchases["createInstance"] == 1
    assert instance.cancel_date is not None
    assert view.state == ServiceState.TERMINATED


def test_terminate_of_a_failed_order_finds_and_cancels_a_server_a_lost_answer_bought(
    contabo: FakeContaboGateway, monkeypatch: pytest.MonkeyPatch
) -> None:
    _ordered()
    contabo.commit_then_fail()
    monkeypatch.setattr(FakeContaboGateway, "find_instance_by_request_id", lambda *_: None)
    monkeypatch.setattr(FakeContaboGateway, "find_instance_by_display_name", lambda *_: None)
    assert provisioning.advance(SERVICE_ID) == ServiceState.PURCHASING
    record = service_store.require(SERVICE_ID)
    # The worker gave up (too many attempts) before the purchase showed at Contabo.
    service_store.update(record, state=ServiceState.FAILED.value)
    monkeypatch.undo()  # by the time the admin terminates, Contabo's lists show it
    monkeypatch.setattr(manage_service, "gateway_for", contabo.for_service)

    view = manage_service.terminate(SERVICE_ID, TerminateRequest(), "whmcs:test")

    (instance,) = contabo.account.instances.values()
    assert instance.cancel_date is not None
    assert service_store.require(SERVICE_ID).resource_id == str(instance.instance_id)
    assert view.state == ServiceState.TERMINATED
    assert contabo.account.purchases["createInstance"] == 1
