"""DNS zones through the backend: one client's zones are its own, records are checked per type
before they reach the provider, bulk delete, and pointing a domain at a server."""

from __future__ import annotations

import itertools

from contabo_reseller.adapters.tables import ServiceRecord

_clients = itertools.count(900)


def zones(client: str) -> str:
    return f"/clients/{client}/dns/zones"


def test_zone_records_walls_and_bulk_delete(whmcs):
    owner, other = str(next(_clients)), str(next(_clients))
    created = whmcs.request("POST", zones(owner), {"zone_name": "Hosted-Example.com"})
    assert created.status_code == 201, created.text
    taken = whmcs.request("POST", zones(other), {"zone_name": "hosted-example.com"})
    assert taken.status_code == 409
    assert taken.json()["error"]["message_code"] == "dns_zone_taken"
    zone = f"{zones(owner)}/hosted-example.com"
    ids = []
    for record in (
        {"type": "A", "name": "www", "data": "203.0.113.10"},
        {"type": "MX", "data": "mail.hosted-example.com", "prio": 10},
        {"type": "TXT", "data": "v=spf1 -all"},
        {"type": "CAA", "data": "letsencrypt.org", "tag": "issue"},
    ):
        answer = whmcs.request("POST", f"{zone}/records", record)
        assert answer.status_code == 201, answer.text
        ids.append(answer.json()["record_id"])
    bad = whmcs.request("POST", f"{zone}/records", {"type": "AAAA", "data": "203.0.113.1"})
    assert bad.status_code == 400 and "IPv6" in bad.text
    # The refusal names its sentence, so the module says it in the customer's language.
    (field,) = bad.json()["error"]["details"]["fields"]
    assert field["problem"] == "custom"
    assert field["message_code"] == "dns_ipv6_required"
    assert field["params"]["data"] == "203.0.113.1"
    srv = {"type": "SRV", "name": "_sip._tcp", "data": "sip.example.com"}
    refused = whmcs.request("POST", f"{zone}/records", srv)
    assert refused.status_code == 400 and "port" in refused.text
    changed = whmcs.request(
        "PUT", f"{zone}/records/{ids[0]}", {"type": "A", "name": "www", "data": "203.0.113.11"}
    )
    assert changed.json()["data"] == "203.0.113.11"
    assert whmcs.request("GET", f"{zones(other)}/hosted-example.com").status_code == 404
    foreign = f"{zones(other)}/hosted-example.com/records/{ids[0]}"
    assert whmcs.request("DELETE", foreign).status_code == 404
    result = whmcs.request("POST", f"{zone}/records/bulk-delete", {"record_ids": ids[1:3]})
    assert result.json() == {"deleted": ids[1:3], "failed": []}
    left = whmcs.request("GET", zone).json()["records"]
    assert sorted(r["record_id"] for r in left) == sorted([ids[0], ids[3]])
    assert whmcs.request("GET", zones(owner)).json()["zones"] == ["hosted-example.com"]
    assert whmcs.request("DELETE", zone).json()["zones"] == []


def test_point_a_domain_at_my_server(whmcs):
    client = str(next(_clients))
    service_id = str(880000 + int(client))
    ServiceRecord(
        service_id=service_id,
        state="active",
        client_id=client,
        details={"ipv4": "203.0.113.77", "ipv6": "2001:db8::77"},
    ).save()
    whmcs.request("POST", zones(client), {"zone_name": "my-server-site.net"})
    zone = f"{zones(client)}/my-server-site.net"
    whmcs.request("POST", f"{zone}/records", {"type": "A", "data": "198.51.100.9"})
    body = {"client_id": client, "zone_name": "my-server-site.net"}
    pointed = whmcs.request("POST", f"/services/{service_id}/dns/point", body)
    assert pointed.status_code == 200, pointed.text
    records = {(r["type"], r["data"]) for r in pointed.json()["records"]}
    assert records == {("A", "203.0.113.77"), ("AAAA", "2001:db8::77")}
    stranger = whmcs.request("POST", f"/services/{service_id}/dns/point", body | {"client_id": "1"})
    assert stranger.status_code == 404


def test_a_products_zone_and_record_limits_are_its_guardrails(whmcs):
    """The admin sets DNS limits per WHMCS product; the client of a server of that product is
    refused the third zone and the fourth record with a sentence and a message code."""
    client, product = str(next(_clients)), "7702"
    rules = {"max_dns_zones": 2, "max_dns_records_per_zone": 3}
    stored = whmcs.request("PUT", f"/admin/products/{product}/guardrails", rules)
    assert stored.status_code == 200, stored.text
    ServiceRecord(
        service_id=str(880000 + int(client)),
        state="active",
        kind="compute",
        client_id=client,
        details={"whmcs_product_id": product, "ipv4": "203.0.113.78"},
    ).save()
    for name in ("limit-one.com", "limit-two.com"):
        assert whmcs.request("POST", zones(client), {"zone_name": name}).status_code == 201
    refused = whmcs.request("POST", zones(client), {"zone_name": "limit-three.com"})
    assert refused.status_code == 422, refused.text
    error = refused.json()["error"]
    assert error["message_code"] == "dns_zone_limit"
    assert error["message"].startswith("Your plan allows 2 DNS zones and 2 are hosted")
    assert error["params"] == {"limit": 2, "used": 2}
    listed = whmcs.request("GET", zones(client)).json()
    assert listed == {"zones": ["limit-one.com", "limit-two.com"], "limit": 2, "record_limit": 3}

    zone = f"{zones(client)}/limit-one.com"
    for host in ("a", "b", "c"):
        record = {"type": "A", "name": host, "data": "203.0.113.5"}
        assert whmcs.request("POST", f"{zone}/records", record).status_code == 201
    full = whmcs.request("POST", f"{zone}/records", {"type": "TXT", "data": "hello"})
    assert full.json()["error"]["message_code"] == "dns_record_limit"
    assert "allows 3 records per DNS zone" in full.json()["error"]["message"]
    assert whmcs.request("GET", zone).json()["record_limit"] == 3
