"""Domain orders, the WHMCS contact <-> handle mapping and DNS record checks: pure rules."""

import pytest
from pydantic import ValidationError

from contabo_reseller.domain.dns import RecordInput, ZoneRequest
from contabo_reseller.domain.domains import (
    Contact,
    DomainOrder,
    contact_from_handle,
    handle_request,
    normalize_domain,
    split_street,
)
from contabo_reseller.domain.errors import InvalidValue
from contabo_reseller.http.errors import validation_problems

CONTACT = {
    "first_name": "Erika",
    "last_name": "Mustermann",
    "email": "erika@example.org",
    "address1": "Hauptstrasse 12a",
    "city": "Berlin",
    "postcode": "10115",
    "country": "DE",
    "phone_country_code": "49",
    "phone_number": "30 123-4567",
}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Hauptstrasse 12a", ("Hauptstrasse", "12a")),
        ("12 Main Street", ("Main Street", "12")),
        ("Rue de la Paix, 3", ("Rue de la Paix", "3")),
        ("Postfach", ("Postfach", "-")),
    ],
)
def test_street_and_number_are_split_for_the_handle(line, expected):
    assert split_street(line) == expected


def test_idn_and_case_are_normalized_and_nonsense_refused():
    assert normalize_domain("Bücher.DE.") == "xn--bcher-kva.de"
    for bad in ("nodot", "-bad.com", "bad_.com", "a..com", "\u2028.com"):
        with pytest.raises(InvalidValue, match="not a valid domain name") as refused:
            normalize_domain(bad)
        assert refused.value.message_code == "domain_name_invalid"
        assert refused.value.params == {"domain": bad}


def test_contact_becomes_a_handle_and_comes_back_the_same():
    contact = Contact(**CONTACT, organization="Beispiel GmbH")
    handle = handle_request(contact)
    assert handle["handle_type"] == "organization"
    assert handle["address"] == {
        "street": "Hauptstrasse",
        "street_number": "12a",
        "city": "Berlin",
        "country": "DE",
        "zip_code": "10115",
    }
    assert handle["phone"] == {"prefix": "+49", "number": "301234567"}
    as_sent = {
        "firstName": "Erika",
        "lastName": "Mustermann",
        "organization": "Beispiel GmbH",
        "email": "erika@example.org",
        "gender": "na",
        "address": {
            "street": "Hauptstrasse",
            "streetNumber": "12a",
            "city": "Berlin",
            "country": "DE",
            "zipCode": "10115",
        },
        "phone": {"prefix": "+49", "number": "301234567"},
    }
    back = contact_from_handle(as_sent)
    assert back.address1 == "Hauptstrasse 12a" and back.phone_country_code == "49"
    assert back.organization == "Beispiel GmbH"


def test_order_needs_two_nameservers_and_a_valid_contact():
    order = {
        "client_id": "5",
        "domain": "Shop.com",
        "nameservers": ["ns1.example.net", "ns2.example.net"],
        "contacts": {"registrant": CONTACT},
    }
    assert DomainOrder(**order).domain == "shop.com"
    with pytest.raises(ValidationError):
        DomainOrder(**order | {"nameservers": ["ns1.example.net"]})
    with pytest.raises(ValidationError) as bad_ns:
        DomainOrder(**order | {"nameservers": ["ns1.example.net", "ns 2"]})
    (problem,) = validation_problems(list(bad_ns.value.errors()))
    assert (problem["field"], problem["message_code"]) == (
        "nameservers.1",
        "domain_nameserver_invalid",
    )
    assert problem["params"]["nameserver"] == "ns 2"
    with pytest.raises(ValidationError):
        DomainOrder(**order | {"contacts": {"registrant": CONTACT | {"country": "Germany"}}})


@pytest.mark.parametrize(
    "record",
    [
        {"type": "A", "data": "203.0.113.1"},
        {"type": "AAAA", "data": "2001:db8::1"},
        {"type": "CNAME", "name": "www", "data": "example.org"},
        {"type": "MX", "data": "mail.example.org", "prio": 10},
        {"type": "SRV", "name": "_sip._tcp", "data": "sip.example.org", "port": 5060},
        {"type": "CAA", "data": "letsencrypt.org", "tag": "issue"},
        {"type": "TXT", "data": "v=spf1 -all"},
    ],
)
def test_valid_records_pass(record):
    assert RecordInput(**record).type == record["type"]


@pytest.mark.parametrize(
    ("record", "sentence"),
    [
        ({"type": "A", "data": "2001:db8::1"}, "IPv4"),
        ({"type": "AAAA", "data": "203.0.113.1"}, "IPv6"),
        ({"type": "MX", "data": "not a host"}, "host name"),
        ({"type": "SRV", "data": "sip.example.org"}, "port"),
        ({"type": "CAA", "data": "x", "tag": "nonsense"}, "tag"),
        ({"type": "A", "name": "bad name", "data": "203.0.113.1"}, "record name"),
        ({"type": "A", "data": "203.0.113.1", "ttl": 5}, "greater than or equal to 60"),
    ],
)
def test_invalid_records_are_refused_with_a_sentence(record, sentence):
    with pytest.raises(ValidationError, match=sentence):
        RecordInput(**record)


@pytest.mark.parametrize(
    ("record", "code", "params"),
    [
        ({"type": "A", "data": "2001:db8::1"}, "dns_ipv4_required", {"data": "2001:db8::1"}),
        ({"type": "AAAA", "data": "203.0.113.1"}, "dns_ipv6_required", {"data": "203.0.113.1"}),
        (
            {"type": "CNAME", "data": "not a host"},
            "dns_host_required",
            {"type": "CNAME", "data": "not a host"},
        ),
        ({"type": "SRV", "data": "sip.example.org"}, "dns_srv_port_required", {}),
        (
            {"type": "CAA", "data": "x", "tag": "nonsense"},
            "dns_caa_tag_invalid",
            {"tags": "issue, issuewild, iodef"},
        ),
        (
            {"type": "CAA", "data": "x", "tag": "issue", "flag": 1},
            "dns_caa_flag_invalid",
            {"flag": "1"},
        ),
        (
            {"type": "A", "name": "Bad Name", "data": "203.0.113.1"},
            "dns_record_name_invalid",
            {"name": "bad name"},
        ),
    ],
)
def test_record_refusals_name_their_sentence(record, code, params):
    """The module says these in the customer's language: code and parameters, not just English."""
    with pytest.raises(ValidationError) as refused:
        RecordInput(**record)
    (problem,) = validation_problems(list(refused.value.errors()))
    assert problem["problem"] == "custom"
    assert problem["message_code"] == code
    assert {k: v for k, v in problem["params"].items() if k != "message"} == params


def test_a_bad_zone_name_names_its_sentence():
    with pytest.raises(ValidationError) as refused:
        ZoneRequest(zone_name="no-dot")
    (problem,) = validation_problems(list(refused.value.errors()))
    assert (problem["message_code"], problem["params"]["domain"]) == (
        "domain_name_invalid",
        "no-dot",
    )


def test_zone_names_are_normalized():
    assert ZoneRequest(zone_name="Example.COM.").zone_name == "example.com"
