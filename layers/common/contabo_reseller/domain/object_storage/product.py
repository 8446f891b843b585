"""Object storage as a product: what an order may ask for, what a resize may change, and what
the client area shows. Pure rules, no I/O.

Sizes follow Contabo's createObjectStorage: the spec's default size is 0.25 TB and every size it
shows is a multiple of it, so 0.25 TB is both the smallest order and the step. The spec states
no maximum; MAX_SIZE_TB is this product's guard against a mistyped order, not Contabo's limit.
Contabo allows one object storage per region per account and cannot shrink one.
"""

from __future__ import annotations

import math
from typing import Annotated, Literal

from pydantic import AfterValidator, ConfigDict, Field, computed_field, model_validator

from contabo_reseller.domain.errors import ActionRefused, InvalidInput, InvalidValue
from contabo_reseller.domain.model_base import DomainModel

OBJECT_STORAGE = "object_storage"  # ServiceRecord.kind

MIN_SIZE_TB = 0.25
STEP_TB = 0.25
MAX_SIZE_TB = 100.0

ObjectStorageRegion = Literal["EU", "US-central", "SIN"]  # the spec's createObjectStorage text
REGION_NAMES: dict[str, str] = {
    "EU": "European Union",
    "US-central": "United States (Central)",
    "SIN": "Asia (Singapore)",
}

# Contabo's object storage statuses, grouped by what the service does about them.
USABLE_STATUSES = ("READY", "UPGRADING")
FAILED_STATUSES = (
    "ERROR",
    "MANUAL_PROVISIONING",
    "PRODUCT_NOT_AVAILABLE",
    "LIMIT_EXCEEDED",
    "VERIFICATION_REQUIRED",
    "DISABLED",
    "CANCELLED",
)

SUSPENDED_MESSAGE = (
    "This service is suspended. Its S3 keys were replaced when it was suspended and are shown "
    "again once it is reactivated; contact billing to reactivate it."
)
NOT_READY_MESSAGE = "This object storage is still being set up. Try again once it is ready."
SHRINK_MESSAGE = (
    "Object storage cannot be made smaller: the hosting platform cannot shrink an object "
    "storage once bought. "
    "To pay for less space, order a smaller object storage, move your data and cancel this one."
)


def _valid_size(value: float) -> float:
    if not math.isfinite(value) or value < MIN_SIZE_TB or value > MAX_SIZE_TB:
        raise InvalidValue(
            f"must be between {MIN_SIZE_TB} and {MAX_SIZE_TB:g} TB",
            message_code="storage_size_range",
            params={"min": f"{MIN_SIZE_TB:g}", "max": f"{MAX_SIZE_TB:g}"},
        )
    if not _on_step(value):
        raise InvalidValue(
            f"must be a multiple of {STEP_TB} TB (e.g. 0.25, 0.5, 1, 1.25)",
            message_code="storage_size_step",
            params={"step": f"{STEP_TB:g}"},
        )
    return value


def _valid_cap(value: float) -> float:
    """0 turns auto-scaling off; anything else is a size limit like a size."""
    return value if value == 0 else _valid_size(value)


def _on_step(value: float) -> bool:
    steps = value / STEP_TB
    return abs(steps - round(steps)) < 1e-9


SizeTb = Annotated[float, AfterValidator(_valid_size)]
AutoScalingCapTb = Annotated[float, AfterValidator(_valid_cap)]


def _check_cap(size_tb: float, cap_tb: float | None) -> None:
    if cap_tb and cap_tb < size_tb:
        raise InvalidValue(
            f"auto_scaling_limit_tb ({cap_tb:g} TB) is the size auto-scaling may grow the "
            f"storage to, so it cannot be below size_tb ({size_tb:g} TB); use 0 to turn "
            "auto-scaling off",
            message_code="storage_cap_below_size",
            params={"limit_tb": f"{cap_tb:g}", "size_tb": f"{size_tb:g}"},
        )


