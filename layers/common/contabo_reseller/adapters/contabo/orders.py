"""The instance purchase body as Contabo receives it, built from the lifecycle's order.

Kept apart from the client so the admin's order simulation can show it without loading the
HTTP client (functions that never call Contabo stay free of httpx).
"""

from __future__ import annotations

from typing import Any

from contabo_reseller.adapters.contabo import generated_models as gm
from contabo_reseller.domain.cloud_init import with_authorized_keys
from contabo_reseller.domain.ssh_keys import split_by_delivery


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
    )


def _create_add_ons(add_ons: dict[str, Any]) -> gm.CreateInstanceAddons | None:
    wanted: dict[str, Any] = {
        "private_networking": {} if add_ons.get("private_networking") else None,
        "backup": {} if add_ons.get("backup") else None,
        "additional_ips": {} if add_ons.get("additional_ipv4") else None,
    }
    if not any(value is not None for value in wanted.values()):
        return None
    return gm.CreateInstanceAddons(**wanted)
