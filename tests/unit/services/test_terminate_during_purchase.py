"""Terminate while a purchase's outcome is unknown: accepted at once, no purchase starts after
it, and the server the purchase bought is cancelled the moment it is linked - exactly once."""

from __future__ import annotations

import time

import pytest

from contabo_reseller.adapters import service_store
from contabo_reseller.domain.service import ServiceState, TerminateRequest
from contabo_reseller.services import manage_service, provisioning
from tests.unit.fakes.contabo import FakeContaboGateway
from tests.unit.services.test_purchases_with_fake_contabo import SERVICE_ID, _active, _ordered


def _lists_lag(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(FakeContaboGateway, "find_instance_by_request_id", lambda *_: None)
    monkeypatch.setattr(FakeContaboGateway, "find_instance_by_display_name", lambda *_: None)


def _lists_catch_up(monkeypatch: pytest.MonkeyPatch, contabo: FakeContaboGateway) -> None:
    monkeypatch.undo()
    monkeypatch.setattr(manage_service, "gateway_for", contabo.for_service)
    monkeypatch.setattr(provisioning, "gateway_for", contabo.for_service)


def test_terminate_of_an_unconfirmed_purchase_is_accepted_and_cancels_it_once_linked(
    contabo: FakeContaboGateway, monkeypatch: pytest.MonkeyPatch
) -> None:
    _ordered()
    contabo.commit_then_fail()
    _lists_lag(monkeypatch)  # Contabo's audit list and instance list lag behind the purchase
    assert provisioning.advance(SERVICE_ID) == ServiceState.PURCHASING

    view = manage_service.terminate(SERVICE_ID, TerminateRequest(), "whmcs:test")
    assert view.status_message == manage_service.TERMINATE_AFTER_PURCHASE.text
    assert service_store.require(SERVICE_ID).billing_action == "terminate"

    _lists_catch_up(monkeypatch, contabo)  # the worker links what was bought, and cancels it
    assert provisioning.advance(SERVICE_ID) == ServiceState.TERMINATED
    assert provisioning.advance(SERVICE_ID) == ServiceState.TERMINATED

    (instance,) = contabo.account.instances.values()
    assert contabo.account.purchases["createInstance"] == 1
    assert instance.cancel_date is not None
    assert len(contabo.called("cancelInstance")) == 1
    assert service_store.require(SERVICE_ID).billing_action is None


def test_no_purchase_is_repeated_after_terminate_even_when_the_first_never_shows(
    contabo: FakeContaboGateway, monkeypatch: pytest.MonkeyPatch
) -> None:
    _ordered()
    # The purchase is answered like an unknown outcome, but nothing was bought.
    monkeypatch.setattr(
        FakeContaboGateway,
        "create_instance",
        lambda *_, **__: (_ for _ in ()).throw(
            provisioning.PurchaseOutcomeUnknown("lost", request_id="r")
        ),
    )
    assert provisioning.advance(SERVICE_ID) == ServiceState.PURCHASING
    manage_service.terminate(SERVICE_ID, TerminateRequest(), "whmcs:test")
    record = service_store.require(SERVICE_ID)
    past_grace = time.time() - provisioning.RECONCILE_GRACE_SECONDS - 1
    service_store.update(record, details={"purchase_started_at": past_grace})

    assert provisioning.advance(SERVICE_ID) == ServiceState.TERMINATED
    assert contabo.account.purchases["createInstance"] == 0
    assert service_store.require(SERVICE_ID).purchase_attempts == 1


def test_terminate_of_a_queued_order_ends_it_and_the_worker_never_buys(
    contabo: FakeContaboGateway,
) -> None:
    _ordered()
    view = manage_service.terminate(SERVICE_ID, TerminateRequest(), "whmcs:test")
    assert view.state == ServiceState.TERMINATED
    assert provisioning.advance(SERVICE_ID) == ServiceState.TERMINATED
    assert contabo.account.purchases["createInstance"] == 0


def test_terminate_recorded_while_the_worker_buys_cancels_right_after_the_link(
    contabo: FakeContaboGateway,
) -> None:
    """The worker holds the lock while it buys: terminate records itself (no refusal), and
    the same worker run cancels the server it just linked."""
    _ordered()
    real_create = FakeContaboGateway.create_instance
    answers = []

    def create_while_whmcs_terminates(self, **kwargs):  # type: ignore[no-untyped-def]
        answers.append(manage_service.terminate(SERVICE_ID, TerminateRequest(), "whmcs:test"))
        return real_create(self, **kwargs)

    FakeContaboGateway.create_instance = create_while_whmcs_terminates  # type: ignore[method-assign]
    try:
        assert provisioning.advance(SERVICE_ID) == ServiceState.TERMINATED
    finally:
        FakeContaboGateway.create_instance = real_create  # type: ignore[method-assign]
    (answer,) = answers
    assert answer.service_id == SERVICE_ID  # WHMCS got its success, not "busy"
    (instance,) = contabo.account.instances.values()
    assert instance.cancel_date is not None
    assert len(contabo.called("cancelInstance")) == 1


def test_terminate_of_a_failed_order_finds_and_cancels_a_server_a_lost_answer_bought(
    contabo: FakeContaboGateway, monkeypatch: pytest.MonkeyPatch
) -> None:
    _ordered()
    contabo.commit_then_fail()
    _lists_lag(monkeypatch)
    assert provisioning.advance(SERVICE_ID) == ServiceState.PURCHASING
    record = service_store.require(SERVICE_ID)
    # The worker gave up (too many attempts) before the purchase showed at Contabo.
    service_store.update(record, state=ServiceState.FAILED.value)
    _lists_catch_up(monkeypatch, contabo)  # by the time the admin terminates, the lists show it

    view = manage_service.terminate(SERVICE_ID, TerminateRequest(), "whmcs:test")

    (instance,) = contabo.account.instances.values()
    assert instance.cancel_date is not None
    assert service_store.require(SERVICE_ID).resource_id == str(instance.instance_id)
    assert view.state == ServiceState.TERMINATED
    assert contabo.account.purchases["createInstance"] == 1


def test_terminate_of_an_active_server_cancels_once_however_often_asked(
    contabo: FakeContaboGateway,
) -> None:
    _ordered()
    _active(contabo)
    for _ in range(3):
        view = manage_service.terminate(SERVICE_ID, TerminateRequest(), "whmcs:test")
        assert view.state == ServiceState.TERMINATED
    assert len(contabo.called("cancelInstance")) == 1
