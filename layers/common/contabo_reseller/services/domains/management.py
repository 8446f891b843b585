"""A registered domain's own operations: details, nameservers, contacts, EPP code, cancel and
revoke, transfer-out confirm and revoke, availability, and the scheduled sync.

Each domain is its WHMCS client's alone: a request naming another client's domain is answered
as if the domain did not exist (404), the same wall as for servers.
"""

from __future__ import annotations

from typing import Any

from contabo_reseller.adapters import service_store
from contabo_reseller.adapters.tables import ServiceRecord
from contabo_reseller.domain.domains import (
    DOMAIN,
    Availability,
    AvailabilityList,
    Contacts,
    ContactsView,
    DomainView,
    EppCode,
    contact_from_handle,
    row_id,
)
from contabo_reseller.domain.errors import ActionRefused, NotFound
from contabo_reseller.domain.service import ServiceState
from contabo_reseller.observability import logger
from contabo_reseller.services.actions import service_action
from contabo_reseller.services.domains.registration import (
    client_for,
    create_handles,
    domain_not_found,
)
from contabo_reseller.services.domains.views import domain_view

ENDED_STATUS = "ended"  # ours: the provider no longer knows the domain (past its cancel date)
NOT_REGISTERED_YET = "The domain is not registered yet; try again once its order has finished."


def info(domain_id: str, client_id: str) -> DomainView:
    record = _owned(domain_id, client_id)
    if not record.resource_id:
        return domain_view(domain_id, record)
    try:
        facts = client_for(record.service_id).get_domain(record.resource_id)
    except NotFound:
        # No longer in the account: transferred away (we confirmed it) or ended at its cancel
        # date. WHMCS's Sync tells the two apart by the status.
        if record.details.get("status") != "transferred":
            service_store.update(record, details={"status": ENDED_STATUS})
        return domain_view(domain_id, record)
    return domain_view(domain_id, record, facts)


def set_nameservers(
    domain_id: str, client_id: str, nameservers: list[str], actor: str
) -> DomainView:
    from contabo_reseller.adapters.contabo import generated_domain_models as dm

    with _linked_action(domain_id, client_id, "nameservers", actor) as (record, contabo):
        change = dm.DomainPatchRequest(
            nameservers=[dm.Nameserver(hostname=[n]) for n in nameservers]
        )
        facts = contabo.update_domain(str(record.resource_id), change)
        return domain_view(domain_id, record, facts)


def contacts(domain_id: str, client_id: str) -> ContactsView:
    record = _owned(domain_id, client_id)
    _require_linked(record)
    contabo = client_for(record.service_id)
    facts = contabo.get_domain(str(record.resource_id))
    roles = {
        "registrant": facts.handles.owner,
        "admin": facts.handles.admin,
        "tech": facts.handles.tech,
    }
    seen: dict[str, Any] = {}
    result = {}
    for role, handle_id in roles.items():
        if handle_id not in seen:
            seen[handle_id] = contabo.get_handle(str(handle_id)).model_dump(
                by_alias=True, mode="json"
            )
        result[role] = contact_from_handle(seen[handle_id])
    return ContactsView(domain=str(record.resource_id), contacts=result)


def set_contacts(domain_id: str, client_id: str, new: Contacts, actor: str) -> ContactsView:
    """New handles for the contacts, then the domain points at them (a handle's name cannot be
    changed at the provider, so changing contacts always means new handles)."""
    from contabo_reseller.adapters.contabo import generated_domain_models as dm

    with _linked_action(domain_id, client_id, "contacts", actor) as (record, contabo):
        handles = create_handles(contabo, new.model_dump(mode="json"))
        contabo.update_domain(
            str(record.resource_id), dm.DomainPatchRequest(handles=dm.DomainHandles(**handles))
        )
        service_store.update(record, details={"handle_ids": handles})
    return contacts(domain_id, client_id)


def epp_code(domain_id: str, client_id: str, actor: str) -> EppCode:
    with _linked_action(domain_id, client_id, "epp_code", actor) as (record, contabo):
        answer = contabo.generate_auth_code(str(record.resource_id))
        return EppCode(domain=str(record.resource_id), epp_code=str(answer.auth_code))


