"""The services' purchase paths on the in-memory Contabo (tests/unit/fakes): a lost answer to
a purchase is reconciled, never bought twice; Windows refuses a password reset."""

from __future__ import annotations

import pytest

from contabo_reseller.adapters import service_store
from contabo_reseller.domain.errors import ActionRefused, PurchaseOutcomeUnknown
from contabo_reseller.domain.service import (
    ChangePackageRequest,
    ChangePasswordRequest,
    ServiceState,
    display_name_for,
)
from contabo_reseller.services import manage_service, provisioning
from tests.unit.fakes.contabo import IMAGES, FakeContaboGateway

SERVICE_ID = "42"


def _ordered(service_id: str = SERVICE_ID, image_index: int = 0) -> None:
    """A service row as CreateAccount leaves it: queued, with its order."""
    record = service_store.acquire_lock(service_id, "create", "test")
    image = IMAGES[image_index]
    service_store.update(
        record,
        state=ServiceState.QUEUED.value,
        kind="compute",
        product_id="V92",
        region="EU",
        display_name=display_name_for(service_id),
        details={
            "order": {"product_id": "V92", "region": "EU", "image_id": image.image_id},
            "os": image.name,
            "username": "root",
        },
    )
    service_store.release_lock(service_id, "test")


def upgrade_window_passes(service_id: str = SERVICE_ID) -> None:
    """Time passes beyond the settle window of the service's unconfirmed upgrade."""
    record = service_store.require(service_id)
    pending = dict(record.details["upgrade_pending"])
    pending["started_at"] -= manage_service.UPGRADE_SETTLE_SECONDS + 1
    service_store.update(record, details={"upgrade_pending": pending})


def _active(contabo: FakeContaboGateway, service_id: str = SERVICE_ID) -> None:
    assert provisioning.advance(service_id) == ServiceState.PROVISIONING
    contabo.advance()
    assert provisioning.advance(service_id) == ServiceState.ACTIVE


def test_a_purchase_whose_answer_was_lost_is_found_and_linked_not_bought_again(
    contabo: FakeContaboGateway,
) -> None:
    _ordered()
    contabo.commit_then_fail()

    # The same run reconciles: Contabo's audit list knows the purchase's x-request-id.
    assert provisioning.advance(SERVICE_ID) == ServiceState.PROVISIONING
    assert contabo.called("retrieveInstancesAuditsList")
    contabo.advance()
    assert provisioning.advance(SERVICE_ID) == ServiceState.ACTIVE

    record = service_store.require(SERVICE_ID)
    (instance_id,) = contabo.account.instances
    assert record.resource_id == str(instance_id)
    assert contabo.account.purchases["createInstance"] == 1
    assert record.details["ipv4"] == contabo.get_instance(instance_id).ipv4


def test_an_upgrade_whose_answer_was_lost_is_not_bought_again_on_the_retry(
    contabo: FakeContaboGateway,
) -> None:
    _ordered()
    _active(contabo)
    request = ChangePackageRequest(add_ons={"backup": True})
    contabo.commit_then_fail(operation="upgradeInstance")

    with pytest.raises(PurchaseOutcomeUnknown):
        manage_service.change_package(SERVICE_ID, request, "whmcs:test")
    view = manage_service.change_package(SERVICE_ID, request, "whmcs:test")

    assert contabo.account.purchases["upgradeInstance"] == 1
    (instance,) = contabo.account.instances.values()
    assert instance.add_ons == ["backup"]
    assert service_store.require(SERVICE_ID).details["upgrade_pending"] is None
    assert view.service_id == SERVICE_ID
    manage_service.change_package(SERVICE_ID, request, "whmcs:test")
    assert contabo.account.purchases["upgradeInstance"] == 1  # recorded: nothing left to buy


