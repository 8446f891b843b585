"""Rescue, reinstall and images: what the client area sends and what it gets back."""

from __future__ import annotations

from typing import Annotated, Self

from pydantic import AfterValidator, ConfigDict, Field, model_validator

from contabo_reseller.domain.cloud_init import validate_user_data
from contabo_reseller.domain.cloud_init_templates import TemplateName
from contabo_reseller.domain.errors import InvalidInput
from contabo_reseller.domain.model_base import DomainModel
from contabo_reseller.domain.service import ServiceView
from contabo_reseller.domain.ssh_key_vault import KeyId

UserData = Annotated[str, AfterValidator(validate_user_data)]

REINSTALL_WARNING = (
    "Reinstalling erases everything on the server's disk and installs the chosen operating "
    "system; this cannot be undone. Confirm to go ahead."
)


class RescueRequest(DomainModel):
    # User data may carry the customer's own secrets: never echo input in errors.
    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True)

    ssh_key_ids: list[KeyId] = Field(default_factory=list, max_length=10)  # from the vault
    user_data: UserData | None = None


class RescueResult(DomainModel):
    service: ServiceView
    rescue_password: str | None = None  # added to the answer only, never stored by us


class ReinstallRequest(DomainModel):
    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True)

    image_id: str = Field(min_length=1, max_length=100, description="Image uuid or name")
    ssh_key_ids: list[KeyId] = Field(default_factory=list, max_length=10)
    cloud_init_template: TemplateName | None = None
    user_data: UserData | None = None
    # A one-click application of the admin's catalogue (its key), checked against the image.
    application: str | None = Field(default=None, pattern=r"^[a-z0-9][a-z0-9-]{0,39}$")
    confirm: bool = False

    @model_validator(mode="after")
    def _one_source_of_user_data(self) -> Self:
        if self.cloud_init_template and self.user_data:
            raise InvalidInput(
                "Choose either a cloud-init template or your own user data, not both.",
                message_code="template_or_user_data",
            )
        return self


class ContaboImage(DomainModel):
    """An image as Contabo lists it for this account (standard or the reseller's own)."""

    image_id: str
    name: str
    os_type: str = ""
    version: str = ""
    standard: bool = True
    status: str = ""
    size_mb: float | None = None
    format: str | None = None
    error: str = ""


class ImageView(DomainModel):
    id: str
    name: str
    os_type: str
    version: str
    standard: bool


class ImageList(DomainModel):
    items: list[ImageView]


def usable_images(images: list[ContaboImage]) -> list[ContaboImage]:
    """Standard images, and the reseller's own custom images once fully downloaded."""
    return [i for i in images if i.standard or i.status.lower() == "downloaded"]


def default_user_for(current: str | None, os_type: str) -> str:
    """Contabo's users: root or admin on Linux/BSD, admin or administrator on Windows."""
    user = current or "root"
    if os_type.lower().startswith("windows"):
        return "administrator" if user == "root" else user
    return "root" if user == "administrator" else user
