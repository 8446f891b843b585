"""DNS guardrails per WHMCS product: a client's zone and record limits come from their servers'
products (the most generous wins), the defaults otherwise, and a refusal names the limit."""

from __future__ import annotations

import pytest

from contabo_reseller.adapters import claims
from contabo_reseller.adapters.tables import ServiceRecord
from contabo_reseller.domain.dns import MAX_RECORDS_PER_ZONE, MAX_ZONES_PER_CLIENT
from contabo_reseller.domain.errors import QuotaExceeded
from contabo_reseller.domain.guardrails import Guardrails
from contabo_reseller.services.dns import zones
from contabo_reseller.services.guardrails import put_guardrails


def server(service_id: str, client_id: str, product: str, kind: str = "compute") -> None:
    ServiceRecord(
        service_id=service_id,
        state="active",
        kind=kind,
        client_id=client_id,
        details={"whmcs_product_id": product},
    ).save()


def test_a_client_without_servers_has_the_defaults(aws):
    limits = zones.dns_limits("31")
    assert (limits.zones, limits.records_per_zone) == (MAX_ZONES_PER_CLIENT, MAX_RECORDS_PER_ZONE)


def test_the_products_guardrails_set_the_limits_and_the_most_generous_wins(aws):
    put_guardrails("5", Guardrails(max_dns_zones=2, max_dns_records_per_zone=10))
    put_guardrails("6", Guardrails(max_dns_zones=4, max_dns_records_per_zone=8))
    put_guardrails("7", Guardrails(max_dns_zones=90, max_dns_records_per_zone=900))
    put_guardrails("staging.7", Guardrails(max_dns_zones=3, max_dns_records_per_zone=9))
    server("501", "32", "5")
    assert zones.dns_limits("32").model_dump() == {"zones": 2, "records_per_zone": 10}
    server("502", "32", "6")
    assert zones.dns_limits("32").model_dump() == {"zones": 4, "records_per_zone": 10}
    server("503", "32", "7", kind="object_storage")  # no DNS page: its product does not count
    server("staging.504", "32", "7")  # the same client number in another WHMCS installation
    assert zones.dns_limits("32").model_dump() == {"zones": 4, "records_per_zone": 10}
    assert zones.dns_limits("staging.32").model_dump() == {"zones": 3, "records_per_zone": 9}


def test_the_zone_over_the_limit_is_refused_before_the_provider_is_asked(aws, monkeypatch):
    put_guardrails("8", Guardrails(max_dns_zones=2))
    server("601", "33", "8")
    for zone in ("one.example", "two.example"):
        assert claims.claim(zones.CLAIM_KIND, zone, "client:33") is None
    monkeypatch.setattr(zones, "_contabo", lambda client_id: pytest.fail("provider asked"))
    with pytest.raises(QuotaExceeded) as refused:
        zones.create_zone("33", "three.example")
    assert refused.value.message_code == "dns_zone_limit"
    assert refused.value.params == {"limit": 2, "used": 2}
    assert "allows 2 DNS zones" in refused.value.message
    assert claims.holder_of(zones.CLAIM_KIND, "three.example") is None
    listed = zones.list_zones("33")
    assert (listed.limit, listed.record_limit) == (2, MAX_RECORDS_PER_ZONE)


def test_guardrail_limits_are_bounded():
    with pytest.raises(ValueError):
        Guardrails(max_dns_records_per_zone=0)
    with pytest.raises(ValueError):
        Guardrails(max_dns_zones=-1)


def test_two_creates_racing_for_the_last_zone_do_not_exceed_the_limit(aws, monkeypatch):
    put_guardrails("9", Guardrails(max_dns_zones=1))
    server("701", "34", "9")
    real = zones._zones_of
    counts = iter([[]])  # the first count ran before the other request's claim landed

    def racing(client_id):
        return next(counts, None) or real(client_id)

    assert claims.claim(zones.CLAIM_KIND, "winner.example", "client:34") is None
    monkeypatch.setattr(zones, "_zones_of", racing)
    monkeypatch.setattr(zones, "_contabo", lambda client_id: pytest.fail("provider asked"))
    with pytest.raises(QuotaExceeded) as refused:
        zones.create_zone("34", "loser.example")
    assert refused.value.params == {"limit": 1, "used": 1}
    assert claims.holder_of(zones.CLAIM_KIND, "loser.example") is None