def test_a_retry_asking_for_more_than_the_lost_upgrade_buys_only_the_difference(
    contabo: FakeContaboGateway,
) -> None:
    _ordered()
    _active(contabo)
    contabo.commit_then_fail(operation="upgradeInstance")
    with pytest.raises(PurchaseOutcomeUnknown):
        manage_service.change_package(
            SERVICE_ID, ChangePackageRequest(add_ons={"backup": True}), "whmcs:test"
        )

    both = ChangePackageRequest(add_ons={"backup": True, "private_networking": True})
    manage_service.change_package(SERVICE_ID, both, "whmcs:test")

    assert contabo.account.purchases["upgradeInstance"] == 2  # backup once, then networking
    (instance,) = contabo.account.instances.values()
    assert sorted(instance.add_ons) == ["backup", "private_networking"]
    details = service_store.require(SERVICE_ID).details
    assert details["add_ons"]["backup"] and details["add_ons"]["private_networking"]
    assert details["upgrade_pending"] is None


def test_a_retry_without_the_add_on_the_lost_upgrade_bought_is_refused_not_forgotten(
    contabo: FakeContaboGateway,
) -> None:
    _ordered()
    _active(contabo)
    contabo.commit_then_fail(operation="upgradeInstance")
    with pytest.raises(PurchaseOutcomeUnknown):
        manage_service.change_package(
            SERVICE_ID, ChangePackageRequest(add_ons={"backup": True}), "whmcs:test"
        )

    with pytest.raises(ActionRefused, match="cannot be removed"):
        manage_service.change_package(
            SERVICE_ID, ChangePackageRequest(add_ons={"private_networking": True}), "whmcs:test"
        )
    assert contabo.account.purchases["upgradeInstance"] == 1
    assert service_store.require(SERVICE_ID).details["add_ons"]["backup"] is True


def test_an_upgrade_that_failed_before_contabo_bought_is_bought_on_a_retry_after_the_window(
    contabo: FakeContaboGateway,
) -> None:
    _ordered()
    _active(contabo)
    request = ChangePackageRequest(add_ons={"private_networking": True})
    contabo.fail_before_commit(operation="upgradeInstance")

    with pytest.raises(PurchaseOutcomeUnknown):
        manage_service.change_package(SERVICE_ID, request, "whmcs:test")
    upgrade_window_passes()  # Contabo's lists had time to show it
    manage_service.change_package(SERVICE_ID, request, "whmcs:test")

    assert contabo.account.purchases["upgradeInstance"] == 1
    (instance,) = contabo.account.instances.values()
    assert instance.add_ons == ["private_networking"]


def test_windows_refuses_a_password_reset_and_asks_nothing_of_contabo(
    contabo: FakeContaboGateway,
) -> None:
    _ordered(image_index=2)
    _active(contabo)
    request = ChangePasswordRequest(password="N3w!Pass#word")

    with pytest.raises(ActionRefused, match="Windows"):
        manage_service.change_password(SERVICE_ID, request, "whmcs:test")
    assert contabo.called("resetPasswordAction") == []
    assert contabo.called("updateSecret") == []


def test_a_custom_windows_image_is_known_by_its_os_type_not_its_name(
    contabo: FakeContaboGateway,
) -> None:
    _ordered()
    _active(contabo)
    record = service_store.require(SERVICE_ID)
    service_store.update(record, details={"os": "golden-image-2026", "os_type": "Windows"})

    with pytest.raises(ActionRefused, match="Windows"):
        manage_service.change_password(
            SERVICE_ID, ChangePasswordRequest(password="N3w!Pass#word"), "whmcs:test"
        )
    assert contabo.called("resetPasswordAction") == []


def test_a_linux_password_reset_updates_the_secret_then_resets(
    contabo: FakeContaboGateway,
) -> None:
    _ordered()
    _active(contabo)
    manage_service.change_password(
        SERVICE_ID, ChangePasswordRequest(password="N3w!Pass#word"), "whmcs:test"
    )
    (instance_id,) = contabo.account.instances
    secret_id = contabo.account.root_passwords[instance_id]
    assert contabo.get_secret_value(secret_id) == "N3w!Pass#word"
    assert contabo.called("resetPasswordAction") == [(instance_id, secret_id)]
