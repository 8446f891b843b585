"""How many extra IPv4 addresses one order buys, and how Contabo's create receives them: one as
the named add-on, more as the add-on's product-list id with a quantity (only when the reseller
set that id; otherwise CreateAccount refuses before anything is recorded)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pydantic import ValidationError

from contabo_reseller.adapters.contabo.orders import create_instance_request
from contabo_reseller.domain.errors import InvalidInput
from contabo_reseller.domain.service import AddOns
from contabo_reseller.services.networking.extra_ips import require_orderable_quantity
from contabo_reseller.settings import get_settings


@pytest.fixture
def addon_id(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    get_settings.cache_clear()
    yield monkeypatch
    get_settings.cache_clear()


def _add_ons(quantity: int) -> dict:
    order = {"image_id": "img", "product_id": "V91", "region": "EU"}
    order["add_ons"] = {"additional_ipv4": quantity}
    body = create_instance_request(order, "whmcs-service-1", 1, []).model_dump(
        by_alias=True, exclude_none=True, mode="json"
    )
    return body.get("addOns") or {}


def test_one_extra_ipv4_is_the_named_add_on(addon_id):
    addon_id.setenv("ADDITIONAL_IPV4_ADDON_ID", "")
    assert _add_ons(1) == {"additionalIps": {}}
    assert _add_ons(0) == {}


def test_several_extra_ipv4_are_the_add_on_id_with_a_quantity(addon_id):
    addon_id.setenv("ADDITIONAL_IPV4_ADDON_ID", "1478")
    assert _add_ons(4) == {"addonsIds": [{"id": 1478, "quantity": 4}]}
    require_orderable_quantity(4)


def test_several_without_the_add_on_id_are_refused_before_anything_is_bought(addon_id):
    addon_id.setenv("ADDITIONAL_IPV4_ADDON_ID", "")
    require_orderable_quantity(1)
    with pytest.raises(InvalidInput, match="at most 1 can be ordered"):
        require_orderable_quantity(2)
    with pytest.raises(ValueError):
        _add_ons(2)


def test_an_order_takes_at_most_sixteen():
    assert AddOns(additional_ipv4=16).additional_ipv4 == 16
    with pytest.raises(ValidationError):
        AddOns(additional_ipv4=17)
