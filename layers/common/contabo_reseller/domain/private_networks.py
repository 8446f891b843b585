"""Private networks of a WHMCS client: names, what the customer sees, what joining costs.

A network belongs to the WHMCS client whose service created it; any service of that client
with the private networking add-on may join it (in the same region). Joining or leaving takes
effect only after the server restarts (or, when the provider says so, a reinstall).
"""

from __future__ import annotations

from pydantic import ConfigDict, Field, StrictBool

from contabo_reseller.domain.model_base import DomainModel
from contabo_reseller.domain.status_messages import SENTENCES

# The provider allows letters, digits, colons, dashes and underscores in network names.
NETWORK_NAME = r"^[A-Za-z0-9_:-]{1,64}$"
MAX_NETWORKS_PER_CLIENT = 10

JOIN_WARNING = (
    "Joining a private network restarts this server to apply the change; anything running on "
    "it is interrupted for a minute or two. Confirm to go ahead."
)
LEAVE_WARNING = (
    "Leaving a private network restarts this server to apply the change; anything running on "
    "it is interrupted for a minute or two. Confirm to go ahead."
)
LIST_NOTICE = (
    "Joining or leaving a private network restarts the server to apply the change. "
    "Only servers in the same region can share a network."
)
NO_ADD_ON = (
    "Private networking is not enabled on this server. Add the private networking option "
    "through an upgrade first."
)
ALREADY_JOINED = "This server is already in it."
RESTARTING = "The server is restarting to apply the change; this takes a minute or two."
RESTART_YOURSELF = "The change applies after the server restarts; restart it when convenient."
NEEDS_REINSTALL = (
    "The change applies only after the server is reinstalled (this erases its disk); "
    "reinstall it when convenient."
)


def provider_name(client_id: str, name: str) -> str:
    """The name at the provider: unique per client, so two clients' "backend" never clash.
    A client of another WHMCS installation ("staging.7") loses the dot Contabo refuses."""
    return f"whmcs-client-{_name_safe(client_id)}-{name}"


def customer_name(client_id: str, provider_network_name: str) -> str:
    return provider_network_name.removeprefix(f"whmcs-client-{_name_safe(client_id)}-")


def _name_safe(client_id: str) -> str:
    return client_id.replace(".", "_")


class NetworkFacts(DomainModel):
    """A private network as the provider describes it."""

    network_id: int
    name: str
    description: str = ""
    region: str
    cidr: str
    members: dict[int, str | None] = Field(default_factory=dict)  # instance id -> private IP
    # instance id -> what the provider needs before the membership applies: ok|restart|reinstall
    member_status: dict[int, str] = Field(default_factory=dict)


class PrivateNetworkView(DomainModel):
    id: int
    name: str
    description: str = ""
    region: str
    cidr: str
    joined: bool
    private_ip: str | None = None
    notice: str | None = None
    notice_code: str | None = None  # names the notice in the module's language files


# Each notice's message code, so the module says it in the customer's language.
NOTICE_CODES = {
    LIST_NOTICE: "private_network_list",
    NO_ADD_ON: "private_network_no_add_on",
    RESTARTING: "private_network_restarting",
    RESTART_YOURSELF: "private_network_restart_yourself",
    NEEDS_REINSTALL: "private_network_needs_reinstall",
    ALREADY_JOINED: "private_network_already_joined",
}


class PrivateNetworkList(DomainModel):
    items: list[PrivateNetworkView]
    can_create: bool
    notice: str
    notice_codes: list[str] = Field(default_factory=list)


class CreatePrivateNetworkRequest(DomainModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(pattern=NETWORK_NAME, description="letters, digits, _ : - (1-64)")
    description: str = Field(default="", max_length=255)


class ConfirmRequest(DomainModel):
    model_config = ConfigDict(extra="forbid")

    confirm: StrictBool = False  # true only: "yes" or 1 is not a confirmation


def view_of(
    network: NetworkFacts, client_id: str, instance_id: int, notice: str | None = None
) -> PrivateNetworkView:
    return PrivateNetworkView(
        id=network.network_id,
        name=customer_name(client_id, network.name),
        description=network.description,
        region=network.region,
        cidr=network.cidr,
        joined=instance_id in network.members,
        private_ip=network.members.get(instance_id),
        notice=notice,
        notice_code=NOTICE_CODES.get(notice or ""),
    )


# Private network as its own WHMCS product ---------------------------------------------------

PRIVATE_NETWORK = "private_network"  # the service kind
SUSPENDED_NETWORK = SENTENCES["private_network_suspended"]  # a refusal, and a status


class CreatePrivateNetworkProductRequest(DomainModel):
    """CreateAccount of a private-network product: the client's network in one region."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    client_id: str = Field(pattern=r"^[0-9]{1,12}$")
    region: str = Field(pattern=r"^(EU|US-central|US-east|US-west|SIN|UK|AUS|JPN|IND)$")
    name: str = Field(pattern=NETWORK_NAME)
    description: str = Field(default="", max_length=255)
    whmcs_product_id: str | None = Field(default=None, pattern=r"^[0-9]{1,12}$")
