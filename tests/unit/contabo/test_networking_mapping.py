"""How our firewall rules, Contabo's audit entries and private networks map to each other."""

import threading
from types import SimpleNamespace

from contabo_reseller.adapters.contabo import generated_firewall_models as fw
from contabo_reseller.adapters.contabo import generated_models as gm
from contabo_reseller.adapters.contabo.firewall import request_rule, rules_of
from contabo_reseller.adapters.contabo.instance_history import changed_fields
from contabo_reseller.adapters.contabo.networking import ContaboNetworking, network_facts
from contabo_reseller.domain.firewall import PRESETS, Rule


def _as_response(request: fw.FirewallRuleRequest) -> fw.FirewallRuleResponse:
    """What Contabo sends back for a rule we sent."""
    return fw.FirewallRuleResponse.model_validate(
        request.model_dump(by_alias=True, exclude_none=True, mode="json")
    )


def test_rules_read_back_as_written():
    rules = [
        Rule(protocol="tcp", ports="22", source="0.0.0.0/0"),
        Rule(protocol="tcp", ports="8000-8100", source="2001:db8::/32"),
        Rule(protocol="udp", ports="", source="::/0"),
        Rule(protocol="icmp", source="198.51.100.0/24"),
        Rule(protocol="any", source="10.0.0.0/8"),
        *PRESETS["mail"].rules,
    ]
    assert rules_of([_as_response(request_rule(rule)) for rule in rules]) == rules


def test_anywhere_is_sent_in_contabo_words_and_the_other_family_is_empty():
    sent = request_rule(Rule(protocol="any", source="::/0")).model_dump(
        by_alias=True, exclude_none=True, mode="json"
    )
    assert sent["protocol"] == ""
    assert sent["destPorts"] == []
    assert sent["srcCidr"] == {"ipv4": [], "ipv6": ["AnyIPv6"]}


def test_contabo_rules_with_lists_expand_and_what_we_cannot_express_is_left_out():
    payload = {
        "protocol": "tcp",
        "destPorts": ["80", "443"],
        "srcCidr": {"ipv4": ["AnyIPv4"], "ipv6": ["2001:db8::/32"]},
        "action": "accept",
        "status": "active",
        "displayName": "web",
    }
    inactive = payload | {"status": "inactive"}
    dropped = payload | {"action": "drop"}
    rules = rules_of(
        [fw.FirewallRuleResponse.model_validate(p) for p in (payload, inactive, dropped)]
    )
    assert [(r.ports, r.source) for r in rules] == [
        ("80", "0.0.0.0/0"),
        ("80", "2001:db8::/32"),
        ("443", "0.0.0.0/0"),
        ("443", "2001:db8::/32"),
    ]


def test_audit_messages_name_changed_fields_never_values():
    changes = {"prev": {"displayName": "old", "rootPassword": 12}, "new": {"displayName": "s3"}}
    message = changed_fields(changes)
    assert message == "changed: displayName, rootPassword"
    assert "old" not in message and "s3" not in message and "12" not in message
    assert changed_fields(None) == ""


def test_network_members_keep_their_private_ip_and_what_they_need():
    ip_config = {
        "v4": {"ip": "203.0.113.7", "netmaskCidr": 24, "gateway": "203.0.113.254"},
        "v6": {"ip": "2001:db8::1", "netmaskCidr": 64, "gateway": "fe80::1"},
    }
    network = gm.PrivateNetworkResponse.model_validate(
        {
            "tenantId": "DE",
            "customerId": "54321",
            "privateNetworkId": 9,
            "dataCenter": "European Union 1",
            "region": "EU",
            "regionName": "European Union",
            "name": "whmcs-client-7-lan",
            "description": "",
            "cidr": "10.0.9.0/24",
            "availableIps": 253,
            "createdDate": "2026-01-01T00:00:00Z",
            "instances": [
                {
                    "instanceId": 100,
                    "displayName": "whmcs-service-1",
                    "name": "vmi100",
                    "productId": "V92",
                    "privateIpConfig": {
                        "v4": [{"ip": "10.0.9.1", "netmaskCidr": 24, "gateway": "10.0.9.254"}]
                    },
                    "ipConfig": ip_config,
                    "status": "restart",
                }
            ],
        }
    )
    facts = network_facts(network)
    assert facts.members == {100: "10.0.9.1"}
    assert facts.member_status == {100: "restart"}


def test_a_servers_addresses_read_the_instance_and_its_extra_ips_at_once():
    """Two independent Contabo round trips (1-3 s each when it is slow): each fake read waits
    until the other has started, which only happens if they run at the same time."""
    both_started = threading.Barrier(2, timeout=5)

    class _Client:
        def for_service(self, service_id: str, trace_id: str) -> "_Client":
            return self

        def get_instance(self, instance_id: int) -> SimpleNamespace:
            both_started.wait()
            v4 = SimpleNamespace(ip="203.0.113.5")
            return SimpleNamespace(ip_config=SimpleNamespace(v4=v4, v6=None), additional_ips=[])

        def list_vips(self, **filters: str) -> list[SimpleNamespace]:
            both_started.wait()
            return [SimpleNamespace(resource_id="9", v4=SimpleNamespace(ip="198.51.100.7"))]

    found = ContaboNetworking("42", "t", client=_Client()).addresses(9)  # type: ignore[arg-type]
    assert found.ipv4 == "203.0.113.5" and found.additional == ["198.51.100.7"]
