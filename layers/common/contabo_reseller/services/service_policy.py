"""The rules every service-scoped route applies (docs/service-management-api.md, "Rules for
every service-scoped route"), in one place for compute, networking and object storage.

Reading a service:
    record = readable(service_id)            # 404 not_found when the backend does not know it

Changing a service (takes the service lock and writes the audit row, like every action):
    with changing(service_id, "snapshot_create", actor) as action:
        record = action.record               # the row as stored, lock held
        ...                                  # action.trace_id groups the Contabo calls

``changing`` refuses (422 ``action_refused``) a terminated, suspended or not yet active service;
the same checks alone are ``require_changeable(record)``. ``require_ready(record)`` is the
not-ready/terminated part without the suspension rule (for actions that are allowed while
suspended, such as stopping the server).

Guardrails (per WHMCS product, set by the admin; defaults allow everything):
    rails = guardrails_for(record)           # domain.guardrails.Guardrails
    require_allowed(rails, "allow_rescue")   # 422 naming the rule when the admin turned it off
    rails.cloud_init_max_bytes, rails.max_snapshots (None: Contabo's own limit only)

Ownership: ``instance_id_of(record)`` is the only instance a service may touch (never one from
the request); ``client_id_of(record)`` is the WHMCS client whose vault keys and networks the
service may use. Someone else's resource must answer ``NotFound`` (never a 403).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from contabo_reseller.adapters import service_store
from contabo_reseller.adapters.tables import ServiceRecord
from contabo_reseller.domain import installations
from contabo_reseller.domain.errors import ActionRefused, NotFound
from contabo_reseller.domain.guardrails import REFUSALS, Guardrails
from contabo_reseller.domain.service import ServiceState
from contabo_reseller.services.actions import ActionContext, service_action
from contabo_reseller.services.guardrails import get_guardrails

SUSPENDED_MESSAGE = (
    "This service is suspended. It can be viewed but not changed until it is reactivated; "
    "contact billing to reactivate it."
)
NOT_READY_MESSAGE = (
    "This server is still being set up. Changes are possible once it is ready; "
    "contact support if it does not become ready."
)
TERMINATED_MESSAGE = "This service has been terminated; it can no longer be changed."
NOT_A_SERVER_MESSAGE = "This service is not a server; this action applies to servers only."


def readable(service_id: str) -> ServiceRecord:
    """The service's row for a read; NotFound when the backend does not know the service."""
    return service_store.require(service_id)


def require_ready(record: ServiceRecord) -> None:
    if record.state == ServiceState.TERMINATED:
        raise ActionRefused(TERMINATED_MESSAGE, message_code="service_terminated")
    if record.state != ServiceState.ACTIVE or not record.resource_id:
        raise ActionRefused(NOT_READY_MESSAGE, message_code="service_not_ready")


def require_changeable(record: ServiceRecord) -> None:
    """Terminated, suspended, or not active yet: 422 action_refused, in that order."""
    if record.state == ServiceState.TERMINATED:
        raise ActionRefused(TERMINATED_MESSAGE, message_code="service_terminated")
    if (record.details or {}).get("suspended"):
        raise ActionRefused(SUSPENDED_MESSAGE, message_code="service_suspended")
    require_ready(record)


def require_compute(record: ServiceRecord) -> None:
    if record.kind != "compute":
        raise ActionRefused(NOT_A_SERVER_MESSAGE, message_code="not_a_server")


@contextmanager
def changing(service_id: str, action: str, actor: str) -> Iterator[ActionContext]:
    """The service lock and audit row for a change, after the checks every change needs. An
    unknown service is refused by the lock's own condition: no lock row is written for it."""
    with service_action(service_id, action, actor, known=True) as context:
        require_changeable(context.record)
        yield context


def guardrails_for(record: ServiceRecord) -> Guardrails:
    """The guardrails of the service's WHMCS product (defaults when none are set); product ids,
    like service ids, are its WHMCS installation's own."""
    product = (record.details or {}).get("whmcs_product_id")
    installation = installations.installation_of(record.service_id)
    return get_guardrails(product and installations.scoped_id(installation, product))


def require_allowed(guardrails: Guardrails, rule: str) -> None:
    """Refuses when the ``allow_*`` guardrail ``rule`` (e.g. "allow_rescue") is off."""
    if not getattr(guardrails, rule):
        raise ActionRefused(
            REFUSALS[rule], details={"guardrail": rule}, message_code=f"guardrail_{rule}"
        )


def instance_id_of(record: ServiceRecord) -> int:
    """The service's own Contabo instance; not ready when it has none yet."""
    require_compute(record)  # an object storage's resource id is a storage uuid, not an instance
    if not record.resource_id:
        raise ActionRefused(NOT_READY_MESSAGE, message_code="service_not_ready")
    return int(record.resource_id)


def client_id_of(record: ServiceRecord) -> str:
    """The service's client as the backend keys clients (its SSH key vault, its private
    networks): WHMCS numbers clients anew in every installation, so the key carries it."""
    if not record.client_id:
        raise NotFound(
            "This service has no WHMCS client on record.", message_code="service_no_client"
        )
    installation = installations.installation_of(record.service_id)
    return installations.scoped_id(installation, record.client_id)
