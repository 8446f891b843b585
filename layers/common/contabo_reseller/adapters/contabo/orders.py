"""The instance purchase body as Contabo receives it, built from the lifecycle's order.

Kept apart from the client so the admin's order simulation can show it without loading the
HTTP client (functions that never call Contabo stay free of httpx).
"""

from __future__ import annotations

from typing import Any

from contabo_reseller.adapters.contabo import generated_models as gm
from contabo_reseller.domain.cloud_init import with_authorized_keys
from contabo_reseller.domain.ssh_keys import split_by_delivery
from contabo_reseller.settings import get_settings


def create_instance_request(
    order: dict[str, Any],
    display_name: str,
    root_password_secret_id: int,
    ssh_key_secret_ids: list[int],
) -> gm.CreateInstanceRequest:
    """The purchase as Contabo receives it (also shown by the admin's order simulation).

    SSH keys too long for a Contabo secret travel in the user data (see ``_ensure_secrets``).
    """
    _, keys_via_cloud_init = split_by_delivery(order.get("ssh_keys") or [])
    return gm.CreateInstanceRequest(
        image_id=order["image_id"],
        product_id=order["product_id"],
        region=gm.Region(order["region"]),
        period=order.get("period", 1),
        display_name=display_name,
        default_user=gm.DefaultUser(order.get("default_user", "root")),
        root_password=root_password_secret_id,
        ssh_keys=ssh_key_secret_ids or None,
        user_data=with_authorized_keys(order.get("user_data"), keys_via_cloud_init),
        add_ons=_create_add_ons(order.get("add_ons") or {}),
        application_id=order.get("application_id"),
    )


def _create_add_ons(add_ons: dict[str, Any]) -> gm.CreateInstanceAddons | None:
    extra_ipv4 = int(add_ons.get("additional_ipv4") or 0)
    wanted: dict[str, Any] = {
        "private_networking": {} if add_ons.get("private_networking") else None,
        "backup": {} if add_ons.get("backup") else None,
        "custom_image": {} if add_ons.get("custom_image") else None,
        # One address: the named add-on; more: the add-on's product-list id with a quantity
        # (the named one takes no quantity). CreateAccount refused more when the id is unset.
        "additional_ips": {} if extra_ipv4 == 1 else None,
        "addons_ids": _quantity(additional_ipv4_addon_id(), extra_ipv4) if extra_ipv4 > 1 else None,
        "extra_storage": _extra_storage(add_ons.get("extra_storage") or []),
    }
    if not any(value is not None for value in wanted.values()):
        return None
    return gm.CreateInstanceAddons(**wanted)


def _extra_storage(disks: list[dict[str, Any]]) -> gm.ExtraStorageRequest | None:
    """One entry per disk, its size in TB, under its medium (the spec's ssd / nvme lists)."""
    if not disks:
        return None
    by_type: dict[str, list[str]] = {}
    for disk in disks:
        by_type.setdefault(disk["type"], []).append(str(disk["size_tb"]))
    return gm.ExtraStorageRequest(**by_type)


def additional_ipv4_addon_id() -> int | None:
    """Contabo's product-list id of the Additional IPv4 add-on, when the reseller set it."""
    configured = get_settings().additional_ipv4_addon_id
    return int(configured) if configured else None


def _quantity(addon_id: int | None, quantity: int) -> list[gm.AddOnRequest]:
    if addon_id is None:
        raise ValueError("more than one additional IPv4 needs the add-on's product-list id")
    return [gm.AddOnRequest(id=addon_id, quantity=quantity)]
