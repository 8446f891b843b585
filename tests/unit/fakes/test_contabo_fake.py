"""The in-memory gateway is a ContaboGateway and behaves like Contabo where the lifecycle
depends on it; the service unit tests trust it."""

from __future__ import annotations

import inspect

import pytest

from contabo_reseller.adapters.contabo.errors import ContaboConflict, ContaboNotFound
from contabo_reseller.adapters.contabo.gateway import ClientGateway
from contabo_reseller.domain.errors import NotFound, PurchaseOutcomeUnknown
from contabo_reseller.services.contabo_gateway import ContaboGateway
from tests.unit.fakes.contabo import IMAGES, FakeContaboGateway

ORDER = {"product_id": "V92", "region": "EU", "image_id": IMAGES[0].image_id}


def _buy(contabo: FakeContaboGateway, request_id: str = "req-1") -> int:
    secret_id = contabo.create_secret("whmcs-service-7-root", "Secret-Pass-123", "password")
    return contabo.create_instance(
        request_id=request_id,
        order=ORDER,
        display_name="whmcs-service-7",
        root_password_secret_id=secret_id,
        ssh_key_secret_ids=[],
    )


@pytest.mark.parametrize("implementation", [FakeContaboGateway, ClientGateway])
def test_the_fake_and_the_client_gateway_have_the_ports_signatures(implementation: type) -> None:
    port_methods = {name for name in vars(ContaboGateway) if not name.startswith("_")}
    port_methods -= set(vars(object)) | {"for_service"}
    for name in port_methods:
        implemented = getattr(implementation, name, None)
        assert implemented is not None, f"{implementation.__name__} lacks {name}"
        expected = inspect.signature(getattr(ContaboGateway, name))
        assert list(inspect.signature(implemented).parameters) == list(expected.parameters), (
            f"{implementation.__name__}.{name}"
        )


def test_a_bound_gateway_passes_where_the_port_is_expected() -> None:
    gateway: ContaboGateway = FakeContaboGateway().for_service("7", "trace")
    assert gateway.check_access() == {"instances": True, "secrets": True, "tags": True}


def test_commit_then_fail_buys_and_the_audit_list_and_display_name_find_it() -> None:
    contabo = FakeContaboGateway().for_service("7", "trace")
    contabo.commit_then_fail()
    with pytest.raises(PurchaseOutcomeUnknown):
        _buy(contabo, "req-9")
    instance_id = contabo.find_instance_by_request_id("req-9")
    assert instance_id is not None
    assert contabo.find_instance_by_display_name("whmcs-service-7") == instance_id
    assert contabo.get_instance(instance_id).status == "provisioning"
    assert contabo.account.purchases["createInstance"] == 1
    assert _buy(contabo, "req-10") != instance_id  # the fault is used up; buying again buys


def test_fail_before_commit_buys_nothing() -> None:
    contabo = FakeContaboGateway()
    contabo.fail_before_commit()
    with pytest.raises(PurchaseOutcomeUnknown):
        _buy(contabo)
    assert contabo.find_instance_by_request_id("req-1") is None
    assert contabo.account.purchases["createInstance"] == 0


def test_instances_provision_then_accept_power_actions() -> None:
    contabo = FakeContaboGateway()
    instance_id = _buy(contabo)
    with pytest.raises(ContaboConflict):
        contabo.power(instance_id, "stop")
    contabo.advance()
    contabo.power(instance_id, "stop")
    assert contabo.get_instance(instance_id).status == "stopped"
    contabo.power(instance_id, "start")
    assert contabo.get_instance(instance_id).running


def test_a_failed_provisioning_carries_contabos_message() -> None:
    contabo = FakeContaboGateway()
    instance_id = _buy(contabo)
    contabo.advance("verification_required", "Please verify your account")
    instance = contabo.get_instance(instance_id)
    assert instance.failed and instance.error_message == "Please verify your account"


def test_upgrade_commit_then_fail_adds_the_add_on_once() -> None:
    contabo = FakeContaboGateway()
    instance_id = _buy(contabo)
    contabo.commit_then_fail(operation="upgradeInstance")
    with pytest.raises(PurchaseOutcomeUnknown):
        contabo.upgrade_instance(
            instance_id, private_networking=True, backup=False, request_id="upgrade-1"
        )
    assert contabo.get_instance(instance_id).add_ons == ["private_networking"]
    assert contabo.account.purchases["upgradeInstance"] == 1


def test_secrets_cancel_and_cleanup() -> None:
    contabo = FakeContaboGateway().for_service("7", "trace")
    instance_id = _buy(contabo)
    contabo.tag_instance(instance_id)
    new_secret = contabo.create_secret("other", "Other-Pass-123", "password")
    contabo.reset_password(instance_id, new_secret)
    assert contabo.account.root_passwords[instance_id] == new_secret
    contabo.update_secret(new_secret, "Changed-Pass-456")
    assert contabo.get_secret_value(new_secret) == "Changed-Pass-456"
    cancel_date = contabo.cancel_instance(instance_id)
    assert contabo.cancel_instance(instance_id) == cancel_date  # cancelling twice is harmless
    contabo.remove_service_tag(instance_id)
    contabo.delete_secret(new_secret)
    contabo.delete_secret(new_secret)  # already gone counts as done
    assert "whmcs-service-7" not in contabo.account.tags
    with pytest.raises(NotFound):
        contabo.get_secret_value(new_secret)
    with pytest.raises(ContaboNotFound):
        contabo.get_instance(999)
