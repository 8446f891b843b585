"""The registrar routes against the local stack (signed requests, moto, the simulator): order
once, follow the provider's states, manage the domain, and keep each client's domains its own."""

from __future__ import annotations

import itertools

import pytest

from contabo_reseller.adapters import claims
from contabo_reseller.domain.domains import row_id
from contabo_reseller.services import provisioning
from contabo_reseller.services.domains.registration import CLAIM_KIND
from local.contabo_sim.routes.domains import register_elsewhere, request_transfer_out
from tests.integration.lifecycle.conftest import run_worker

_domain_ids = itertools.count(5000)
CLIENT = "7"
CONTACT = {
    "first_name": "Erika",
    "last_name": "Mustermann",
    "email": "erika@example.org",
    "address1": "Hauptstrasse 12a",
    "city": "Berlin",
    "postcode": "10115",
    "country": "DE",
    "phone_country_code": "49",
    "phone_number": "30 1234567",
}


def order_body(domain: str, **extra) -> dict:
    return {
        "client_id": CLIENT,
        "domain": domain,
        "nameservers": ["ns1.example.net", "ns2.example.net"],
        "contacts": {"registrant": CONTACT},
    } | extra


def purchases(stack) -> int:
    return stack.sim.state.purchases["orderDomain"]


def settle_domain(stack, whmcs, domain_id: str, *states: str) -> dict:
    view: dict = {}
    for _ in range(6):
        run_worker(stack)
        view = whmcs.request("GET", f"/domains/{domain_id}?client_id={CLIENT}").json()
        if view.get("state") in states:
            return view
        stack.sim.state.clock.advance(120)
    raise AssertionError(f"domain {domain_id} stuck in {view}")


@pytest.fixture
def domain_id() -> str:
    return str(next(_domain_ids))


def test_register_once_then_manage_and_cancel(stack, whmcs, domain_id):
    before = purchases(stack)
    answer = whmcs.request("POST", "/domains/availability", {"domains": ["first-shop.com"]})
    assert answer.json()["items"] == [{"domain": "first-shop.com", "available": True}]
    ordered = whmcs.request("POST", f"/domains/{domain_id}/register", order_body("First-Shop.com"))
    assert ordered.status_code == 202, ordered.text
    assert ordered.json()["domain"] == "first-shop.com"
    view = settle_domain(stack, whmcs, domain_id, "active")
    again = whmcs.request("POST", f"/domains/{domain_id}/register", order_body("first-shop.com"))
    assert again.status_code == 202 and again.json()["state"] == "active"
    assert view["status"] == "ready" and view["renewal_date"] and view["auto_renews"] is True
    assert purchases(stack) == before + 1

    path = f"/domains/{domain_id}"
    moved = whmcs.request(
        "PUT",
        f"{path}/nameservers",
        {"client_id": CLIENT, "nameservers": ["a.example.org", "b.example.org"]},
    )
    assert moved.json()["nameservers"] == ["a.example.org", "b.example.org"]
    contacts = whmcs.request("GET", f"{path}/contacts?client_id={CLIENT}").json()["contacts"]
    assert contacts["registrant"]["address1"] == "Hauptstrasse 12a"
    assert contacts["registrant"]["phone_number"] == "301234567"
    changed = {"registrant": CONTACT | {"last_name": "Musterfrau"}}
    saved = whmcs.request("PUT", f"{path}/contacts", {"client_id": CLIENT, "contacts": changed})
    assert saved.json()["contacts"]["registrant"]["last_name"] == "Musterfrau"
    code = whmcs.request("POST", f"{path}/epp-code", {"client_id": CLIENT}).json()
    assert code["epp_code"]
    cancelled = whmcs.request("POST", f"{path}/cancel", {"client_id": CLIENT}).json()
    assert (
        cancelled["cancel_date"] == cancelled["renewal_date"] and cancelled["auto_renews"] is False
    )
    revoked = whmcs.request("POST", f"{path}/revoke-cancellation", {"client_id": CLIENT}).json()
    assert revoked["cancel_date"] is None and revoked["auto_renews"] is True


def test_another_client_sees_nothing(stack, whmcs, domain_id):
    whmcs.request("POST", f"/domains/{domain_id}/register", order_body("walled.de"))
    settle_domain(stack, whmcs, domain_id, "active")
    path = f"/domains/{domain_id}"
    assert whmcs.request("GET", f"{path}?client_id=8").status_code == 404
    assert whmcs.request("GET", f"{path}/contacts?client_id=8").status_code == 404
    for route in ("epp-code", "cancel"):
        assert whmcs.request("POST", f"{path}/{route}", {"client_id": "8"}).status_code == 404
    other = whmcs.request(
        "PUT",
        f"{path}/nameservers",
        {"client_id": "8", "nameservers": ["x.example.org", "y.example.org"]},
    )
    assert other.status_code == 404
    stolen = whmcs.request(
        "POST", f"/domains/{next(_domain_ids)}/register", order_body("walled.de", client_id="8")
    )
    assert stolen.status_code == 409


