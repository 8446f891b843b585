"""A 2xx answer without its object: a purchase it answers is unknown (reconciled, never
recorded as refused), and a look-up it answers is no 404 (nothing is marked gone on it)."""

from __future__ import annotations

import httpx
import pytest

from contabo_reseller.adapters.contabo import generated_models as gm
from contabo_reseller.adapters.contabo.client import ContaboClient
from contabo_reseller.adapters.contabo.inventory import ClientInventory
from contabo_reseller.domain import errors
from tests.unit.contabo.conftest import FakeContabo, ok

BROKEN_2XX = [
    pytest.param(lambda: ok({"data": []}, status=201), id="empty-data"),
    pytest.param(lambda: httpx.Response(201, text="<html>gateway</html>"), id="not-json"),
    pytest.param(lambda: ok({"data": [{"unexpected": True}]}, status=201), id="unreadable"),
]


def _order() -> gm.CreateInstanceRequest:
    return gm.CreateInstanceRequest(product_id="V91", region="EU", period=1)


@pytest.mark.parametrize("reply", BROKEN_2XX)
def test_a_create_answered_2xx_without_its_instance_is_an_unknown_outcome(
    client: ContaboClient, contabo: FakeContabo, reply: object
) -> None:
    contabo.replies.append(reply())  # type: ignore[operator]

    with pytest.raises(errors.PurchaseOutcomeUnknown) as raised:
        client.create_instance(_order(), request_id="req-1")

    assert raised.value.request_id == "req-1"
    assert len(contabo.requests) == 1  # and never repeated


def test_an_upgrade_answered_2xx_without_its_object_is_an_unknown_outcome(
    client: ContaboClient, contabo: FakeContabo
) -> None:
    contabo.replies.append(ok({"data": []}, status=200))

    with pytest.raises(errors.PurchaseOutcomeUnknown):
        client.upgrade_instance(12345, gm.UpgradeInstanceRequest(), request_id="req-2")


def test_an_object_storage_purchase_answered_without_its_object_is_an_unknown_outcome(
    client: ContaboClient, contabo: FakeContabo
) -> None:
    contabo.replies.append(ok({"data": []}, status=201))
    order = gm.CreateObjectStorageRequest(region="EU", total_purchased_space_tb=1.0)

    with pytest.raises(errors.PurchaseOutcomeUnknown):
        client.create_object_storage(order, request_id="req-3")


def test_an_instance_answered_200_without_its_object_is_not_gone(
    client: ContaboClient, contabo: FakeContabo
) -> None:
    contabo.replies.append(httpx.Response(200))

    with pytest.raises(errors.UpstreamUnavailable):
        ClientInventory(client=client).find(12345)


def test_a_busy_instance_is_said_in_words_not_with_contabos_state_name() -> None:
    from contabo_reseller.adapters.contabo.errors import INSTANCE_BUSY, error_for_status

    body = {"message": "Action restart is not possible while instance is reset_password"}
    error = error_for_status(409, body, "req-1")
    assert error.message == INSTANCE_BUSY
    assert "reset_password" not in error.message
    assert error.contabo_message == body["message"]  # kept for staff
