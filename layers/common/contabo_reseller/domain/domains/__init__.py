"""Domains as WHMCS sells them: orders (register, transfer), contacts, views, and how WHMCS's
contact fields map onto the provider's contact handles.

The provider registers for one year and renews every year until the domain is cancelled; it
has no renew, registrar-lock or ID-protection operation. What WHMCS asks beyond that is
answered with the true state (see ``DomainView``), never a pretended success.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, ConfigDict, Field

from contabo_reseller.domain.domains.registry_fields import RegistryFields, handle_extras
from contabo_reseller.domain.errors import InvalidValue
from contabo_reseller.domain.model_base import DomainModel

DOMAIN = "domain"  # ServiceRecord.kind of a domain row
ROW_PREFIX = "domain-"  # a WHMCS domain id N is the row "domain-N" (its own id space)
CLIENT_ID = r"^[0-9]{1,12}$"
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")

# Provider domain statuses (the spec's enum) and what WHMCS's sync makes of them.
PENDING_STATUSES = ("processing", "transferring in")
NEEDS_ACTION_STATUS = "manual_task"
GONE_STATUSES = ("transferred", "ended")


def row_id(domain_id: str) -> str:
    return f"{ROW_PREFIX}{domain_id}"


def _is_domain(value: str) -> str | None:
    """The lower-case punycode name (IDNs accepted), or None when it is not a domain name."""
    try:
        name = value.strip().rstrip(".").encode("idna").decode().lower()
    except UnicodeError:
        return None
    labels = name.split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels):
        return None
    return name


def normalize_domain(value: str) -> str:
    """Lower-case punycode name (IDNs accepted), or a refusal saying what is wrong."""
    name = _is_domain(value)
    if name is None:
        raise InvalidValue(
            f"'{value}' is not a valid domain name; write it like example.com.",
            message_code="domain_name_invalid",
            params={"domain": value},
        )
    return name


DomainName = Annotated[str, AfterValidator(normalize_domain)]


def _hostname(value: str) -> str:
    """A name server: a host name such as ns1.example.net."""
    name = _is_domain(value)
    if name is None:
        raise InvalidValue(
            f"'{value}' is not a valid name server; write a host name like ns1.example.net.",
            message_code="domain_nameserver_invalid",
            params={"nameserver": value},
        )
    return name


Nameserver = Annotated[str, AfterValidator(_hostname)]


class Contact(DomainModel):
    """One WHMCS contact (registrant, admin, tech, billing share the shape)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    first_name: str = Field(min_length=1, max_length=255)
    last_name: str = Field(min_length=1, max_length=255)
    organization: str | None = Field(default=None, max_length=255)
    email: str = Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", max_length=255)
    address1: str = Field(min_length=1, max_length=255)
    address2: str | None = Field(default=None, max_length=255)
    city: str = Field(min_length=1, max_length=100)
    state: str | None = Field(default=None, max_length=255)
    postcode: str = Field(min_length=1, max_length=50)
    country: str = Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2")
    phone_country_code: str = Field(pattern=r"^[0-9]{1,4}$")
    phone_number: str = Field(pattern=r"^[0-9 ./-]{3,50}$")
    gender: Literal["male", "female", "na"] = "na"


class Contacts(DomainModel):
    model_config = ConfigDict(extra="forbid")

    registrant: Contact
    admin: Contact | None = None  # None: the registrant's handle serves the role
    tech: Contact | None = None


