"""The admin's order simulation: a CreateServiceRequest checked as CreateAccount checks it,
and the purchase Contabo would receive, with nothing bought or recorded."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from contabo_reseller.domain.guardrails import Guardrails
from contabo_reseller.domain.model_base import DomainModel
from contabo_reseller.domain.service import CreateServiceRequest, ServiceId

CheckName = Literal["product", "region", "image", "ssh_keys", "cloud_init", "service"]
ROOT_PASSWORD_PLACEHOLDER = "<secret id: a root password generated for this order>"  # noqa: S105
SSH_KEY_PLACEHOLDER = "<secret id: SSH key {number} of the order>"
USER_DATA_PLACEHOLDER = "<{size} bytes of cloud-init user data>"


class SimulateOrderRequest(CreateServiceRequest):
    """The order as WHMCS would send it; ``service_id`` (optional) is the WHMCS service it
    would be for: it names the instance and shows whether that service already has an order."""

    service_id: ServiceId | None = None


class SimulationCheck(DomainModel):
    name: CheckName
    ok: bool
    message: str


class OrderSimulation(DomainModel):
    would_order: bool = Field(description="every check passed: CreateAccount would queue this")
    checks: list[SimulationCheck]
    warnings: list[str] = Field(default_factory=list)
    guardrails: Guardrails
    # Contabo's CreateInstanceRequest (its field names), secrets as placeholders; null when
    # the product, image or region check failed.
    create_instance_request: dict[str, Any] | None = None
    purchased: Literal[False] = False


def with_placeholders(
    payload: dict[str, Any], ssh_keys: int, user_data_bytes: int
) -> dict[str, Any]:
    """The purchase body with the secret ids and the user data replaced by what they stand for."""
    shown = dict(payload)
    shown["rootPassword"] = ROOT_PASSWORD_PLACEHOLDER
    if ssh_keys:
        shown["sshKeys"] = [SSH_KEY_PLACEHOLDER.format(number=n + 1) for n in range(ssh_keys)]
    if "userData" in shown:
        shown["userData"] = USER_DATA_PLACEHOLDER.format(size=user_data_bytes)
    return shown