def test_transfer_in_completes_and_transfer_out_is_answered(stack, whmcs, domain_id):
    code = register_elsewhere(stack.sim.state, "arriving.org")
    missing = whmcs.request("POST", f"/domains/{domain_id}/transfer", order_body("arriving.org"))
    assert missing.status_code == 400
    ordered = whmcs.request(
        "POST", f"/domains/{domain_id}/transfer", order_body("arriving.org", auth_code=code)
    )
    assert ordered.status_code == 202, ordered.text
    view = settle_domain(stack, whmcs, domain_id, "active")
    assert view["transfer_completed"] is True and view["status"] == "ready"
    path = f"/domains/{domain_id}/transfer-out"
    assert whmcs.request("POST", f"{path}/confirm", {"client_id": CLIENT}).status_code == 422
    request_transfer_out(stack.sim.state, "arriving.org")
    stack.run_job("DomainSyncFunction")
    pending = whmcs.request("GET", f"/domains/{domain_id}?client_id={CLIENT}").json()
    assert pending["transfer_out_pending"] is True
    kept = whmcs.request("POST", f"{path}/revoke", {"client_id": CLIENT}).json()
    assert kept["status"] == "ready"


def test_wrong_auth_code_needs_manual_action(stack, whmcs, domain_id):
    register_elsewhere(stack.sim.state, "stuck-transfer.net", "RIGHT")
    whmcs.request(
        "POST",
        f"/domains/{domain_id}/transfer",
        order_body("stuck-transfer.net", auth_code="WRONG"),
    )
    for _ in range(4):
        run_worker(stack)
        stack.sim.state.clock.advance(120)
    view = whmcs.request("GET", f"/domains/{domain_id}?client_id={CLIENT}").json()
    assert view["needs_manual_action"] is True and view["transfer_completed"] is False
    assert view["message"]


def test_more_than_one_year_is_refused_with_a_reason(whmcs, domain_id):
    refused = whmcs.request(
        "POST", f"/domains/{domain_id}/register", order_body("long.com", years=2)
    )
    assert refused.status_code == 400
    assert "renew automatically" in refused.json()["error"]["message"]


def test_commit_then_fail_buys_once_and_links(stack, whmcs, sim, domain_id):
    before = purchases(stack)
    sim.post("/faults", json={"commit_then_fail": {"count": 1, "mode": "500"}})
    whmcs.request("POST", f"/domains/{domain_id}/register", order_body("flaky-answer.io"))
    view = settle_domain(stack, whmcs, domain_id, "active")
    assert view["domain"] == "flaky-answer.io"
    assert purchases(stack) == before + 1


def test_another_whmcs_installation_reaches_no_domain_of_this_one(
    stack,
    whmcs,
    staging,
    domain_id,
):
    """The same WHMCS domain id and client id in a second installation (a staging WHMCS on
    the same backend) is another domain: it sees, changes and cancels nothing of this one."""
    whmcs.request("POST", f"/domains/{domain_id}/register", order_body("two-installs.de"))
    view = settle_domain(stack, whmcs, domain_id, "active")
    assert view["domain_id"] == domain_id
    path = f"/domains/{domain_id}"
    assert staging.request("GET", f"{path}?client_id={CLIENT}").status_code == 404
    assert staging.request("POST", f"{path}/epp-code", {"client_id": CLIENT}).status_code == 404
    assert staging.request("POST", f"{path}/cancel", {"client_id": CLIENT}).status_code == 404
    mine = whmcs.request("GET", f"/domains/{domain_id}?client_id={CLIENT}").json()
    assert mine["state"] == "active" and not mine.get("cancel_date")


def test_a_refused_transfer_gives_the_name_back_for_a_new_order(stack, whmcs, domain_id):
    """The provider refuses the transfer (the name is registered nowhere): nothing was bought,
    so the name's claim goes and another order for it, here a registration, proceeds."""
    before = purchases(stack)
    transfer = order_body("never-registered.io", auth_code="ANY-CODE")
    ordered = whmcs.request("POST", f"/domains/{domain_id}/transfer", transfer)
    assert ordered.status_code == 202, ordered.text
    failed = settle_domain(stack, whmcs, domain_id, "failed")
    assert failed["transfer_failed"] is True and "refused" in failed["message"]
    assert claims.holder_of(CLAIM_KIND, "never-registered.io") is None
    retry_id = str(next(_domain_ids))
    retry = order_body("never-registered.io")
    again = whmcs.request("POST", f"/domains/{retry_id}/register", retry)
    assert again.status_code == 202, again.text
    assert settle_domain(stack, whmcs, retry_id, "active")["domain"] == "never-registered.io"
    assert purchases(stack) == before + 1