class DomainOrder(DomainModel):
    """RegisterDomain / TransferDomain: what WHMCS sends."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, hide_input_in_errors=True)

    client_id: str = Field(pattern=CLIENT_ID)
    domain: DomainName
    years: int = Field(default=1, ge=1, le=10)
    nameservers: list[Nameserver] = Field(min_length=2, max_length=5)
    contacts: Contacts
    auth_code: str | None = Field(default=None, min_length=1, max_length=255)
    registry_fields: RegistryFields | None = Field(
        default=None, description="the registrant's TLD-specific data (additional fields)"
    )


class ClientRequest(DomainModel):
    model_config = ConfigDict(extra="forbid")

    client_id: str = Field(pattern=CLIENT_ID)


class NameserversRequest(ClientRequest):
    nameservers: list[Nameserver] = Field(min_length=2, max_length=5)


class ContactsRequest(ClientRequest):
    contacts: Contacts


class AvailabilityRequest(DomainModel):
    model_config = ConfigDict(extra="forbid")

    domains: list[DomainName] = Field(min_length=1, max_length=20)


class Availability(DomainModel):
    domain: str
    available: bool


class AvailabilityList(DomainModel):
    items: list[Availability]


class DomainView(DomainModel):
    """What the registrar module shows and what WHMCS's Sync/TransferSync read."""

    domain_id: str
    domain: str
    state: str  # the backend's: queued, purchasing, provisioning, active, failed, terminated
    status: str | None = None  # the provider's, when known
    registration_date: str | None = None
    renewal_date: str | None = None  # WHMCS's expiry date: the domain renews itself then
    cancel_date: str | None = None
    nameservers: list[str] = Field(default_factory=list)
    transfer_completed: bool = False
    transfer_failed: bool = False
    needs_manual_action: bool = False
    transfer_out_pending: bool = False
    auto_renews: bool = True
    message: str = ""
    # The message's sentence by code and parameters (as ServiceView.status_message_code).
    message_code: str = ""
    message_params: dict[str, str] = Field(default_factory=dict)


class ContactsView(DomainModel):
    domain: str
    contacts: dict[str, Contact]


class EppCode(DomainModel):
    domain: str
    epp_code: str


def handle_request(contact: Contact, registry: RegistryFields | None = None) -> dict[str, object]:
    """A WHMCS contact as the provider's handle (HandleCreateRequest fields, snake case), with
    the registrant's TLD-specific data where the handle has a field for it."""
    extras = handle_extras(registry)
    street, number = split_street(contact.address1)
    address: dict[str, object] = {
        "street": street,
        "street_number": number,
        "city": contact.city,
        "country": contact.country,
        "zip_code": contact.postcode,
    }
    if contact.state:
        address["region"] = contact.state
    if "siret" in extras:
        address["siret"] = extras["siret"]
    handle: dict[str, object] = {
        "handle_type": "organization" if contact.organization else "person",
        "first_name": contact.first_name,
        "last_name": contact.last_name,
        "email": contact.email,
        "gender": contact.gender,
        "address": address,
        "phone": {
            "prefix": f"+{contact.phone_country_code}",
            "number": re.sub(r"[^0-9]", "", contact.phone_number),
        },
    }
    if contact.organization:
        handle["organization"] = contact.organization
    for field in ("birth_info", "nic_it_entity_type", "pin"):
        if field in extras:
            handle[field] = extras[field]
    return handle


def split_street(address: str) -> tuple[str, str]:
    """ "Hauptstrasse 12a" -> ("Hauptstrasse", "12a"); "12 Main St" -> ("Main St", "12").

    The provider keeps street and number apart; WHMCS has one line. Without a number the
    whole line is the street and the number is "-" (the field may not be empty)."""
    text = address.strip()
    trailing = re.match(r"^(.*?)[\s,]+(\d+[\w/-]*)$", text)
    if trailing:
        return trailing.group(1), trailing.group(2)
    leading = re.match(r"^(\d+[\w/-]*)[\s,]+(.*)$", text)
    if leading:
        return leading.group(2), leading.group(1)
    return text, "-"


def contact_from_handle(handle: dict[str, object]) -> Contact:
    """The provider's handle (camelCase JSON) as a WHMCS contact."""
    address = dict(handle.get("address") or {})  # type: ignore[call-overload]
    phone = dict(handle.get("phone") or {})  # type: ignore[call-overload]
    number = str(address.get("streetNumber") or "")
    street = str(address.get("street") or "")
    return Contact(
        first_name=str(handle["firstName"]),
        last_name=str(handle["lastName"]),
        organization=handle.get("organization") or None,
        email=str(handle["email"]),
        address1=street if number in ("", "-") else f"{street} {number}",
        city=str(address.get("city") or ""),
        state=address.get("region") or None,
        postcode=str(address.get("zipCode") or ""),
        country=str(address.get("country") or "").upper(),
        phone_country_code=str(phone.get("prefix") or "+0").lstrip("+") or "0",
        phone_number=str(phone.get("number") or "000"),
        gender=str(handle.get("gender") or "na"),
    )
