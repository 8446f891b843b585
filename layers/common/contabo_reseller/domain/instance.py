"""What the lifecycle needs to know about a Contabo instance, independent of the client's models."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from contabo_reseller.domain.model_base import DomainModel

# Contabo instance statuses that mean "this will not become running without a person".
FAILED_STATUSES = ("error", "product_not_available", "verification_required", "manual_provisioning")


class InstanceFacts(DomainModel):
    instance_id: int
    display_name: str = ""
    status: str
    error_message: str | None = None
    product_id: str | None = None
    region: str | None = None
    image_id: str | None = None
    os_type: str | None = None
    ipv4: str | None = None
    ipv6: str | None = None
    additional_ips: list[str] = Field(default_factory=list)
    add_ons: list[str] = Field(default_factory=list)  # Contabo add-on names, e.g. backup
    cpu_cores: int | None = None
    ram_mb: int | None = None
    disk_mb: int | None = None
    default_user: str | None = None
    cancel_date: str | None = None
    created_date: str | None = None

    @property
    def running(self) -> bool:
        return self.status == "running"

    @property
    def failed(self) -> bool:
        return self.status in FAILED_STATUSES


class ImageFacts(DomainModel):
    image_id: str
    name: str
    os_type: str = "Linux"
    standard: bool = True


def instance_details(instance: InstanceFacts) -> dict[str, Any]:
    """The instance facts a service row keeps (shown by ServiceView)."""
    return {
        "instance_status": instance.status,
        "ipv4": instance.ipv4,
        "ipv6": instance.ipv6,
        "additional_ips": instance.additional_ips,
        "cpu_cores": instance.cpu_cores,
        "ram_mb": instance.ram_mb,
        "disk_mb": instance.disk_mb,
        "cancel_date": instance.cancel_date,
        "instance_created_at": instance.created_date,
    }
