"""A service's status message reaches WHMCS as a code with parameters beside its English text
(the admin's Services tab says it in the admin's language); clearing it clears all three."""

from __future__ import annotations

from datetime import date

import pytest

from contabo_reseller.adapters import service_store
from contabo_reseller.domain.service import RenewRequest, ServiceState, TerminateRequest
from contabo_reseller.services import manage_service, provisioning
from contabo_reseller.services.views import service_view
from tests.unit.fakes.contabo import FakeContaboGateway
from tests.unit.services.test_purchases_with_fake_contabo import SERVICE_ID, _active, _ordered


def _status(service_id: str = SERVICE_ID) -> tuple[str | None, str | None, dict | None]:
    record = service_store.require(service_id)
    return record.status_message, record.status_message_code, record.status_message_params


def test_a_failed_setup_keeps_the_providers_words_as_the_reason_parameter(
    contabo: FakeContaboGateway,
) -> None:
    _ordered()
    assert provisioning.advance(SERVICE_ID) == ServiceState.PROVISIONING
    contabo.advance(status="error", error_message="disk image broken")
    assert provisioning.advance(SERVICE_ID) == ServiceState.FAILED

    text, code, params = _status()
    assert code == "status_setup_failed"
    assert params == {"state": "error", "reason": "disk image broken"}
    assert text == "The server could not be set up (state error): disk image broken"
    view = service_view(service_store.require(SERVICE_ID))
    assert (view.status_message_code, view.status_message_params) == (code, params)
    assert view.status_message == text


def test_a_failed_setup_without_the_providers_words_has_its_own_sentence(
    contabo: FakeContaboGateway,
) -> None:
    _ordered()
    assert provisioning.advance(SERVICE_ID) == ServiceState.PROVISIONING
    contabo.advance(status="verification_required")
    assert provisioning.advance(SERVICE_ID) == ServiceState.FAILED

    assert _status()[1:] == ("status_setup_failed_no_details", {"state": "verification_required"})


def test_terminate_during_a_purchase_says_so_by_code_on_the_row_and_the_answer(
    contabo: FakeContaboGateway, monkeypatch: pytest.MonkeyPatch
) -> None:
    _ordered()
    contabo.commit_then_fail()
    monkeypatch.setattr(FakeContaboGateway, "find_instance_by_request_id", lambda *_: None)
    monkeypatch.setattr(FakeContaboGateway, "find_instance_by_display_name", lambda *_: None)
    assert provisioning.advance(SERVICE_ID) == ServiceState.PURCHASING

    view = manage_service.terminate(SERVICE_ID, TerminateRequest(), "whmcs:test")

    assert view.status_message_code == "status_terminate_after_purchase"
    assert view.status_message_params == {}
    assert _status()[1] == "status_terminate_after_purchase"


def test_a_message_cleared_takes_its_code_along_and_the_states_sentence_shows(
    contabo: FakeContaboGateway,
) -> None:
    _ordered()
    record = service_store.require(SERVICE_ID)
    service_store.update(
        record,
        status_message="The order was refused: busy",
        status_message_code="status_order_refused",
        status_message_params={"reason": "busy"},
    )
    _active(contabo)  # linking and becoming active clear the message

    assert _status() == ("", None, None)
    view = service_view(service_store.require(SERVICE_ID))
    assert (view.status_message_code, view.status_message_params) == ("status_server_active", {})
    assert view.status_message == "Your server is ready."


def test_a_queued_renewal_is_told_by_code(
    contabo: FakeContaboGateway, monkeypatch: pytest.MonkeyPatch
) -> None:
    _ordered()
    _active(contabo)
    monkeypatch.setattr(manage_service, "BILLING_WAIT_SECONDS", 0)
    service_store.acquire_lock(SERVICE_ID, "reinstall", "another-invocation")

    view = manage_service.renew(SERVICE_ID, RenewRequest(next_due_date=date(2027, 1, 1)), "t")

    assert (view.status_message_code, view.status_message_params) == ("status_renewal_queued", {})
    assert view.status_message == manage_service.RENEWAL_QUEUED.text


def test_a_row_written_before_codes_shows_its_english_text_without_a_code(aws: None) -> None:
    _ordered()
    record = service_store.require(SERVICE_ID)
    service_store.update(record, status_message="Moving to region EU (support ticket 5).")

    view = service_view(service_store.require(SERVICE_ID))

    assert view.status_message == "Moving to region EU (support ticket 5)."
    assert (view.status_message_code, view.status_message_params) == ("", {})
