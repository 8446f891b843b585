"""Object storage rules: order and resize validation, the resize plan, reconciliation."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from contabo_reseller.domain.errors import ActionRefused, InvalidInput
from contabo_reseller.domain.object_storage.product import (
    CreateObjectStorageRequest,
    ObjectStorageFacts,
    ResizeObjectStorageRequest,
    ResizeOrder,
    ResizeView,
    S3Credentials,
    plan_resize,
    region_in_use_message,
)

ORDER = {"client_id": "7", "client_email": "ada@example.com", "region": "EU", "size_tb": 1}


def _storage(size: float = 1, cap: float = 0, **overrides) -> ObjectStorageFacts:
    fields = {
        "object_storage_id": "b943b25a",
        "display_name": "whmcs-service-1",
        "region_name": "European Union",
        "status": "READY",
        "s3_url": "https://eu2.contabostorage.com",
        "size_tb": size,
        "auto_scaling_enabled": bool(cap),
        "auto_scaling_limit_tb": cap,
    }
    return ObjectStorageFacts(**(fields | overrides))


@pytest.mark.parametrize("size", [0.25, 0.5, 1, 1.75, 100])
def test_sizes_in_quarter_terabytes_are_accepted(size):
    assert CreateObjectStorageRequest(**ORDER | {"size_tb": size}).size_tb == size


@pytest.mark.parametrize("size", [0, 0.1, 0.3, 1.1, 100.25, -1, float("nan"), float("inf")])
def test_other_sizes_are_refused(size):
    with pytest.raises(ValidationError, match="size_tb"):
        CreateObjectStorageRequest(**ORDER | {"size_tb": size})


@pytest.mark.parametrize("region", ["UK", "eu", "US-east", ""])
def test_only_contabo_object_storage_regions(region):
    with pytest.raises(ValidationError, match="region"):
        CreateObjectStorageRequest(**ORDER | {"region": region})


def test_auto_scaling_limit_is_off_zero_or_at_least_the_size():
    assert (
        CreateObjectStorageRequest(**ORDER | {"auto_scaling_limit_tb": 0}).auto_scaling_limit_tb
        == 0
    )
    assert (
        CreateObjectStorageRequest(**ORDER | {"auto_scaling_limit_tb": 2}).auto_scaling_limit_tb
        == 2
    )
    with pytest.raises(ValidationError, match="cannot be below size_tb"):
        CreateObjectStorageRequest(**ORDER | {"size_tb": 2, "auto_scaling_limit_tb": 1})
    with pytest.raises(ValidationError, match="auto_scaling_limit_tb"):
        CreateObjectStorageRequest(**ORDER | {"auto_scaling_limit_tb": 2.1})
    with pytest.raises(ValidationError):
        CreateObjectStorageRequest(**ORDER | {"surprise": True})


def test_resize_refuses_to_shrink_and_says_why():
    with pytest.raises(ActionRefused, match="cannot shrink") as refused:
        plan_resize(_storage(size=2), ResizeObjectStorageRequest(size_tb=1))
    assert refused.value.details == {"size_tb": 2}
    assert "stays at 2 TB" in refused.value.message


def test_a_refused_shrink_and_a_low_limit_name_their_sentences():
    with pytest.raises(ActionRefused) as shrink:
        plan_resize(_storage(size=2), ResizeObjectStorageRequest(size_tb=1))
    assert (shrink.value.message_code, shrink.value.params) == (
        "object_storage_no_shrink",
        {"size_tb": "2"},
    )
    with pytest.raises(InvalidInput) as low:
        plan_resize(
            _storage(size=1), ResizeObjectStorageRequest(size_tb=2, auto_scaling_limit_tb=1.5)
        )
    assert low.value.message_code == "object_storage_limit_below_size"
    assert low.value.params == {"limit_tb": "1.5", "size_tb": "2"}


def test_a_resize_in_progress_names_its_sentence_for_the_module():
    shown = ResizeView(size_tb=2, status="queued").model_dump()
    assert (shown["message_code"], shown["params"]) == (
        "object_storage_resize_in_progress",
        {"reason": ""},
    )
    waiting = ResizeView(status="queued", message="busy").model_dump()
    assert (waiting["message_code"], waiting["params"]) == (
        "object_storage_resize_retrying",
        {"reason": "busy"},
    )
    assert ResizeView(status="failed", message="refused").message_code == (
        "object_storage_resize_failed"
    )


def test_resize_plans_only_what_changes():
    assert plan_resize(_storage(2), ResizeObjectStorageRequest(size_tb=2)).empty
    grow = plan_resize(_storage(2, cap=4), ResizeObjectStorageRequest(size_tb=3))
    assert grow == ResizeOrder(size_tb=3, auto_scaling_limit_tb=None)
    cap_only = plan_resize(
        _storage(2), ResizeObjectStorageRequest(size_tb=2, auto_scaling_limit_tb=5)
    )
    assert cap_only == ResizeOrder(size_tb=None, auto_scaling_limit_tb=5)
    off = plan_resize(
        _storage(2, cap=4), ResizeObjectStorageRequest(size_tb=2, auto_scaling_limit_tb=0)
    )
    assert off == ResizeOrder(size_tb=None, auto_scaling_limit_tb=0)


def test_resize_refuses_a_kept_limit_below_the_new_size():
    with pytest.raises(InvalidInput, match="auto-scaling limit"):
        plan_resize(_storage(1, cap=2), ResizeObjectStorageRequest(size_tb=3))
    with pytest.raises(ValidationError):
        ResizeObjectStorageRequest(size_tb=0.3)


def test_an_order_is_applied_when_the_storage_already_has_it():
    order = ResizeOrder(size_tb=3, auto_scaling_limit_tb=5)
    assert not order.applied_in(_storage(2, cap=5))
    assert not order.applied_in(_storage(3, cap=0))
    assert order.applied_in(_storage(3, cap=5))
    assert order.applied_in(_storage(4, cap=5))  # auto-scaling grew it further meanwhile
    assert ResizeOrder(auto_scaling_limit_tb=0).applied_in(_storage(3, cap=0))


def test_facts_say_what_the_service_does_about_a_status():
    assert _storage().usable and not _storage().failed
    assert _storage(status="UPGRADING").usable
    assert not _storage(status="PROVISIONING").usable
    assert _storage(status="ERROR").failed
    cancelled = _storage(cancel_date="2027-01-31")
    assert cancelled.cancelled and not cancelled.usable
    assert _storage(cap=3).cap_tb == 3 and _storage(cap=0).cap_tb == 0


def test_region_in_use_message_names_the_way_out():
    message = region_in_use_message("EU")
    assert message.startswith("Object storage in EU is already in use on this account;")
    assert "US-central, SIN" in message
    assert "after 2027-01-31" in region_in_use_message("EU", "2027-01-31")


def test_the_secret_key_is_never_in_a_printed_model():
    credentials = S3Credentials(endpoint="https://e", access_key="AK", secret_key="very-secret")
    assert "very-secret" not in repr(credentials) and "very-secret" not in str(credentials)
    assert credentials.model_dump()["secret_key"] == "very-secret"
