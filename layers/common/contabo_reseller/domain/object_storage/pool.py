"""A region's pool: the admin's settings, when the pool grows, and what the admin sees.
Pure rules, no I/O."""

from __future__ import annotations

import math

from pydantic import ConfigDict, Field

from contabo_reseller.domain.model_base import DomainModel
from contabo_reseller.domain.object_storage.product import MAX_SIZE_TB, STEP_TB
from contabo_reseller.domain.object_storage.tenancy import TERMINATE_GRACE_DAYS


class PoolSettings(DomainModel):
    """The admin's object storage settings."""

    model_config = ConfigDict(extra="forbid")

    terminate_grace_days: int = Field(
        default=TERMINATE_GRACE_DAYS,
        ge=0,
        le=365,
        description="Days between terminate and deleting the customer's data; 0: next sync",
    )
    growth_margin_tb: float = Field(
        default=1.0, ge=0, le=MAX_SIZE_TB, description="Free space kept above the quotas sold"
    )
    growth_cap_tb: float = Field(
        default=0.0,
        ge=0,
        le=1000,
        description="The largest size the backend may buy a pool up to; 0: never buys more",
    )


def pool_growth(size_tb: float, allocated_tb: float, settings: PoolSettings) -> float | None:
    """The size to buy a pool up to, or None: grows when the quotas sold come within the
    margin of the pool's size, to quotas + twice the margin (so the next customers do not each
    cause a purchase; on Contabo's 0.25 TB steps), never above the admin's cap."""
    margin = settings.growth_margin_tb
    if allocated_tb + margin <= size_tb + 1e-9:
        return None
    wanted = math.ceil((allocated_tb + 2 * margin) / STEP_TB - 1e-9) * STEP_TB
    target = min(wanted, settings.growth_cap_tb)
    return target if target > size_tb + 1e-9 else None


class PoolView(DomainModel):
    """A region's pool as the admin sees it (allocated: quotas sold; headroom: size - sold)."""

    region: str
    object_storage_id: str
    size_tb: float
    allocated_tb: float
    used_tb: float
    headroom_tb: float
    customers: int
    growth_pending: bool