class CreateObjectStorageRequest(DomainModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    client_id: str = Field(pattern=r"^[0-9]{1,12}$")
    client_email: str = Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", max_length=254)
    region: ObjectStorageRegion
    size_tb: SizeTb
    auto_scaling_limit_tb: AutoScalingCapTb | None = Field(
        default=None, description="Auto-scaling grows the storage up to this size; 0/absent: off"
    )
    whmcs_product_id: str | None = Field(default=None, pattern=r"^[0-9]{1,12}$")

    @model_validator(mode="after")
    def _cap_not_below_size(self) -> CreateObjectStorageRequest:
        _check_cap(self.size_tb, self.auto_scaling_limit_tb)
        return self


class ResizeObjectStorageRequest(DomainModel):
    model_config = ConfigDict(extra="forbid")

    size_tb: SizeTb
    auto_scaling_limit_tb: AutoScalingCapTb | None = Field(
        default=None, description="Absent: unchanged; 0: off; otherwise the new limit"
    )


class ResizeView(DomainModel):
    """A resize not yet confirmed by Contabo (or one that needs the admin)."""

    size_tb: float | None = None
    auto_scaling_limit_tb: float | None = None
    status: Literal["queued", "confirming", "failed"] = "queued"
    message: str = ""

    # The sentence the module shows for it in the customer's language (lang key
    # cloudserver_msg_<message_code>, {reason} = message, the provider's or our words).
    @computed_field  # type: ignore[prop-decorator]
    @property
    def message_code(self) -> str:
        if self.status == "failed":
            return "object_storage_resize_failed"
        return (
            "object_storage_resize_retrying"
            if self.message
            else "object_storage_resize_in_progress"
        )

    @computed_field  # type: ignore[prop-decorator]
    @property
    def params(self) -> dict[str, str]:
        return {"reason": self.message}


class ObjectStorageView(DomainModel):
    """What ServiceView.object_storage shows; usage figures are as of the last usage read."""

    object_storage_id: str | None = None
    region_name: str | None = None
    s3_url: str | None = None
    status: str | None = None
    size_tb: float | None = None
    auto_scaling_limit_tb: float | None = None  # None or 0: auto-scaling is off
    used_tb: float | None = None
    used_percent: float | None = None
    objects: int | None = None
    usage_as_of: str | None = None
    quota_message: str | None = None
    bucket: str | None = None
    data_deleted_after: str | None = None
    credentials_available: bool = False
    resize: ResizeView | None = None


class ObjectStorageFacts(DomainModel):
    """An object storage as Contabo reports it, in the product's words."""

    object_storage_id: str
    display_name: str
    region_name: str
    status: str
    s3_url: str
    size_tb: float
    auto_scaling_enabled: bool
    auto_scaling_limit_tb: float
    cancel_date: str | None = None
    created_date: str | None = None
    s3_tenant_id: str = ""
    customer_id: str = ""

    @property
    def usable(self) -> bool:
        return self.status in USABLE_STATUSES and not self.cancelled

    @property
    def failed(self) -> bool:
        return self.status in FAILED_STATUSES

    @property
    def cancelled(self) -> bool:
        return bool(self.cancel_date) or self.status == "CANCELLED"

    @property
    def cap_tb(self) -> float:
        """The auto-scaling limit as the product states it: 0 when auto-scaling is off."""
        return self.auto_scaling_limit_tb if self.auto_scaling_enabled else 0.0


class ObjectStorageUsage(DomainModel):
    used_tb: float
    size_tb: float
    used_percent: float
    objects: int
    as_of: str
    quota_message: str = Field(default="", description="Set when writes are refused: over quota")


class S3Keys(DomainModel):
    access_key: str
    secret_key: str = Field(repr=False)  # never printed, even if a model ends up in a log line


class S3Credentials(DomainModel):
    endpoint: str
    access_key: str
    secret_key: str = Field(repr=False)
    bucket: str = Field(
        default="", description="The customer's bucket; empty for a service made before buckets"
    )


class MigrationReport(DomainModel):
    """What moving a first-design service into the pool did."""

    bucket: str
    copied_objects: int
    old_buckets: list[str]
    shared_keys_retired: bool = Field(
        description="False while other services still use the API user's keys"
    )


class ResizeOrder(DomainModel):
    """What a resize buys at Contabo: the new size and/or the new auto-scaling limit.

    ``size_tb`` is None when the size stays; ``auto_scaling_limit_tb`` is None when the limit
    stays, 0 to turn auto-scaling off."""

    size_tb: float | None = None
    auto_scaling_limit_tb: float | None = None

    @property
    def empty(self) -> bool:
        return self.size_tb is None and self.auto_scaling_limit_tb is None

    def applied_in(self, storage: ObjectStorageFacts) -> bool:
        """True when the storage already has what this order asks for (reconciliation)."""
        size_done = self.size_tb is None or storage.size_tb >= self.size_tb - 1e-9
        cap = self.auto_scaling_limit_tb
        cap_done = cap is None or math.isclose(storage.cap_tb, cap)
        return size_done and cap_done


def plan_resize(storage: ObjectStorageFacts, request: ResizeObjectStorageRequest) -> ResizeOrder:
    """The order a resize request makes against the storage as it is now (an empty order
    means nothing to buy). Refuses a shrink and a limit below the resulting size."""
    if request.size_tb < storage.size_tb - 1e-9:
        raise ActionRefused(
            f"{SHRINK_MESSAGE} It stays at {storage.size_tb:g} TB.",
            details={"size_tb": storage.size_tb},
            message_code="object_storage_no_shrink",
            params={"size_tb": f"{storage.size_tb:g}"},
        )
    cap = storage.cap_tb if request.auto_scaling_limit_tb is None else request.auto_scaling_limit_tb
    size = max(request.size_tb, storage.size_tb)
    if cap and cap < size:
        raise InvalidInput(
            f"The auto-scaling limit ({cap:g} TB) would be below the new size ({size:g} TB); "
            "raise auto_scaling_limit_tb or set it to 0 to turn auto-scaling off.",
            message_code="object_storage_limit_below_size",
            params={"limit_tb": f"{cap:g}", "size_tb": f"{size:g}"},
        )
    return ResizeOrder(
        size_tb=request.size_tb if request.size_tb > storage.size_tb + 1e-9 else None,
        auto_scaling_limit_tb=None if math.isclose(cap, storage.cap_tb) else cap,
    )


def region_in_use_message(region: str, cancel_date: str | None = None) -> str:
    others = ", ".join(r for r in REGION_NAMES if r != region)
    message = (
        f"Object storage in {region} is already in use on this account; Contabo allows one "
        f"object storage per region per account. Choose another region ({others})"
    )
    if cancel_date:
        return f"{message}, or order again after {cancel_date}, when the cancelled one ends."
    return message + "."
