"""The simulator's domains, handles and DNS zones against the spec, where the product depends on
them: availability, registration and transfer states, the auth code a transfer needs, automatic
renewal, cancellation with a date and its revocation, transfer out with pending actions,
records checked per type, bulk delete, and every change in its audit list by x-request-id.
Every success response is checked by the independent validator (``api``)."""

import uuid

import pytest

from local.contabo_sim.routes.domains import register_elsewhere, request_transfer_out

from .conftest import CREDENTIALS, PROVISION_SECONDS, TOKEN_PATH

DOMAINS = "/v1/domains"
HANDLES = "/v1/domains/handles"
ZONES = "/v1/dns/zones"
NAMESERVERS = [{"hostname": ["ns1.example.net"]}, {"hostname": ["ns2.example.net"]}]
PERSON = {
    "handleType": "person",
    "firstName": "Erika",
    "lastName": "Mustermann",
    "email": "erika@example.org",
    "gender": "female",
    "address": {
        "street": "Hauptstrasse",
        "streetNumber": "1",
        "city": "Berlin",
        "country": "DE",
        "zipCode": "10115",
    },
    "phone": {"prefix": "+49", "number": "301234567"},
}


def _handle(api, **extra):
    return api.data("POST", HANDLES, json=PERSON | extra, expect=201)[0]["handleId"]


def _order(api, domain, handle, expect=201, headers=None, **extra):
    body = {
        "domain": domain,
        "handles": dict.fromkeys(("owner", "admin", "tech", "zone"), handle),
        "nameservers": NAMESERVERS,
    } | extra
    return api.call("POST", DOMAINS, json=body, expect=expect, headers=headers or {})


def _refresh_token(api):
    api.token = api.http.post(TOKEN_PATH, data=CREDENTIALS).json()["access_token"]


def test_availability_registration_and_its_audit(sim, api):
    path = "/v1/registries-domains/{}/check-availability"
    api.call("POST", path.format("fresh-name.com"), expect=204)
    register_elsewhere(sim.state, "taken-name.com")
    api.call("POST", path.format("taken-name.com"), expect=404)
    api.call("POST", path.format("bad_name.com"), expect=400)
    api.call("POST", path.format("name.unknowntld"), expect=400)
    handle = _handle(api)
    request_id = str(uuid.uuid4())
    created = _order(api, "Fresh-Name.com", handle, headers={"x-request-id": request_id})
    domain = created.json()["data"][0]
    assert domain["domain"] == "fresh-name.com" and domain["status"] == "processing"
    assert domain["domainDetails"] == {
        "sld": "fresh-name",
        "tld": "com",
        "domainPuny": "fresh-name.com",
    }
    assert domain["nameservers"] == ["ns1.example.net", "ns2.example.net"]
    assert sim.state.purchases["orderDomain"] == 1
    api.call("POST", path.format("fresh-name.com"), expect=404)
    _order(api, "fresh-name.com", handle, expect=409)
    _order(api, "taken-name.com", handle, expect=409)
    assert sim.state.purchases["orderDomain"] == 1
    sim.state.clock.advance(PROVISION_SECONDS)
    assert api.data("GET", f"{DOMAINS}/fresh-name.com")[0]["status"] == "ready"
    (audit,) = api.data("GET", f"{DOMAINS}/audits", params={"requestId": request_id})
    assert audit["domain"] == "fresh-name.com" and audit["action"] == "CREATED"
    assert [d["domain"] for d in api.data("GET", DOMAINS, params={"tld": "com"})] == [
        "fresh-name.com"
    ]
    assert api.data("GET", DOMAINS, params={"status": "processing"}) == []


def test_order_needs_existing_handles_and_two_nameservers(sim, api):
    _order(api, "a-domain.de", "CA999P1", expect=400)
    handle = _handle(api)
    _order(api, "a-domain.de", handle, expect=400, nameservers=NAMESERVERS[:1])
    assert sim.state.purchases["orderDomain"] == 0


@pytest.mark.parametrize(("code_ok", "settled"), [(True, "ready"), (False, "manual_task")])
def test_transfer_in_with_right_or_wrong_auth_code(sim, api, code_ok, settled):
    code = register_elsewhere(sim.state, "moving.org", "RIGHT-CODE")
    handle = _handle(api)
    _order(api, "unregistered.org", handle, expect=400, authCode="X")
    domain = _order(api, "moving.org", handle, authCode=code if code_ok else "WRONG")
    assert domain.json()["data"][0]["status"] == "transferring in"
    sim.state.clock.advance(PROVISION_SECONDS)
    assert api.data("GET", f"{DOMAINS}/moving.org")[0]["status"] == "transferring in"
    sim.state.clock.advance(PROVISION_SECONDS)
    assert api.data("GET", f"{DOMAINS}/moving.org")[0]["status"] == settled


