"""A WHMCS service as the backend knows it: its states, what WHMCS sends, what we answer."""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    SecretStr,
    StringConstraints,
    field_validator,
)

from contabo_reseller.domain.cloud_init import validate_user_data
from contabo_reseller.domain.errors import InvalidValue
from contabo_reseller.domain.model_base import DomainModel
from contabo_reseller.domain.object_storage.product import ObjectStorageView
from contabo_reseller.domain.passwords import meets_contabo_rule
from contabo_reseller.domain.ssh_keys import validate_public_key

if TYPE_CHECKING:  # only ServiceView.says names it: no import for the many that never call it
    from contabo_reseller.domain.status_messages import StatusMessage

HOSTNAME = re.compile(
    r"^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$"
)


class ServiceState(StrEnum):
    NEW = "new"  # a row exists (lock taken) but nothing was ordered yet
    QUEUED = "queued"  # order recorded; the provisioning worker will buy
    PURCHASING = "purchasing"  # purchase sent with a recorded request id; outcome being confirmed
    PROVISIONING = "provisioning"  # bought; Contabo is installing it
    ACTIVE = "active"
    FAILED = "failed"  # needs the admin; status_message says why
    TERMINATED = "terminated"


PENDING_STATES = (ServiceState.QUEUED, ServiceState.PURCHASING, ServiceState.PROVISIONING)

ServiceId = Annotated[str, StringConstraints(pattern=r"^[0-9]{1,12}$")]


def ascii_hostname(value: object) -> str:
    """A host name as DNS carries it: international names (sérveur.münchen.example) become
    punycode (xn--...), then the result must be letters, digits, hyphens and dots."""
    if not isinstance(value, str):
        raise InvalidValue(
            "the host name must be text, such as server1.example.com",
            message_code="hostname_not_text",
        )
    name = value.strip().rstrip(".")
    try:
        name = name.encode("idna").decode("ascii")
    except UnicodeError:
        raise InvalidValue(
            "the host name is not a valid international name; use letters, digits, hyphens "
            "and dots, such as server1.example.com",
            message_code="hostname_not_idna",
        ) from None
    if len(name) > 253 or not HOSTNAME.fullmatch(name):
        raise InvalidValue(
            "enter a host name such as server1.example.com: labels of letters, digits and "
            "hyphens (not at either end), up to 63 characters each, separated by dots",
            message_code="hostname_format",
        )
    return name


Hostname = Annotated[str, BeforeValidator(ascii_hostname)]


def display_name_for(service_id: str) -> str:
    """The deterministic marker that links a Contabo instance to its WHMCS service."""
    return f"whmcs-service-{service_id}"


# Extra storage as Contabo's create takes it (ExtraStorageRequest): per disk medium ("ssd",
# "nvme"; the spec's two) a list of sizes in TB, one entry per disk. The spec names no size
# list, so any size from 0.1 to 16 TB in steps of 0.1 is accepted and Contabo's answer rules.
MAX_EXTRA_DISKS = 4
# The most additional IPv4 addresses one order buys (the provider's create takes a quantity;
# a reseller sells more one at a time through the admin's spare-IP assignment).
MAX_ADDITIONAL_IPV4_PER_ORDER = 16
ExtraDiskSize = Annotated[
    str,
    StringConstraints(pattern=r"^(0\.[1-9]|[1-9](\.[0-9])?|1[0-5](\.[0-9])?|16)$"),
]


class ExtraDisk(DomainModel):
    model_config = ConfigDict(extra="forbid")

    type: Literal["ssd", "nvme"]
    size_tb: ExtraDiskSize = Field(description="size in TB, 0.1 to 16, e.g. 1 or 0.5")


class AddOns(DomainModel):
    model_config = ConfigDict(extra="forbid")

    private_networking: bool = False
    backup: bool = False
    additional_ipv4: int = Field(default=0, ge=0, le=MAX_ADDITIONAL_IPV4_PER_ORDER)
    # Bought with the server only (the create call); ChangePackage cannot add disks later.
    extra_storage: list[ExtraDisk] = Field(default_factory=list, max_length=MAX_EXTRA_DISKS)


class CreateServiceRequest(DomainModel):
    # User data may carry the customer's own secrets: never echo input in errors.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, hide_input_in_errors=True)

    client_id: str = Field(pattern=r"^[0-9]{1,12}$")
    client_email: str = Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", max_length=254)
    product_id: str = Field(pattern=r"^V[0-9]{1,4}$", description="Contabo product id, e.g. V92")
    region: Literal["EU", "US-central", "US-east", "US-west", "SIN", "UK", "AUS", "JPN", "IND"]
    image_id: str = Field(min_length=1, max_length=100, description="Image uuid or name")
    period: Literal[1, 3, 6, 12] = 1
    default_user: Literal["root", "admin", "administrator"] = "root"
    hostname: Hostname | None = None
    ssh_keys: list[Annotated[str, AfterValidator(validate_public_key)]] = Field(
        default_factory=list, max_length=10
    )
    user_data: Annotated[str, AfterValidator(validate_user_data)] | None = None
    add_ons: AddOns = Field(default_factory=AddOns)
    # A one-click application of the admin's catalogue (its key), checked against the image.
    application: str | None = Field(default=None, pattern=r"^[a-z0-9][a-z0-9-]{0,39}$")
    # The WHMCS product (package) id: finds the admin's guardrails for this service.
    whmcs_product_id: str | None = Field(default=None, pattern=r"^[0-9]{1,12}$")


