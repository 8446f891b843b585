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