def test_an_unknown_outcome_keeps_the_name_until_it_is_settled(
    stack, whmcs, sim, domain_id, monkeypatch
):
    """The order's answer is lost (a 5xx before the provider committed): the name stays this
    order's, so no other order can buy it, until reconciliation settles and buys it once."""
    before = purchases(stack)
    sim.post("/faults", json={"fail_before_commit": 1})
    whmcs.request("POST", f"/domains/{domain_id}/register", order_body("answer-lost.com"))
    view: dict = {}
    for _ in range(4):
        run_worker(stack)
        view = whmcs.request("GET", f"/domains/{domain_id}?client_id={CLIENT}").json()
        if view["state"] == "purchasing":
            break
    assert view["state"] == "purchasing", view
    row = row_id(domain_id)
    assert claims.holder_of(CLAIM_KIND, "answer-lost.com") == row
    rival = whmcs.request(
        "POST", f"/domains/{next(_domain_ids)}/register", order_body("answer-lost.com")
    )
    assert rival.status_code == 409, rival.text
    monkeypatch.setattr(provisioning, "RECONCILE_GRACE_SECONDS", 0)
    assert settle_domain(stack, whmcs, domain_id, "active")["domain"] == "answer-lost.com"
    assert claims.holder_of(CLAIM_KIND, "answer-lost.com") == row
    assert purchases(stack) == before + 1


def test_tld_data_reaches_the_registrants_handle_and_what_cannot_is_refused(stack, whmcs):
    """A French registrant's birth record and SIRET go into their handle as the spec names
    them; a .us order (nexus has no field), a .eu order for a registrant outside the EU and a
    filled field the handle cannot carry are refused with a sentence and a code."""
    fields = {
        "birth_date": "1980-04-02",
        "birth_city": "Lyon",
        "birth_postcode": "69001",
        "birth_country": "FR",
        "siret": "73282932000074",
    }
    french = CONTACT | {"country": "FR", "city": "Lyon", "postcode": "69001"}
    body = order_body("lyon-bakery.eu", registry_fields=fields) | {
        "contacts": {"registrant": french}
    }
    domain_id = str(next(_domain_ids))
    ordered = whmcs.request("POST", f"/domains/{domain_id}/register", body)
    assert ordered.status_code == 202, ordered.text
    settle_domain(stack, whmcs, domain_id, "active")
    owner = stack.sim.state.domains["lyon-bakery.eu"]["handles"]["owner"]
    handle = stack.sim.state.handles[owner]
    assert handle["birthInfo"]["city"] == "Lyon" and handle["birthInfo"]["zipCode"] == "69001"
    assert handle["address"]["siret"] == "73282932000074"

    refusals = {
        "us-shop.us": ({}, CONTACT, "domain_us_nexus"),
        "abroad.eu": ({}, CONTACT | {"country": "US"}, "domain_eu_residence"),
        "taxed.de": ({"unsupported": {"Tax ID": "DE123"}}, CONTACT, "domain_field_unsupported"),
    }
    for name, (extra, registrant, code) in refusals.items():
        refused = whmcs.request(
            "POST",
            f"/domains/{next(_domain_ids)}/register",
            order_body(name, registry_fields=extra) | {"contacts": {"registrant": registrant}},
        )
        assert refused.status_code == 400, refused.text
        assert refused.json()["error"]["message_code"] == code
        assert claims.holder_of(CLAIM_KIND, name) is None  # refused before anything is claimed


def test_an_it_registrant_is_sent_with_entity_type_and_fiscal_code(stack, whmcs):
    """.it: the registrant's NIC.it entity type and fiscal code reach the handle (the newer
    spec's nicItEntityType and pin); an order without them is refused before anything."""
    italian = CONTACT | {"country": "IT", "city": "Roma", "postcode": "00184"}
    fields = {"it_entity_type": "company", "it_pin": "01234567890"}
    body = order_body("negozio-romano.it", registry_fields=fields) | {
        "contacts": {"registrant": italian}
    }
    domain_id = str(next(_domain_ids))
    assert whmcs.request("POST", f"/domains/{domain_id}/register", body).status_code == 202
    settle_domain(stack, whmcs, domain_id, "active")
    owner = stack.sim.state.domains["negozio-romano.it"]["handles"]["owner"]
    registry = stack.sim.state.handles[owner]["registry"]
    assert registry == {"nicItEntityType": "company", "pin": "01234567890"}
    missing = body | {"registry_fields": {"it_entity_type": "company"}}
    refused = whmcs.request("POST", f"/domains/{next(_domain_ids)}/register", missing)
    assert refused.json()["error"]["message_code"] == "domain_it_registrant_data"
