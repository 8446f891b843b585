"""Extra storage in Contabo's create body: per medium, one size in TB per disk."""

from __future__ import annotations

from contabo_reseller.adapters.contabo.orders import create_instance_request


def test_disks_are_grouped_by_medium_one_size_per_disk():
    order = {"image_id": "img", "product_id": "V91", "region": "EU"}
    disks = [
        {"type": "nvme", "size_tb": "1"},
        {"type": "ssd", "size_tb": "0.5"},
        {"type": "nvme", "size_tb": "1"},
    ]
    order["add_ons"] = {"extra_storage": disks}
    body = create_instance_request(order, "whmcs-service-1", 1, []).model_dump(
        by_alias=True, exclude_none=True, mode="json"
    )
    assert body["addOns"] == {"extraStorage": {"nvme": ["1", "1"], "ssd": ["0.5"]}}


def test_an_order_from_a_custom_image_carries_the_custom_image_add_on():
    order = {"image_id": "img", "product_id": "V91", "region": "EU"}
    order["add_ons"] = {"custom_image": True}
    body = create_instance_request(order, "whmcs-service-1", 1, []).model_dump(
        by_alias=True, exclude_none=True, mode="json"
    )
    assert body["addOns"] == {"customImage": {}}
