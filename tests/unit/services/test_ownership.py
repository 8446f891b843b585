"""services/ownership.py: a reused WHMCS service id never hands over another client's server."""

import pytest

from contabo_reseller.adapters import service_store
from contabo_reseller.domain.errors import Conflict
from contabo_reseller.services import ownership
from contabo_reseller.services.service_policy import client_id_of


def ordered(service_id: str, **fields):
    record = service_store.acquire_lock(service_id, "create", "t")
    defaults = {"state": "active", "client_id": "7", "product_id": "V92", "region": "EU"}
    service_store.update(record, kind="compute", **(defaults | fields))  # fenced: while held
    service_store.release_lock(service_id, "t")
    return record


def same_order(record, **asked):
    request = {"kind": "compute", "client_id": "7", "product_id": "V92", "region": "EU"}
    ownership.require_same_order(record, **(request | asked))


def test_a_retry_of_the_same_order_passes(aws):
    same_order(ordered("501"))


@pytest.mark.parametrize(
    ("asked", "code"),
    [
        ({"client_id": "8"}, "service_id_reused_client"),
        ({"product_id": "V94"}, "service_id_reused_order"),
        ({"region": "US-east"}, "service_id_reused_order"),
        ({"kind": "object_storage"}, "service_id_reused_order"),
    ],
)
def test_another_client_or_order_is_a_conflict_with_a_message_code(aws, asked, code):
    with pytest.raises(Conflict) as refused:
        same_order(ordered("502"), **asked)
    assert refused.value.message_code == code
    assert refused.value.params["service_id"] == "502"
    assert "Nothing was ordered" in refused.value.message


def test_a_failed_order_that_bought_nothing_may_be_ordered_anew_by_its_client(aws):
    record = ordered("503", state="failed")
    same_order(record, product_id="V94")
    with pytest.raises(Conflict):
        same_order(record, client_id="8")


def test_reads_check_the_client_only_when_whmcs_names_one(aws):
    ordered("504")
    ownership.require_client("504", None)
    ownership.require_client("504", "7")
    ownership.require_client("999", "8")  # nothing ordered: the route answers 404 itself
    with pytest.raises(Conflict):
        ownership.require_client("504", "8")


def test_a_client_is_keyed_with_its_services_installation(aws):
    assert client_id_of(ordered("505")) == "7"
    assert client_id_of(ordered("staging.505")) == "staging.7"
