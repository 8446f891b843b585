"""Whose service a request reaches: a WHMCS service id is reused when a backup is restored,
WHMCS is reinstalled or a second WHMCS shares the backend, so an id alone never hands over a
server. The record must belong to the caller's client, and a create must be the same order."""

from __future__ import annotations

from contabo_reseller.adapters import service_store
from contabo_reseller.adapters.tables import ServiceRecord
from contabo_reseller.domain import installations
from contabo_reseller.domain.errors import Conflict

REUSED_ID_ADVICE = (
    "WHMCS service ids repeat after a restored backup, a reinstalled WHMCS or when a second "
    "WHMCS shares this backend's signing key: give each WHMCS installation its own signing "
    "key (docs/first-hour.md, 'Connect another WHMCS'). Nothing was ordered or changed."
)
OTHER_CLIENT = "Service {service_id} belongs to another client in the provisioning backend. "
OTHER_ORDER = (
    "Service {service_id} was already ordered in the provisioning backend with a different "
    "{differences}. "
)


def require_client(service_key: str, client_id: str | None) -> None:
    """Refuses a request for another client's service; a request naming no client (admin
    tools, the module's ListAccounts) or a service not yet ordered passes."""
    if not client_id:
        return
    record = service_store.get(service_key)
    if record is not None and record.state != "new" and record.client_id not in (None, client_id):
        raise _other_client(service_key)


def require_same_order(
    record: ServiceRecord, *, kind: str, client_id: str, product_id: str | None, region: str
) -> None:
    """A create for a service already ordered must be that order (a retry); anything else is
    a reused id. Only a failed order that bought nothing may be ordered anew by its client."""
    if record.state == "new":
        return
    if record.client_id not in (None, client_id):
        raise _other_client(record.service_id)
    if record.state == "failed" and not record.resource_id:
        return
    ordered = {"product": record.product_id, "region": record.region, "kind": record.kind}
    asked = {"product": product_id, "region": region, "kind": kind}
    differences = [name for name, value in ordered.items() if value and value != asked[name]]
    if differences:
        service_id = installations.whmcs_id(record.service_id)
        raise Conflict(
            OTHER_ORDER.format(service_id=service_id, differences=" and ".join(differences))
            + REUSED_ID_ADVICE,
            message_code="service_id_reused_order",
            params={"service_id": service_id, "differences": differences},
        )


def _other_client(service_key: str) -> Conflict:
    service_id = installations.whmcs_id(service_key)
    return Conflict(
        OTHER_CLIENT.format(service_id=service_id) + REUSED_ID_ADVICE,
        message_code="service_id_reused_client",
        params={"service_id": service_id},
    )
