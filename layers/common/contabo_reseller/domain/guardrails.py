"""Guardrails: what the reseller allows customers of one WHMCS product to do (admin-set).

The defaults allow everything Contabo allows, so a product without guardrails behaves as if
none were set.
"""

from __future__ import annotations

from pydantic import ConfigDict, Field

from contabo_reseller.domain.cloud_init import MAX_USER_DATA_BYTES
from contabo_reseller.domain.model_base import DomainModel

WhmcsProductId = str  # digits, as WHMCS numbers its products (validated at the edges)
# DNS hosting's defaults: how much one WHMCS client may host (the provider bills nothing per
# zone, the reseller's account has limits of its own). Here, not in domain.dns, so that every
# lifecycle function reading guardrails does not import the DNS and domain models.
MAX_ZONES_PER_CLIENT = 20
MAX_RECORDS_PER_ZONE = 200
RECORDS_PER_ZONE_CEILING = 5000  # the highest record limit an admin can set for a product


class Guardrails(DomainModel):
    model_config = ConfigDict(extra="forbid")

    allow_reinstall: bool = True
    allow_rescue: bool = True
    allow_snapshot_rollback: bool = True
    allow_private_network_create: bool = True
    allow_automatic_snapshots: bool = True
    allow_custom_images: bool = True
    require_ssh_key: bool = False
    cloud_init_max_bytes: int = Field(default=MAX_USER_DATA_BYTES, ge=1, le=MAX_USER_DATA_BYTES)
    # None: Contabo's own per-server limit is the only one.
    max_snapshots: int | None = Field(default=None, ge=0, le=100)
    # Custom images one WHMCS client may keep (None: the provider account's quota only).
    max_custom_images: int | None = Field(default=None, ge=0, le=100)
    # DNS hosting: zones one WHMCS client may host, records one zone may hold.
    max_dns_zones: int = Field(default=MAX_ZONES_PER_CLIENT, ge=0, le=1000)
    max_dns_records_per_zone: int = Field(
        default=MAX_RECORDS_PER_ZONE, ge=1, le=RECORDS_PER_ZONE_CEILING
    )


# What a refusal says, per rule: the customer reads it, the admin recognises the rule.
REFUSALS = {
    "allow_reinstall": "Reinstalling is turned off for this product. Contact support to reinstall.",
    "allow_rescue": "Rescue mode is turned off for this product. Contact support for help.",
    "allow_snapshot_rollback": (
        "Restoring a snapshot is turned off for this product. Contact support to restore it."
    ),
    "allow_private_network_create": (
        "Creating private networks is turned off for this product. Contact support for one."
    ),
    "allow_automatic_snapshots": (
        "Automatic snapshots are turned off for this product. Contact support to turn them on."
    ),
    "allow_custom_images": (
        "Custom images are turned off for this product. Contact support to use your own image."
    ),
    "require_ssh_key": (
        "This product requires at least one SSH key from your key vault for a reinstall."
    ),
}
