"""TLD-specific registrant data: what the provider's handle carries (birth record, SIRET) goes
into the registrant's handle as the spec names it; what it cannot carry is refused by name."""

import pytest

from contabo_reseller.adapters.contabo import generated_domain_models as dm
from contabo_reseller.domain.domains import Contact, handle_request
from contabo_reseller.domain.domains.registry_fields import RegistryFields, check_registry_fields
from contabo_reseller.domain.errors import InvalidInput
from tests.unit.domain.test_domains_and_dns import CONTACT


def test_birth_record_and_siret_fill_the_spec_fields_of_the_handle():
    fields = RegistryFields(
        birth_date="1980-04-02",
        birth_city="Lyon",
        birth_postcode="69001",
        birth_country="FR",
        siret="732 829 320 00074",
    )
    handle = handle_request(Contact(**CONTACT), fields)
    sent = dm.HandleCreateRequest.model_validate(handle).model_dump(
        by_alias=True, exclude_none=True, mode="json"
    )
    assert sent["birthInfo"] == {
        "date": "1980-04-02T00:00:00Z",
        "city": "Lyon",
        "zipCode": "69001",
        "country": "FR",
    }
    assert sent["address"]["siret"] == "73282932000074"


def test_no_registry_data_leaves_the_handle_as_it_was():
    assert handle_request(Contact(**CONTACT), RegistryFields()) == handle_request(
        Contact(**CONTACT)
    )


@pytest.mark.parametrize(
    ("domain", "country", "fields", "code", "sentence"),
    [
        ("shop.us", "US", RegistryFields(), "domain_us_nexus", "US nexus"),
        ("shop.eu", "US", RegistryFields(), "domain_eu_residence", "living in the EU or EEA"),
        (
            "shop.de",
            "DE",
            RegistryFields(unsupported={"Tax ID": "DE123456789"}),
            "domain_field_unsupported",
            "The field 'Tax ID' of shop.de cannot be passed on",
        ),
    ],
)
def test_what_the_provider_cannot_carry_is_refused_by_name(domain, country, fields, code, sentence):
    with pytest.raises(InvalidInput) as refused:
        check_registry_fields(domain, country, fields)
    assert refused.value.message_code == code
    assert sentence in refused.value.message


def test_empty_unsupported_fields_and_eu_residents_pass():
    check_registry_fields("shop.eu", "AT", RegistryFields(unsupported={"Tax ID": " "}))
    check_registry_fields("shop.com", "US", RegistryFields())


def test_the_it_registrant_data_goes_into_the_newer_spec_fields_and_is_required():
    fields = RegistryFields(it_entity_type="company", it_pin="01234567890")
    handle = handle_request(Contact(**CONTACT), fields)
    sent = dm.HandleCreateRequest.model_validate(handle).model_dump(
        by_alias=True, exclude_none=True, mode="json"
    )
    assert (sent["nicItEntityType"], sent["pin"]) == ("company", "01234567890")
    check_registry_fields("negozio.it", "IT", fields)
    with pytest.raises(InvalidInput) as refused:
        check_registry_fields("negozio.it", "IT", RegistryFields(it_entity_type="company"))
    assert refused.value.message_code == "domain_it_registrant_data"
