"""Validation of what customers send to the networking routes: PTR names, IPs, firewall rules,
network names, tags; and the activity cursor, merge and CSV."""

from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError

from contabo_reseller.domain.activity import (
    ActivityItem,
    Entry,
    decode_cursor,
    merge_page,
    sort_key,
    to_csv,
)
from contabo_reseller.domain.errors import InvalidInput
from contabo_reseller.domain.firewall import PRESETS, FirewallRulesRequest, Rule
from contabo_reseller.domain.networking import InstanceAddresses, SetPtrRequest, parse_ip
from contabo_reseller.domain.private_networks import (
    CreatePrivateNetworkRequest,
    customer_name,
    provider_name,
)
from contabo_reseller.domain.service import ServiceView
from contabo_reseller.domain.tags import SetTagsRequest

# Reverse DNS ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("mail.example.com", "mail.example.com"),
        ("  Mail.Example.COM. ", "mail.example.com"),
        ("a-1.b2.example.co.uk", "a-1.b2.example.co.uk"),
    ],
)
def test_ptr_names_are_full_host_names_in_lower_case(given, stored):
    assert SetPtrRequest(ptr=given).ptr == stored


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "localhost",
        "-bad.example.com",
        "bad-.example.com",
        "under_score.example.com",
        "two..dots.example.com",
        "host.123",
        "a" * 64 + ".example.com",
        ("a" * 60 + ".") * 5 + "com",
        "host name.example.com",
    ],
)
def test_bad_ptr_names_are_refused_with_a_readable_message(bad):
    with pytest.raises(ValidationError) as caught:
        SetPtrRequest(ptr=bad)
    assert "host name" in str(caught.value) or "at most" in str(caught.value)


def test_ips_are_canonical_and_versioned():
    assert parse_ip("2001:DB8:0:0::1") == ("2001:db8::1", 6)
    assert parse_ip(" 203.0.113.7 ") == ("203.0.113.7", 4)
    with pytest.raises(InvalidInput):
        parse_ip("203.0.113.300")


def test_a_service_owns_its_primary_and_additional_addresses_only():
    addresses = InstanceAddresses(
        ipv4="203.0.113.7", ipv6="2001:db8:0:1::1", additional=["198.51.100.1", "203.0.113.7"]
    )
    assert addresses.entries() == [
        ("203.0.113.7", 4, "primary"),
        ("2001:db8:0:1::1", 6, "primary"),
        ("198.51.100.1", 4, "additional"),
    ]
    assert addresses.owns("2001:db8:0:1::1")
    assert not addresses.owns("2001:db8:0:1::2")
    assert not addresses.owns("198.51.100.2")


# Firewall rules ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "ports", "source"),
    [
        ({"protocol": "tcp", "ports": "22"}, "22", "0.0.0.0/0"),
        (
            {"protocol": "udp", "ports": "8000-8100", "source": "10.0.0.5/8"},
            "8000-8100",
            "10.0.0.0/8",
        ),
        (
            {"protocol": "tcp", "ports": "443-443", "source": "2001:DB8::/32"},
            "443",
            "2001:db8::/32",
        ),
        ({"protocol": "icmp", "source": "198.51.100.4"}, "", "198.51.100.4/32"),
        ({"protocol": "any", "ports": ""}, "", "0.0.0.0/0"),
    ],
)
def test_firewall_rules_are_normalised(rule, ports, source):
    parsed = Rule.model_validate(rule)
    assert (parsed.ports, parsed.source, parsed.direction, parsed.action) == (
        ports,
        source,
        "inbound",
        "accept",
    )


@pytest.mark.parametrize(
    ("rule", "says"),
    [
        ({"protocol": "sctp"}, "protocol"),
        ({"protocol": "tcp", "ports": "0"}, "1 to 65535"),
        ({"protocol": "tcp", "ports": "65536"}, "1 to 65535"),
        ({"protocol": "tcp", "ports": "90-80"}, "lower port"),
        ({"protocol": "tcp", "ports": "22,80"}, "range"),
        ({"protocol": "icmp", "ports": "22"}, "tcp and udp only"),
        ({"protocol": "tcp", "source": "300.1.1.1/8"}, "IPv4 or IPv6 network"),
        ({"protocol": "tcp", "source": "10.0.0.0/33"}, "IPv4 or IPv6 network"),
        ({"protocol": "tcp", "direction": "outbound"}, "direction"),
        ({"protocol": "tcp", "action": "drop"}, "action"),
    ],
)
def test_bad_firewall_rules_are_refused_naming_the_problem(rule, says):
    with pytest.raises(ValidationError) as caught:
        Rule.model_validate(rule)
    assert says in str(caught.value)