def test_renews_itself_until_cancelled_then_leaves_at_the_cancel_date(sim, api):
    _order(api, "keep.net", _handle(api))
    sim.state.clock.advance(PROVISION_SECONDS)
    first = api.data("GET", f"{DOMAINS}/keep.net")[0]
    sim.state.clock.advance(366 * 86400)
    _refresh_token(api)
    renewed = api.data("GET", f"{DOMAINS}/keep.net")[0]
    assert renewed["renewalDate"][:4] == str(int(first["renewalDate"][:4]) + 1)
    assert renewed["cancelDate"] == ""
    api.call(
        "POST",
        f"{DOMAINS}/keep.net/cancel",
        json={"cancelDate": "2001-01-01T00:00:00Z"},
        expect=400,
    )
    cancelled = api.data("POST", f"{DOMAINS}/keep.net/cancel", json={})[0]
    assert cancelled["cancelDate"] == renewed["renewalDate"]
    api.call("POST", f"{DOMAINS}/keep.net/cancel", json={}, expect=409)
    api.call("POST", f"{DOMAINS}/keep.net/revoke-cancellation", expect=204)
    assert api.data("GET", f"{DOMAINS}/keep.net")[0]["cancelDate"] == ""
    api.call("POST", f"{DOMAINS}/keep.net/revoke-cancellation", expect=409)
    api.data("POST", f"{DOMAINS}/keep.net/cancel", json={})
    sim.state.clock.advance(366 * 86400)
    _refresh_token(api)
    api.call("GET", f"{DOMAINS}/keep.net", expect=404)
    api.call("POST", "/v1/registries-domains/keep.net/check-availability", expect=204)


def test_auth_code_update_and_transfer_out_confirm_or_revoke(sim, api):
    handle, other = _handle(api), _handle(api, firstName="Max")
    for name in ("leaving.eu", "staying.eu"):
        _order(api, name, handle)
    api.call("POST", f"{DOMAINS}/leaving.eu/generate-auth-code", expect=409)  # still processing
    sim.state.clock.advance(PROVISION_SECONDS)
    code = api.data("POST", f"{DOMAINS}/leaving.eu/generate-auth-code")[0]
    assert code["authCode"] and code["authCodeChanged"]["changed"] is True
    updated = api.data(
        "PATCH",
        f"{DOMAINS}/staying.eu",
        json={"handles": dict.fromkeys(("owner", "admin", "tech", "zone"), other)},
    )[0]
    assert updated["handles"]["owner"] == other
    api.call("DELETE", f"{HANDLES}/{handle}", expect=409)  # leaving.eu still uses it
    api.call("POST", f"{DOMAINS}/leaving.eu/transfer-out", expect=409)
    assert api.call("GET", f"{DOMAINS}/pending-actions", expect=200).json()["data"] == []
    for name in ("leaving.eu", "staying.eu"):
        request_transfer_out(sim.state, name)
    pending = api.call("GET", f"{DOMAINS}/pending-actions", expect=200).json()["data"]
    assert {p["domain"] for p in pending} == {"leaving.eu", "staying.eu"}
    assert {p["eventType"] for p in pending} == {"OUTBOUND_TRANSFER"}
    api.call("POST", f"{DOMAINS}/leaving.eu/transfer-out", expect=204)
    api.call("DELETE", f"{DOMAINS}/staying.eu/transfer-out", expect=204)
    assert api.data("GET", f"{DOMAINS}/staying.eu")[0]["status"] == "ready"
    api.call("GET", f"{DOMAINS}/leaving.eu", expect=404)
    assert api.call("GET", f"{DOMAINS}/pending-actions", expect=200).json()["data"] == []
    api.call("DELETE", f"{HANDLES}/{handle}", expect=409)  # the default handle


def test_handles_crud_default_filters_and_audit(api):
    first = _handle(api)
    second = _handle(api, handleType="organization", organization="Beispiel GmbH", firstName="Max")
    assert second.endswith("O1")
    assert [h["handleId"] for h in api.data("GET", HANDLES, params={"showDefaults": "true"})] == [
        first
    ]
    assert api.data("PATCH", f"{HANDLES}/{second}/default")[0]["isDefault"] is True
    assert api.data("GET", f"{HANDLES}/{first}")[0]["isDefault"] is False
    assert [h["handleId"] for h in api.data("GET", HANDLES, params={"search": "beispiel"})] == [
        second
    ]
    request_id = str(uuid.uuid4())
    changed = {k: PERSON[k] for k in ("email", "gender", "address", "phone")}
    changed["email"] = "new@example.org"
    api.data("PUT", f"{HANDLES}/{first}", json=changed, headers={"x-request-id": request_id})
    assert api.data("GET", f"{HANDLES}/{first}")[0]["email"] == "new@example.org"
    (audit,) = api.data("GET", f"{HANDLES}/audits", params={"requestId": request_id})
    assert audit["handleId"] == first and audit["action"] == "UPDATED"
    api.call("DELETE", f"{HANDLES}/{first}", expect=204)
    api.call("GET", f"{HANDLES}/{first}", expect=404)


