"""TLD-specific registrant data (WHMCS's "additional domain fields") and what the provider's
contact handle can carry of it.

The handle schema has a birth record (``birthInfo``: date, city, zip code, country), a
company SIRET (``address.siret``) and, in the newer spec copy, the .it registrant's entity type
and fiscal code (``nicItEntityType``, ``pin``); nothing else a registry may ask for (US nexus,
UK legal type, another tax id, EU citizenship) has a field. Data without a field is refused
with a sentence, never dropped: a registration sent without what the registry needs fails
later, unseen.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import ConfigDict, Field

from contabo_reseller.domain.errors import InvalidInput
from contabo_reseller.domain.model_base import DomainModel

# EU member states plus the EEA countries .eu accepts (EURid's eligibility rules).
EU_RESIDENCE = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "HU",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
        "IS",
        "LI",
        "NO",
        "AX",
        "GF",
        "GP",
        "MQ",
        "YT",
        "RE",
        "MF",
    ]
)


# NIC.it's registrant entity types as the provider names them (nicItEntityType).
ItEntityType = Literal[
    "natural_person",
    "individual_firm",
    "non_profit",
    "public_org",
    "other",
    "company",
    "foreign_legal_entity",
]


class RegistryFields(DomainModel):
    """The registrant's extra data, as the module mapped it from WHMCS's additional fields."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    birth_date: date | None = None
    birth_city: str | None = Field(default=None, min_length=1, max_length=255)
    birth_postcode: str | None = Field(default=None, min_length=1, max_length=50)
    birth_country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    siret: str | None = Field(default=None, pattern=r"^[0-9 ]{9,20}$")
    it_entity_type: ItEntityType | None = None
    it_pin: str | None = Field(default=None, min_length=1, max_length=255)
    # Fields WHMCS sent that the provider's handle has no field for: name -> value.
    unsupported: dict[str, str] = Field(default_factory=dict, max_length=20)


def check_registry_fields(domain: str, country: str, fields: RegistryFields) -> None:
    """Refuses an order whose registry needs what the provider cannot be told."""
    tld = domain.rpartition(".")[2]
    if tld == "us":
        raise InvalidInput(
            f"{domain} cannot be registered here: .us needs the registrant's US nexus "
            "(citizenship, residence or presence in the United States), which this registrar "
            "cannot pass on to the registry.",
            message_code="domain_us_nexus",
            params={"domain": domain},
        )
    for name, value in sorted(fields.unsupported.items()):
        if value.strip():
            raise InvalidInput(
                f"The field '{name}' of {domain} cannot be passed on to the registry; leave it "
                "empty, or contact support if the registry requires it.",
                message_code="domain_field_unsupported",
                params={"domain": domain, "field": name},
            )
    if tld == "it" and not (fields.it_entity_type and fields.it_pin):
        raise InvalidInput(
            f"{domain} needs the registrant's entity type and fiscal code (codice fiscale or "
            "VAT number); fill in both.",
            message_code="domain_it_registrant_data",
            params={"domain": domain},
        )
    if tld == "eu" and country not in EU_RESIDENCE:
        raise InvalidInput(
            f"A .eu domain needs a registrant living in the EU or EEA; the registrant's "
            f"country is {country}.",
            message_code="domain_eu_residence",
            params={"domain": domain, "country": country},
        )


def handle_extras(fields: RegistryFields | None) -> dict[str, object]:
    """The handle fields (HandleCreateRequest, snake case) the registry data fills."""
    if fields is None:
        return {}
    extras: dict[str, object] = {}
    birth = {
        "date": f"{fields.birth_date.isoformat()}T00:00:00Z" if fields.birth_date else None,
        "city": fields.birth_city,
        "zip_code": fields.birth_postcode,
        "country": fields.birth_country,
    }
    if any(birth.values()):
        extras["birth_info"] = {key: value for key, value in birth.items() if value}
    if fields.siret:
        extras["siret"] = fields.siret.replace(" ", "")
    if fields.it_entity_type:
        extras["nic_it_entity_type"] = fields.it_entity_type
    if fields.it_pin:
        extras["pin"] = fields.it_pin
    return extras
