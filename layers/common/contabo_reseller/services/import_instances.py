"""Import: link an existing Contabo instance to a WHMCS service, never one that belongs to
another service.

Candidates are the instances the last status sync found with no service (so the admin's list
answers at once, whatever the account's size), with suggestions: the service named in a
``whmcs-service-N`` display name, the service whose tag the instance carries, or the WHMCS
service whose IP the admin gives. An import checks the instance live at Contabo, then claims
it with a conditional write (instance_claims) before linking: of two imports racing for one
instance exactly one wins. The service becomes active with Contabo's facts and shows in
``GET /services`` (WHMCS ListAccounts) like any other.
"""

from __future__ import annotations

from datetime import UTC, datetime

from contabo_reseller.adapters import instance_claims, service_store
from contabo_reseller.adapters.tables import ServiceRecord
from contabo_reseller.domain.drift import OrphanInstance, service_id_in_name
from contabo_reseller.domain.errors import ActionRefused, Conflict, DomainError, NotFound
from contabo_reseller.domain.imports import (
    CandidateList,
    ImportCandidate,
    ImportRequest,
    Suggestion,
)
from contabo_reseller.domain.instance import InstanceFacts, instance_details
from contabo_reseller.domain.service import ServiceState, ServiceView
from contabo_reseller.domain.status_messages import CLEARED, say
from contabo_reseller.observability import logger
from contabo_reseller.services import status_sync
from contabo_reseller.services.actions import service_action
from contabo_reseller.services.contabo_gateway import ContaboGateway, gateway_for
from contabo_reseller.services.views import service_view

# A service the backend does not know yet (the lock made its row), or an order that failed.
IMPORTABLE_STATES = ("new", ServiceState.FAILED.value)


def candidates(ip: str | None = None, service_id: str | None = None) -> CandidateList:
    """Unlinked instances as of the last status sync; with ``ip``, only those with that IP
    (``service_id``: the WHMCS service that has it, suggested for them)."""
    report = status_sync.last_report()
    orphans = report.orphan_instances
    if ip:
        orphans = [orphan for orphan in orphans if orphan.ipv4 == ip]
    return CandidateList(
        items=[_candidate(orphan, service_id if ip else None) for orphan in orphans],
        as_of=report.finished_at,
        total=report.totals["orphan_instances"],
        truncated=report.truncated,
    )


def _candidate(orphan: OrphanInstance, ip_service_id: str | None) -> ImportCandidate:
    suggestions = []
    if orphan.suggested_service_id:
        suggestions.append(Suggestion(service_id=orphan.suggested_service_id, by="display_name"))
    if orphan.tagged_service_id:
        suggestions.append(Suggestion(service_id=orphan.tagged_service_id, by="tag"))
    if ip_service_id:
        suggestions.append(Suggestion(service_id=ip_service_id, by="ip"))
    return ImportCandidate(
        **orphan.model_dump(include=set(ImportCandidate.model_fields) - {"suggestions"}),
        suggestions=suggestions,
    )


def import_instance(request: ImportRequest, actor: str) -> ServiceView:
    service_id, instance_id = request.service_id, request.instance_id
    with service_action(service_id, "import", actor) as action:
        record = action.record
        if record.resource_id == str(instance_id) and record.state == ServiceState.ACTIVE:
            return service_view(record)  # imported before: the same answer again
        if record.state not in IMPORTABLE_STATES or record.resource_id:
            raise Conflict(
                f"Service {service_id} already exists in the backend ({record.state}); an "
                "import links a server to a service that has none (new, or a failed order).",
                message_code="import_service_exists",
                params={"service_id": service_id, "state": str(record.state)},
            )
        contabo = gateway_for(service_id, action.trace_id)
        instance = _importable(contabo, service_id, instance_id)
        holder = instance_claims.claim(instance_id, service_id)
        if holder is not None:
            raise Conflict(
                f"Instance {instance_id} already belongs to service {holder}.",
                message_code="import_instance_owned",
                params={"instance_id": instance_id, "service_id": holder},
            )
        try:
            _link(record, request, instance, actor)
        except BaseException:
            instance_claims.release(instance_id, service_id)
            raise
        _tag(record, contabo, instance_id)
        status_sync.forget_orphan(instance_id)
        action.message = f"imported instance {instance_id}"
        return service_view(record)


def _importable(contabo: ContaboGateway, service_id: str, instance_id: int) -> InstanceFacts:
    """The instance as Contabo has it now, if nothing says it belongs to another service."""
    try:
        instance = contabo.get_instance(instance_id)
    except NotFound:
        raise NotFound(
            f"Contabo has no instance {instance_id} in this account.",
            message_code="import_instance_not_found",
            params={"instance_id": instance_id},
        ) from None
    if instance.cancel_date:
        raise ActionRefused(
            f"Instance {instance_id} is cancelled at Contabo (it ends {instance.cancel_date}); "
            "it cannot be imported.",
            message_code="import_instance_cancelled",
            params={"instance_id": instance_id, "date": str(instance.cancel_date)},
        )
    owner = service_store.by_resource(str(instance_id))
    if owner is not None and owner.service_id != service_id:
        raise Conflict(
            f"Instance {instance_id} already belongs to service {owner.service_id}.",
            message_code="import_instance_owned",
            params={"instance_id": instance_id, "service_id": owner.service_id},
        )
    named = service_id_in_name(instance.display_name)
    if named and named != service_id:
        other = service_store.get(named)
        if other is not None and other.state != "new":
            raise Conflict(
                f"Instance {instance_id} was bought for service {named} (its display name is "
                f"{instance.display_name}); import it as that service or rename it at Contabo.",
                message_code="import_instance_named_other",
                params={
                    "instance_id": instance_id,
                    "service_id": named,
                    "display_name": instance.display_name,
                },
            )
    return instance


def _link(
    record: ServiceRecord, request: ImportRequest, instance: InstanceFacts, actor: str
) -> None:
    now = datetime.now(UTC)
    linked = service_store.update(
        record,
        condition=ServiceRecord.state.is_in(*IMPORTABLE_STATES)
        & ServiceRecord.resource_id.does_not_exist(),
        state=ServiceState.ACTIVE.value,
        resource_id=str(instance.instance_id),
        client_id=request.client_id,
        product_id=instance.product_id,
        region=instance.region,
        display_name=instance.display_name,
        **CLEARED,
        created_at=now,
        details={
            **instance_details(instance),
            "os": instance.os_type,
            "os_type": instance.os_type,
            "image_id": instance.image_id,
            "username": instance.default_user,
            "imported_at": now.isoformat(),
            "imported_by": actor,
        },
    )
    if not linked:
        raise Conflict(
            f"Service {record.service_id} changed meanwhile; look at it and retry.",
            message_code="import_service_changed",
            params={"service_id": record.service_id},
        )


def _tag(record: ServiceRecord, contabo: ContaboGateway, instance_id: int) -> None:
    """The service tag marks the server as ours at Contabo; the import stands without it, and
    says so."""
    try:
        contabo.tag_instance(instance_id)
    except DomainError as error:
        logger.warning("imported instance not tagged", extra={"why": error.message})
        untagged = say("status_imported_untagged", reason=error.message)
        service_store.update(record, **untagged.fields())
        return
    service_store.update(record, details={"tagged": True})