def cancel(domain_id: str, client_id: str, actor: str) -> DomainView:
    """RequestDelete: the domain ends at its renewal date (the provider's rule); it can be
    revoked until then."""
    with _linked_action(domain_id, client_id, "cancel", actor) as (record, contabo):
        contabo.cancel_domain(str(record.resource_id))
        facts = contabo.get_domain(str(record.resource_id))
        service_store.update(record, details={"cancel_date": _iso(facts.cancel_date)})
        return domain_view(domain_id, record, facts)


def revoke_cancel(domain_id: str, client_id: str, actor: str) -> DomainView:
    with _linked_action(domain_id, client_id, "revoke_cancel", actor) as (record, contabo):
        contabo.revoke_domain_cancellation(str(record.resource_id))
        facts = contabo.get_domain(str(record.resource_id))
        service_store.update(record, details={"cancel_date": None})
        return domain_view(domain_id, record, facts)


def transfer_out(domain_id: str, client_id: str, *, approve: bool, actor: str) -> DomainView:
    action = "transfer_out_confirm" if approve else "transfer_out_revoke"
    with _linked_action(domain_id, client_id, action, actor) as (record, contabo):
        name = str(record.resource_id)
        if contabo.get_domain(name).status != "transferring out":
            raise ActionRefused(
                "No transfer away from this registrar is waiting for an answer.",
                message_code="domain_no_transfer_out",
            )
        if approve:
            contabo.confirm_transfer_out(name)
            service_store.update(record, details={"status": "transferred"})
            return domain_view(domain_id, record)
        contabo.revoke_transfer_out(name)
        return domain_view(domain_id, record, contabo.get_domain(name))


def availability(domains: list[str]) -> AvailabilityList:
    contabo = client_for("-")
    return AvailabilityList(
        items=[Availability(domain=d, available=contabo.domain_available(d)) for d in domains]
    )


def sync_all() -> dict[str, int]:
    """The scheduled sync: every linked domain's status, dates and pending transfer out, as
    WHMCS's Sync and TransferSync then read them (one list call, not one call per domain)."""
    contabo = client_for("-")
    facts = {str(d.domain): d for d in contabo.list_domains()}
    pending = {str(p.domain) for p in contabo.list_pending_domain_actions()}
    tally = {"synced": 0, "gone": 0}
    for record in service_store.all_services():
        if record.kind != DOMAIN or not record.resource_id:
            continue
        found = facts.get(record.resource_id)
        if found is None:
            if record.state == ServiceState.ACTIVE.value:
                tally["gone"] += 1
                service_store.update(record, details={"status": "transferred"})
            continue
        tally["synced"] += 1
        service_store.update(
            record,
            details={
                "status": str(found.status),
                "registration_date": _iso(found.registration_date),
                "renewal_date": _iso(found.renewal_date),
                "cancel_date": _iso(found.cancel_date),
                "transfer_out_pending": record.resource_id in pending,
            },
        )
    logger.info("domain sync", extra=tally)
    return tally


# helpers -------------------------------------------------------------------------------------


def _owned(domain_id: str, client_id: str) -> ServiceRecord:
    record = service_store.get(row_id(domain_id))
    if record is None or record.kind != DOMAIN or record.client_id != client_id:
        raise domain_not_found(domain_id)
    return record


def _require_linked(record: ServiceRecord) -> None:
    if not record.resource_id:
        raise ActionRefused(NOT_REGISTERED_YET, message_code="domain_not_registered_yet")


class _linked_action:
    """The service lock and audit row of a domain action, for a linked domain of this client."""

    def __init__(self, domain_id: str, client_id: str, action: str, actor: str) -> None:
        _owned(domain_id, client_id)
        self._action = service_action(row_id(domain_id), action, actor)

    def __enter__(self) -> tuple[ServiceRecord, Any]:
        context = self._action.__enter__()
        _require_linked(context.record)
        return context.record, client_for(context.service_id, context.trace_id)

    def __exit__(self, *exc: Any) -> Any:
        return self._action.__exit__(*exc)


def _iso(moment: Any) -> str | None:
    return moment.isoformat() if moment else None
