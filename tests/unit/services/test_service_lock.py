"""The service lock as a caller meets it: a lock its holder releases while we look is taken,
not refused; a refusal names the action that holds it, in words a person can act on."""

from __future__ import annotations

import pytest

from contabo_reseller.adapters import service_store
from contabo_reseller.domain.errors import ServiceBusy
from tests.unit.services.test_purchases_with_fake_contabo import SERVICE_ID, _ordered


@pytest.fixture
def ordered(aws: None) -> str:
    _ordered()
    return SERVICE_ID


def test_a_lock_released_between_the_refused_write_and_the_read_is_taken(
    ordered: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker finishing a purchase just as PowerAction asks: the caller was once told
    "Another action (None) is running", untrue a moment later and unreadable."""
    service_store.acquire_lock(ordered, "provision", "provision:worker")
    read = service_store.get

    def holder_finishes_then_read(service_id: str, *args, **kwargs):
        service_store.release_lock(service_id, "provision:worker")
        return read(service_id, *args, **kwargs)

    monkeypatch.setattr(service_store, "get", holder_finishes_then_read)
    record = service_store.acquire_lock(ordered, "power", "power:customer", known=True)
    monkeypatch.setattr(service_store, "get", read)
    assert record.lock_owner == "power:customer"
    assert service_store.get(ordered).lock_action == "power"


def test_a_held_lock_is_refused_naming_the_action_that_holds_it(ordered: str) -> None:
    service_store.acquire_lock(ordered, "suspend", "suspend:billing")
    with pytest.raises(ServiceBusy) as refused:
        service_store.acquire_lock(ordered, "power", "power:customer", known=True)
    assert refused.value.message == (
        "Another action (suspend) is running on this service; try again in a few seconds."
    )
    assert refused.value.details["running_action"] == "suspend"
