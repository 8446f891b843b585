"""RegisterDomain and TransferDomain: a domain order is a purchase, made exactly once.

The order is recorded (the domain name claimed for this WHMCS domain, so two orders for one
name cannot both buy; a refused order gives the name back, an unknown outcome keeps it until
settled) and handed to the provisioning worker, which runs the same exactly-once
steps as for servers (services.provisioning): the x-request-id is recorded before
``orderDomain``; an unknown outcome is settled through the domains audit list (requestId) and
a look-up of the domain itself before anything is ordered again.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from contabo_reseller.adapters import claims, service_store, worker_trigger
from contabo_reseller.adapters.tables import ServiceRecord
from contabo_reseller.domain import installations
from contabo_reseller.domain.domains import (
    DOMAIN,
    NEEDS_ACTION_STATUS,
    PENDING_STATUSES,
    DomainOrder,
    DomainView,
    handle_request,
    row_id,
)
from contabo_reseller.domain.domains.registry_fields import (
    RegistryFields,
    check_registry_fields,
)
from contabo_reseller.domain.errors import (
    ConfigurationError,
    Conflict,
    DomainError,
    InvalidInput,
    NotFound,
    PurchaseOutcomeUnknown,
    UpstreamRejected,
    UpstreamUnavailable,
)
from contabo_reseller.domain.service import ServiceState
from contabo_reseller.domain.status_messages import CLEARED, say
from contabo_reseller.observability import logger
from contabo_reseller.services.actions import service_action
from contabo_reseller.services.domains.views import domain_view

if TYPE_CHECKING:
    from contabo_reseller.adapters.contabo.client import ContaboClient

CLAIM_KIND = "domain_name"
ORDERABLE = ("new", ServiceState.FAILED.value)
ONE_YEAR_MESSAGE = (
    "Domains are registered for one year and renew automatically every year until cancelled; "
    "order a one-year term."
)


def order(domain_id: str, request: DomainOrder, actor: str, *, transfer: bool) -> DomainView:
    """Records the order once (name claimed, nothing bought) and wakes the worker."""
    if request.years != 1:
        raise InvalidInput(ONE_YEAR_MESSAGE, message_code="domain_one_year_only")
    check_registry_fields(
        request.domain,
        request.contacts.registrant.country,
        request.registry_fields or RegistryFields(),
    )
    if transfer and not request.auth_code:
        raise InvalidInput(
            "A transfer needs the domain's auth code (EPP code).",
            message_code="domain_transfer_needs_code",
        )
    service_id = row_id(domain_id)
    with service_action(service_id, "register" if not transfer else "transfer", actor) as action:
        record = action.record
        if record.state not in ORDERABLE or record.resource_id:
            if record.kind != DOMAIN or record.client_id != request.client_id:
                raise domain_not_found(domain_id)
            action.message = "already ordered"
            return domain_view(domain_id, record)
        holder = claims.claim(CLAIM_KIND, request.domain, service_id)
        if holder is not None:
            raise Conflict(
                f"{request.domain} is already ordered through this reseller.",
                message_code="domain_already_ordered",
                params={"domain": request.domain},
            )
        contabo = client_for(service_id, action.trace_id)
        if _held_already(contabo, request.domain):
            claims.release(CLAIM_KIND, request.domain, service_id)
            raise Conflict(
                f"{request.domain} is already in the reseller's account; the reseller's staff "
                "can assign it.",
                message_code="domain_in_account",
                params={"domain": request.domain},
            )
        if not transfer and not contabo.domain_available(request.domain):
            claims.release(CLAIM_KIND, request.domain, service_id)
            raise Conflict(
                f"{request.domain} is not available for registration.",
                message_code="domain_not_available",
                params={"domain": request.domain},
            )
        order_data = request.model_dump(mode="json")
        order_data.pop("auth_code", None)  # kept apart: a secret of the customer's
        service_store.update(
            record,
            condition=ServiceRecord.resource_id.does_not_exist(),
            state=ServiceState.QUEUED.value,
            kind=DOMAIN,
            client_id=request.client_id,
            display_name=request.domain,
            **CLEARED,
            created_at=record.created_at or datetime.now(UTC),
            details={
                "order": order_data,
                "transfer": transfer,
                "auth_code": request.auth_code or "",
            },
        )
        view = domain_view(domain_id, record)
    worker_trigger.trigger_provisioning(service_id)
    return view


def domain_not_found(domain_id: str) -> NotFound:
    """Another client's domain is answered exactly as an unknown one."""
    return NotFound(
        f"Domain {installations.whmcs_id(domain_id)} is not known.",
        message_code="domain_not_found",
        params={"domain_id": installations.whmcs_id(domain_id)},
    )


def client_for(service_id: str, trace_id: str | None = None) -> ContaboClient:
    # The Contabo client (generated models, httpx) loads on the first call, not at cold start.
    from contabo_reseller.adapters.contabo.client import get_contabo_client

    return get_contabo_client().for_service(service_id, trace_id)


