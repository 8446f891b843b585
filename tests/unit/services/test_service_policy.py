import pytest

from contabo_reseller.adapters.tables import AuditEntry, ServiceRecord
from contabo_reseller.domain.errors import ActionRefused, NotFound
from contabo_reseller.domain.guardrails import Guardrails
from contabo_reseller.services import service_policy
from contabo_reseller.services.guardrails import put_guardrails


def record(state="active", suspended=False, resource_id="100", **details) -> ServiceRecord:
    return ServiceRecord(
        service_id="42",
        state=state,
        resource_id=resource_id,
        client_id="7",
        details={"suspended": suspended, **details},
    )


def test_an_active_service_can_change():
    service_policy.require_changeable(record())


@pytest.mark.parametrize(
    ("row", "starts_with"),
    [
        (record(state="terminated", suspended=True), "This service has been terminated"),
        (record(suspended=True), "This service is suspended."),
        (record(state="provisioning", suspended=True), "This service is suspended."),
        (record(state="queued", resource_id=None), "This server is still being set up."),
        (record(state="purchasing", resource_id=None), "This server is still being set up."),
        (record(state="provisioning"), "This server is still being set up."),
        (record(state="failed"), "This server is still being set up."),
    ],
)
def test_refusals_in_order(row, starts_with):
    with pytest.raises(ActionRefused) as refused:
        service_policy.require_changeable(row)
    assert refused.value.message.startswith(starts_with)


def test_ready_ignores_suspension():
    service_policy.require_ready(record(suspended=True))
    with pytest.raises(ActionRefused):
        service_policy.require_ready(record(state="provisioning"))


def test_the_instance_is_the_records_own():
    assert service_policy.instance_id_of(record(resource_id="123")) == 123
    with pytest.raises(ActionRefused):
        service_policy.instance_id_of(record(resource_id=None))


def test_guardrail_refusal_names_the_rule():
    service_policy.require_allowed(Guardrails(), "allow_rescue")
    with pytest.raises(ActionRefused) as refused:
        service_policy.require_allowed(Guardrails(allow_rescue=False), "allow_rescue")
    assert "Rescue mode is turned off" in refused.value.message
    assert refused.value.details == {"guardrail": "allow_rescue"}


def test_guardrails_are_found_by_whmcs_product(aws):
    put_guardrails("55", Guardrails(max_snapshots=3))
    assert service_policy.guardrails_for(record(whmcs_product_id="55")).max_snapshots == 3
    assert service_policy.guardrails_for(record(whmcs_product_id="56")) == Guardrails()
    assert service_policy.guardrails_for(record()) == Guardrails()


def test_changing_an_unknown_service_leaves_no_row(aws):
    with pytest.raises(NotFound), service_policy.changing("999", "rescue", "test"):
        pass
    assert ServiceRecord.count() == 0


def test_changing_a_suspended_service_is_refused_audited_and_unlocked(aws):
    record(suspended=True).save()
    with pytest.raises(ActionRefused), service_policy.changing("42", "rescue", "test"):
        pytest.fail("the body must not run")
    row = ServiceRecord.get("42")
    assert row.lock_owner is None
    audit = [e for e in AuditEntry.query("42") if e.kind == "action"]
    assert [(e.action, e.outcome) for e in audit] == [("rescue", "refused")]