def test_rule_lists_are_bounded_and_presets_are_valid():
    with pytest.raises(ValidationError):
        FirewallRulesRequest(rules=[Rule(protocol="tcp", ports=str(p)) for p in range(1, 52)])
    assert set(PRESETS) == {"web", "ssh-only", "mail", "deny-all-inbound"}
    web = {(r.ports, r.source) for r in PRESETS["web"].rules}
    assert web == {(p, s) for p in ("22", "80", "443") for s in ("0.0.0.0/0", "::/0")}
    assert PRESETS["deny-all-inbound"].rules == []


# Private networks and tags -------------------------------------------------------------------


def test_network_names_follow_the_provider_rule_and_are_scoped_per_client():
    assert CreatePrivateNetworkRequest(name=" backend_1:a ").name == "backend_1:a"
    for bad in ("", "two words", "x" * 65, "ümlaut"):
        with pytest.raises(ValidationError):
            CreatePrivateNetworkRequest(name=bad)
    stored = provider_name("7", "backend")
    assert stored == "whmcs-client-7-backend"
    assert customer_name("7", stored) == "backend"


def test_extra_tags_are_validated_deduplicated_and_cannot_claim_a_service():
    assert SetTagsRequest(tags=["web", "prod:eu", "web"]).tags == ["web", "prod:eu"]
    for bad in (["whmcs-service-42"], ["WHMCS-SERVICE-1"], ["has space"], ["x" * 65]):
        with pytest.raises(ValidationError):
            SetTagsRequest(tags=bad)
    with pytest.raises(ValidationError):
        SetTagsRequest(tags=[f"t{n}" for n in range(21)])


# Console -------------------------------------------------------------------------------------


def test_service_view_says_there_is_no_console_without_naming_the_provider_to_customers():
    capabilities = ServiceView(service_id="1", state="active").capabilities
    assert capabilities.console is False
    assert "Contabo" not in capabilities.console_note
    assert "Contabo" in capabilities.console_admin_note


# Activity ------------------------------------------------------------------------------------


def _entry(at: datetime, unique: str, source: str = "backend") -> Entry:
    item = ActivityItem(
        at=at.isoformat(), source=source, action=unique, actor="a", outcome="ok", request_id="r"
    )
    return Entry(key=sort_key(at, unique), item=item)


def test_activity_pages_merge_both_sources_newest_first_and_continue_where_they_stopped():
    start = datetime(2026, 1, 1, tzinfo=UTC)
    backend = [_entry(start + timedelta(minutes=m), f"b{m}") for m in (5, 3, 1)]
    contabo = [_entry(start + timedelta(minutes=m), f"c{m}", "contabo") for m in (4, 2)]
    first = merge_page([backend, contabo], 3)
    assert [i.action for i in first.items] == ["b5", "c4", "b3"]
    before = decode_cursor(first.next_cursor)
    assert before is not None
    rest = merge_page([[e for e in s if e.key < before] for s in (backend, contabo)], 3)
    assert [i.action for i in rest.items] == ["c2", "b1"]
    assert rest.next_cursor is None


def test_the_same_instant_sorts_the_same_from_either_source():
    moment = datetime(2026, 1, 1, 12, 0, 0, 500000, tzinfo=UTC)
    ours = sort_key(moment, "x")
    theirs = sort_key(moment.astimezone(tz=None), "x")
    assert ours == theirs
    later = sort_key(moment.replace(microsecond=0) + timedelta(seconds=1), "a")
    assert later > ours


def test_a_forged_cursor_is_refused():
    with pytest.raises(InvalidInput):
        decode_cursor("not-a-cursor")


def test_csv_has_a_header_and_neutralises_formulas():
    item = ActivityItem(
        at="2026-01-01T00:00:00+00:00",
        source="backend",
        action="set_reverse_dns",
        actor="whmcs:key-1",
        outcome="ok",
        request_id="r-1",
        message='=HYPERLINK("x")',
    )
    lines = to_csv([item]).splitlines()
    assert lines[0] == "at,source,action,actor,outcome,request_id,message"
    assert lines[1].endswith(',"\'=HYPERLINK(""x"")"')
