"""A contact handle the registry refuses is said with a code, so the customer reads it in their
language when saving contacts, and a refused order fails instead of retrying forever."""

from __future__ import annotations

import pytest

from contabo_reseller.domain.errors import InvalidInput, UpstreamRejected
from contabo_reseller.services.domains.registration import create_handles
from tests.unit.domain.test_domains_and_dns import CONTACT


class RefusingRegistry:
    def create_handle(self, request):
        raise UpstreamRejected("phone.number is not valid for DE")


def test_a_handle_the_registry_refuses_is_said_with_a_code(aws):
    with pytest.raises(InvalidInput) as refused:
        create_handles(RefusingRegistry(), {"registrant": CONTACT})
    assert refused.value.message_code == "handle_refused"
    reason = "phone.number is not valid for DE"
    assert refused.value.params == {"role": "registrant", "reason": reason}
    assert refused.value.message == f"The registry refused the registrant contact: {reason}"


def test_an_order_whose_handle_is_refused_fails_and_frees_the_name(aws):
    from contabo_reseller.adapters import claims, service_store
    from contabo_reseller.adapters.tables import ServiceRecord
    from contabo_reseller.services.domains.registration import CLAIM_KIND, DomainPurchaser

    order = {"domain": "refused-contact.com", "contacts": {"registrant": CONTACT}}
    ServiceRecord(
        service_id="domain-9100",
        state="queued",
        kind="domain",
        client_id="7",
        display_name="refused-contact.com",
        details={"order": order},
    ).save()
    assert claims.claim(CLAIM_KIND, "refused-contact.com", "domain-9100") is None
    purchaser = DomainPurchaser.__new__(DomainPurchaser)  # no provider client: a stand-in
    purchaser.contabo = RefusingRegistry()
    assert purchaser.prepare(service_store.require("domain-9100")) is False
    record = service_store.require("domain-9100")
    assert record.state == "failed" and "phone.number is not valid" in record.status_message
    assert claims.holder_of(CLAIM_KIND, "refused-contact.com") is None
    # The registrar module says why by code, the registry's words as {reason}.
    from contabo_reseller.services.domains.views import domain_view

    view = domain_view("9100", record)
    assert view.message_code == "status_order_refused"
    reason = "The registry refused the registrant contact: phone.number is not valid for DE"
    assert view.message_params == {"reason": reason}
    assert view.message == f"The order was refused: {reason}"