class SuspendRequest(DomainModel):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(default="", max_length=500)
    policy: Literal["stop", "shutdown"] = "stop"


class TerminateRequest(DomainModel):
    model_config = ConfigDict(extra="forbid")

    snapshot_policy: Literal["delete", "keep"] = "delete"


class ChangePasswordRequest(DomainModel):
    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True)

    password: SecretStr

    @field_validator("password")
    @classmethod
    def _meets_contabo_rule(cls, value: SecretStr) -> SecretStr:
        if not meets_contabo_rule(value.get_secret_value()):
            raise InvalidValue(
                "the password needs at least 8 characters with upper and lower case letters, "
                "and either 1 digit and 2 of !@#$^&*?_~ or 3 digits and 1 of them",
                message_code="password_rule",
            )
        return value


class ChangePackageRequest(DomainModel):
    model_config = ConfigDict(extra="forbid")

    product_id: str | None = Field(default=None, pattern=r"^V[0-9]{1,4}$")
    region: (
        Literal["EU", "US-central", "US-east", "US-west", "SIN", "UK", "AUS", "JPN", "IND"] | None
    ) = None
    add_ons: AddOns = Field(default_factory=AddOns)


class RenewRequest(DomainModel):
    model_config = ConfigDict(extra="forbid")

    next_due_date: date | None = None


class EmptyRequest(DomainModel):
    model_config = ConfigDict(extra="forbid")


class Deleted(DomainModel):
    """The answer of every DELETE route."""

    deleted: bool = True


# The provider's API has no console (VNC) endpoint: said, not faked. The first note is shown
# to customers (no provider name); the second is for the reseller's admin.
CONSOLE_NOTE = (
    "Console access is not available through this panel. Contact support for console (VNC) access."
)
CONSOLE_ADMIN_NOTE = (
    "Contabo's API offers no console (VNC) access; use the VNC details in the Contabo "
    "customer control panel."
)


class ServiceCapabilities(DomainModel):
    console: bool = False
    console_note: str = CONSOLE_NOTE
    console_admin_note: str = CONSOLE_ADMIN_NOTE


class ServiceView(DomainModel):
    """What WHMCS shows about a service (client area, admin tab, cron hook)."""

    service_id: str  # as WHMCS numbers it
    client_id: str | None = None  # the WHMCS client it was ordered for; the cron hook checks it
    kind: str = "compute"
    state: ServiceState
    status_message: str = ""
    status_message_code: str = Field(
        default="",
        description="The status message's sentence by code (the module's lang key "
        "cloudserver_msg_<code>); empty for a message written before codes existed",
    )
    status_message_params: dict[str, str] = Field(
        default_factory=dict, description="The values of the sentence's {placeholders}"
    )
    instance_id: int | None = None
    product_id: str | None = None
    region: str | None = None
    image_id: str | None = None
    os: str | None = None
    hostname: str | None = None
    ipv4: str | None = None
    ipv6: str | None = None
    additional_ips: list[str] = Field(default_factory=list)
    username: str | None = None
    password: str | None = None
    cpu_cores: int | None = None
    ram_mb: int | None = None
    disk_mb: int | None = None
    created_at: str | None = None
    cancel_date: str | None = None
    suspended: bool = False
    suspend_reason: str | None = None
    instance_status: str | None = None
    lock: str | None = None
    next_due_date: str | None = None
    capabilities: ServiceCapabilities = Field(default_factory=ServiceCapabilities)
    client_email: str | None = None  # from the order; ListAccounts matches WHMCS clients by it
    # Why a failed service failed, for the reseller's staff (the cron hook tells them once):
    # reason (may name the provider: never shown to customers), request_id, failed_at.
    failure: dict[str, str | None] | None = None
    object_storage: ObjectStorageView | None = None  # kind "object_storage" only

    def says(self, message: StatusMessage) -> None:
        """Shows ``message`` (e.g. a change accepted and queued) instead of the row's."""
        self.status_message = message.text
        self.status_message_code = message.code
        self.status_message_params = dict(message.params)


class ServiceList(DomainModel):
    services: list[ServiceView]
    next_cursor: str | None = None


class StatusBatchRequest(DomainModel):
    """The module's cron hook: every service it still waits for, asked in one call."""

    model_config = ConfigDict(extra="forbid")

    service_ids: list[Annotated[str, StringConstraints(pattern=r"^[0-9]{1,12}$")]] = Field(
        min_length=1, max_length=100
    )


class StatusBatch(DomainModel):
    services: list[ServiceView]  # the ids the backend knows, in the order asked
    unknown: list[str] = Field(
        default_factory=list, description="Ids never created here (e.g. unpaid orders)"
    )


def view_fields(details: dict[str, Any]) -> dict[str, Any]:
    """The subset of a service record's details that ServiceView shows."""
    return {key: value for key, value in details.items() if key in ServiceView.model_fields}