VALID_RECORDS = [
    {"type": "A", "name": "www", "data": "203.0.113.7"},
    {"type": "AAAA", "name": "www", "data": "2001:db8::7"},
    {"type": "MX", "data": "mail.example.com", "prio": 10},
    {"type": "TXT", "data": "v=spf1 -all"},
    {"type": "CNAME", "name": "blog", "data": "www.example.com"},
    {
        "type": "SRV",
        "name": "_sip._tcp",
        "data": "sip.example.com",
        "prio": 10,
        "weight": 5,
        "port": 5060,
    },
    {"type": "CAA", "data": "letsencrypt.org", "flag": 0, "tag": "issue"},
]
INVALID_RECORDS = [
    {"type": "A", "data": "2001:db8::1"},
    {"type": "AAAA", "data": "203.0.113.1"},
    {"type": "MX", "data": "not a host"},
    {"type": "SRV", "name": "_sip._tcp", "data": "sip.example.com"},
    {"type": "CAA", "data": "letsencrypt.org", "tag": "nonsense"},
    {"type": "A", "data": "203.0.113.1", "ttl": 5},
]


def test_zone_records_per_type_update_bulk_delete_and_audits(api):
    zone_request = str(uuid.uuid4())
    api.data(
        "POST",
        ZONES,
        json={"zoneName": "Example.com"},
        expect=201,
        headers={"x-request-id": zone_request},
    )
    api.call("POST", ZONES, json={"zoneName": "example.com"}, expect=409)
    api.call("POST", ZONES, json={"zoneName": "nodot"}, expect=400)
    assert api.data("GET", f"{ZONES}/example.com")[0]["zoneName"] == "example.com"
    (zone_audit,) = api.data("GET", f"{ZONES}/audits", params={"requestId": zone_request})
    assert zone_audit["name"] == "example.com"
    records = f"{ZONES}/example.com/records"
    ids = []
    for record in VALID_RECORDS:
        body = {"ttl": 3600, "prio": 0} | record
        created = api.data("POST", records, json=body, expect=201)[0]
        assert created["type"] == record["type"] and created["data"] == record["data"]
        ids.append(created["recordId"])
    for record in INVALID_RECORDS:
        api.call("POST", records, json={"ttl": 3600, "prio": 0} | record, expect=400)
    api.call(
        "POST",
        records,
        json={"type": "A", "name": "blog", "ttl": 3600, "prio": 0, "data": "203.0.113.9"},
        expect=409,
    )
    assert api.data("GET", records, params={"size": 100})[2]["name"] == "example.com"
    request_id = str(uuid.uuid4())
    updated = api.data(
        "PATCH",
        f"{records}/{ids[0]}",
        json={"ttl": 600, "prio": 0, "data": "203.0.113.8"},
        headers={"x-request-id": request_id},
    )[0]
    assert updated["data"] == "203.0.113.8" and updated["ttl"] == 600
    api.call("PATCH", f"{records}/{ids[0]}", json={"ttl": 600, "prio": 0, "data": "x"}, expect=400)
    (record_audit,) = api.data("GET", "/v1/dns/records/audits", params={"requestId": request_id})
    assert (
        record_audit["recordId"] == ids[0]
        and record_audit["changes"]["prev"]["data"] == "203.0.113.7"
    )
    result = api.data("DELETE", f"{records}/bulk", json={"recordIds": [ids[1], ids[2], 999999]})[0]
    assert result["failedIds"] == [999999]
    api.call("DELETE", f"{records}/{ids[3]}", expect=204)
    api.call("DELETE", f"{records}/{ids[3]}", expect=404)
    assert len(api.data("GET", records, params={"size": 100})) == len(VALID_RECORDS) - 3
    api.call("DELETE", f"{ZONES}/example.com", expect=204)
    api.call("GET", records, expect=404)


def test_order_domain_commit_then_fail_buys_once_and_the_audit_tells(sim, api):
    handle = _handle(api)
    sim.state.faults.configure({"commit_then_fail": {"count": 1, "mode": "500"}})
    request_id = str(uuid.uuid4())
    _order(api, "unlucky.io", handle, expect=500, headers={"x-request-id": request_id})
    assert sim.state.purchases["orderDomain"] == 1
    (audit,) = api.data("GET", f"{DOMAINS}/audits", params={"requestId": request_id})
    assert audit["domain"] == "unlucky.io"
    assert api.data("GET", f"{DOMAINS}/unlucky.io")[0]["status"] == "processing"