def _held_already(contabo: ContaboClient, domain: str) -> bool:
    try:
        contabo.get_domain(domain)
    except NotFound:
        return False
    return True


class DomainPurchaser:
    """The worker's steps for a domain (see services.provisioning.Purchaser)."""

    def __init__(self, service_id: str, trace_id: str) -> None:
        self.contabo = client_for(service_id, trace_id)

    def find_by_marker(self, record: ServiceRecord) -> str | None:
        # The name is claimed for this row and was not in the account when ordered: a domain
        # of that name in the account now is this order's.
        name = str(record.display_name)
        if claims.holder_of(CLAIM_KIND, name) != record.service_id:
            return None
        return name if _held_already(self.contabo, name) else None

    def find_by_request_id(self, record: ServiceRecord) -> str | None:
        request_id = record.purchase_request_id
        if not request_id:
            return None
        for entry in self.contabo.domain_audits(request_id=request_id):
            return str(entry.domain)
        return None

    def prepare(self, record: ServiceRecord) -> bool:
        if not record.details.get("handle_ids"):
            order_data = record.details["order"]
            registry = RegistryFields.model_validate(order_data.get("registry_fields") or {})
            try:
                handles = create_handles(self.contabo, order_data["contacts"], registry)
            except InvalidInput as refused:
                # Nothing was bought: the order fails with the registry's reason, the name is free.
                from contabo_reseller.services.provisioning import _fail

                _fail(record, say("status_order_refused", reason=refused.message))
                claims.release(CLAIM_KIND, str(record.display_name), record.service_id)
                return False
            service_store.update(record, details={"handle_ids": handles})
        return True

    def buy(self, record: ServiceRecord, request_id: str) -> str:
        from contabo_reseller.adapters.contabo import generated_domain_models as dm

        order_data: dict[str, Any] = record.details["order"]
        handles = record.details["handle_ids"]
        body = dm.DomainCreateRequest(
            domain=order_data["domain"],
            auth_code=record.details.get("auth_code") or None,
            handles=dm.DomainHandles(**handles),
            nameservers=[dm.Nameserver(hostname=[ns]) for ns in order_data["nameservers"]],
        )
        try:
            bought = self.contabo.order_domain(body, request_id=request_id)
        except (PurchaseOutcomeUnknown, UpstreamUnavailable, ConfigurationError):
            raise  # maybe bought, or asked again later: the name stays this order's
        except DomainError:
            # Refused: nothing was bought, so the name is free for the customer's next order.
            claims.release(CLAIM_KIND, str(record.display_name), record.service_id)
            raise
        return str(bought.domain)

    def poll(self, record: ServiceRecord) -> None:
        facts = self.contabo.get_domain(str(record.resource_id))
        status = str(facts.status)
        details = {"status": status, "renewal_date": _iso(facts.renewal_date)}
        if status in PENDING_STATUSES:
            service_store.update(record, details=details)
            return
        if status == NEEDS_ACTION_STATUS:
            message = (
                say("status_domain_transfer_needs_action")
                if record.details.get("transfer")
                else say("status_domain_registration_needs_action")
            )
            logger.warning("domain needs manual action", extra={"domain": record.resource_id})
            service_store.update(record, details=details, **message.fields())
            return
        service_store.update(
            record,
            state=ServiceState.ACTIVE.value,
            details={**details, "auth_code": ""},  # a finished transfer forgets the code
            **CLEARED,
        )

    def follow_up(self, record: ServiceRecord) -> None:
        return None


def create_handles(
    contabo: ContaboClient, contacts: dict[str, Any], registry: RegistryFields | None = None
) -> dict[str, str]:
    """One provider handle per distinct WHMCS contact; missing roles use the registrant's. The
    registrant's handle carries the TLD-specific data (birth record, SIRET)."""
    from contabo_reseller.adapters.contabo import generated_domain_models as dm
    from contabo_reseller.domain.domains import Contact

    made: dict[str, str] = {}
    ids: dict[str, str] = {}
    for role in ("registrant", "admin", "tech"):
        contact = contacts.get(role)
        if not contact:
            continue
        extras = registry if role == "registrant" else None
        key = repr((sorted(contact.items()), role == "registrant" and registry is not None))
        if key not in made:
            fields = handle_request(Contact(**contact), extras)
            request = dm.HandleCreateRequest.model_validate(fields)
            try:
                made[key] = str(contabo.create_handle(request).handle_id)
            except UpstreamRejected as error:
                raise InvalidInput(
                    f"The registry refused the {role} contact: {error.message}",
                    message_code="handle_refused",
                    params={"role": role, "reason": error.message},
                ) from error
        ids[role] = made[key]
    owner = ids["registrant"]
    admin = ids.get("admin", owner)
    return {
        "owner": owner,
        "admin": admin,
        "tech": ids.get("tech", admin),
        "zone": ids.get("tech", admin),
    }


def _iso(moment: Any) -> str | None:
    return moment.isoformat() if moment else None
