"""The in-memory fake behaves like Contabo where the lifecycle depends on it."""

from __future__ import annotations

import uuid

import pytest

from contabo_reseller.adapters.contabo import generated_models as gm
from contabo_reseller.adapters.contabo.client import ContaboClient
from contabo_reseller.adapters.contabo.errors import ContaboConflict
from contabo_reseller.adapters.contabo.port import ContaboPort
from contabo_reseller.domain.errors import PurchaseOutcomeUnknown
from tests.unit.fakes.contabo import FakeContabo

ORDER = gm.CreateInstanceRequest(product_id="V92", region="EU", display_name="svc-7", period=1)


def test_the_fake_and_the_client_both_satisfy_the_port() -> None:
    port_methods = {name for name in vars(ContaboPort) if not name.startswith("_")}
    for implementation in (FakeContabo, ContaboClient):
        assert port_methods <= set(dir(implementation)), implementation
    assert isinstance(FakeContabo().for_service("svc-7"), FakeContabo)


def test_commit_then_fail_buys_and_the_audit_list_finds_it() -> None:
    contabo: ContaboPort = FakeContabo().for_service("svc-7", "trace")
    contabo.commit_then_fail()  # type: ignore[attr-defined]
    request_id = str(uuid.uuid4())

    with pytest.raises(PurchaseOutcomeUnknown):
        contabo.create_instance(ORDER, request_id=request_id)

    (audit,) = contabo.instance_audits(request_id=request_id)
    (found,) = contabo.list_instances(display_name="svc-7")
    assert found.instance_id == audit.instance_id
    assert found.status == gm.InstanceStatus.provisioning


def test_instances_provision_then_accept_power_actions() -> None:
    contabo = FakeContabo()
    created = contabo.create_instance(ORDER, request_id=str(uuid.uuid4()))
    with pytest.raises(ContaboConflict):
        contabo.stop_instance(created.instance_id)
    contabo.advance()
    contabo.stop_instance(created.instance_id)
    assert contabo.get_instance(created.instance_id).status == gm.InstanceStatus.stopped
    assert list(contabo.list_instances(search="svc")) and not list(
        contabo.list_instances(status="running")
    )


def test_fail_before_commit_buys_nothing() -> None:
    contabo = FakeContabo()
    contabo.fail_before_commit()
    request_id = str(uuid.uuid4())
    with pytest.raises(PurchaseOutcomeUnknown):
        contabo.create_instance(ORDER, request_id=request_id)
    assert list(contabo.instance_audits(request_id=request_id)) == []
    assert contabo.account.purchases == 0
