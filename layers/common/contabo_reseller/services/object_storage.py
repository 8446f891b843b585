"""Object storage as a WHMCS product: order, resize, usage, S3 credentials, and the lifecycle
actions (suspend, unsuspend, terminate, renew) for services of kind object_storage.

Contabo's rules, mapped as they are:
- One object storage per region per Contabo account. An order claims its region (a
  conditional write, so two racing orders cannot both win) and checks Contabo's own list; a
  region in use is refused at once with 422, nothing bought.
- No shrinking: a resize only grows the size (or changes the auto-scaling limit). It is a
  purchase, made exactly once by the provisioning worker (services.object_storage_provisioning).
- No way to disable an object storage: suspending replaces its S3 keys (the keys the customer
  holds stop working) and hides them until the service is reactivated; the data stays.
  Terminating cancels it at Contabo (it ends on Contabo's cancel date) and replaces the keys.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from contabo_reseller.adapters import object_storage_claims, service_store, worker_trigger
from contabo_reseller.adapters.tables import ServiceRecord
from contabo_reseller.domain.errors import ActionRefused, Conflict, NotFound
from contabo_reseller.domain.object_storage import (
    NOT_READY_MESSAGE,
    OBJECT_STORAGE,
    REGION_NAMES,
    SUSPENDED_MESSAGE,
    CreateObjectStorageRequest,
    ObjectStorageFacts,
    ObjectStorageUsage,
    ResizeObjectStorageRequest,
    S3Credentials,
    plan_resize,
    region_in_use_message,
)
from contabo_reseller.domain.service import (
    RenewRequest,
    ServiceState,
    ServiceView,
    SuspendRequest,
    display_name_for,
)
from contabo_reseller.observability import logger
from contabo_reseller.services import service_policy
from contabo_reseller.services.actions import service_action
from contabo_reseller.services.object_storage_port import (
    ObjectStoragePort,
    object_storage_port_for,
)
from contabo_reseller.services.object_storage_provisioning import facts_view
from contabo_reseller.services.views import service_view

# States from which an order starts (again); a failed service that already bought is never
# re-ordered: that storage is the service's, whatever went wrong.
ORDERABLE = ("new", ServiceState.FAILED.value)
NOT_OBJECT_STORAGE_MESSAGE = "This service is not object storage; this action applies to it only."


# Order --------------------------------------------------------------------------------------


def order(service_id: str, request: CreateObjectStorageRequest, actor: str) -> ServiceView:
    """Records the order once (region claimed, nothing bought) and wakes the worker."""
    with service_action(service_id, "create", actor) as action:
        record = action.record
        if record.state not in ORDERABLE or record.resource_id:
            if record.kind != OBJECT_STORAGE:
                raise Conflict(f"Service {service_id} was ordered as a server, not object storage.")
            action.message = "already ordered"
            return service_view(record)
        port = object_storage_port_for(service_id, action.trace_id)
        _claim_region(service_id, request.region, port)
        queued = service_store.update(
            record,
            condition=ServiceRecord.resource_id.does_not_exist(),
            state=ServiceState.QUEUED.value,
            kind=OBJECT_STORAGE,
            client_id=request.client_id,
            region=request.region,
            display_name=display_name_for(service_id),
            status_message="",
            created_at=record.created_at or datetime.now(UTC),
            details={
                "order": request.model_dump(mode="json"),
                "whmcs_product_id": request.whmcs_product_id,
                "client_email": request.client_email,
                "object_storage": {
                    "region_name": REGION_NAMES[request.region],
                    "size_tb": request.size_tb,
                    "auto_scaling_limit_tb": request.auto_scaling_limit_tb or 0.0,
                },
            },
        )
        if not queued:
            action.message = "linked concurrently"
        view = service_view(record)
    worker_trigger.trigger_provisioning(service_id)
    return view


def _claim_region(service_id: str, region: str, port: ObjectStoragePort) -> None:
    holder = object_storage_claims.claim_region(region, service_id)
    if holder is not None and (
        _holds_region(holder, region)
        or not object_storage_claims.take_over_region(region, service_id, holder)
    ):
        raise ActionRefused(region_in_use_message(region), details={"region": region})
    try:
        for storage in port.in_region(region):
            if storage.display_name != display_name_for(service_id) and not _ended(storage):
                raise ActionRefused(
                    region_in_use_message(region, storage.cancel_date), details={"region": region}
                )
    except BaseException:
        object_storage_claims.release_region(region, service_id)
        raise


def _holds_region(service_id: str, region: str) -> bool:
    """Whether that service still has (or is buying) object storage in the region."""
    record = service_store.get(service_id)
    if record is None or record.kind != OBJECT_STORAGE or record.region != region:
        return False
    if record.state in ("new", ServiceState.TERMINATED.value):
        return False
    return not (record.state == ServiceState.FAILED and not record.resource_id)


def _ended(storage: ObjectStorageFacts) -> bool:
    return storage.status == "CANCELLED"


# Resize -------------------------------------------------------------------------------------


def resize(service_id: str, request: ResizeObjectStorageRequest, actor: str) -> ServiceView:
    """Checks the resize against the storage as Contabo has it now and records the order; the
    worker buys it exactly once."""
    with service_policy.changing(service_id, "object_storage_resize", actor) as action:
        record = action.record
        _require_object_storage(record)
        pending = record.details.get("resize")
        if pending and pending.get("status") != "failed":
            raise Conflict(
                "A resize of this object storage is still being completed; try again once it "
                "is done."
            )
        port = object_storage_port_for(service_id, action.trace_id)
        storage = port.get(_storage_id(record))
        planned = plan_resize(storage, request)
        details = {"object_storage": facts_view(record, storage)}
        if planned.empty:
            service_store.update(record, details=details)
            action.message = "nothing to change"
            return service_view(record)
        object_storage_claims.mark_resize_pending(service_id)
        details["resize"] = {**planned.model_dump(), "status": "queued", "attempts": 0}
        service_store.update(record, details=details)
        view = service_view(record)
    worker_trigger.trigger_provisioning(service_id)
    return view


# Reads --------------------------------------------------------------------------------------


def usage(service_id: str) -> ObjectStorageUsage:
    record = service_policy.readable(service_id)
    _require_object_storage(record)
    service_policy.require_ready(record)
    port = object_storage_port_for(service_id, "object-storage-usage")
    storage_id = _storage_id(record)
    storage = port.get(storage_id)
    used_tb, used_percent, objects = port.usage(storage_id)
    result = ObjectStorageUsage(
        used_tb=used_tb,
        size_tb=storage.size_tb,
        used_percent=used_percent,
        objects=objects,
        as_of=datetime.now(UTC).isoformat(),
    )
    _remember_usage(record, storage, result)
    return result


def _remember_usage(
    record: ServiceRecord, storage: ObjectStorageFacts, figures: ObjectStorageUsage
) -> None:
    """Keeps the last figures for ServiceView without the service lock: the write only lands
    if nothing else changed the row since it was read, so it never overwrites an action."""
    shown = {
        **facts_view(record, storage),
        "used_tb": figures.used_tb,
        "used_percent": figures.used_percent,
        "objects": figures.objects,
        "usage_as_of": figures.as_of,
    }
    service_store.update(
        record,
        condition=ServiceRecord.updated_at == record.updated_at,
        details={"object_storage": shown},
    )


def credentials(service_id: str) -> S3Credentials:
    record = service_policy.readable(service_id)
    _require_object_storage(record)
    _require_credentials_allowed(record)
    port = object_storage_port_for(service_id, "object-storage-credentials")
    user_id, credential_id = _credential_ref(record, port)
    keys = port.keys(user_id, _storage_id(record), credential_id)
    return S3Credentials(
        endpoint=_endpoint(record), access_key=keys.access_key, secret_key=keys.secret_key
    )


def regenerate_credentials(service_id: str, actor: str) -> ServiceView:
    """New S3 keys; the old ones stop working at once. Read them with ``credentials``."""
    with service_policy.changing(
        service_id, "object_storage_credentials_regenerate", actor
    ) as action:
        record = action.record
        _require_object_storage(record)
        port = object_storage_port_for(service_id, action.trace_id)
        user_id, credential_id = _credential_ref(record, port)
        port.regenerate_keys(user_id, _storage_id(record), credential_id)
        service_store.update(
            record, details={"credentials_regenerated_at": datetime.now(UTC).isoformat()}
        )
        return service_view(record)


# Lifecycle actions on an object storage service ---------------------------------------------


def suspend(service_id: str, request: SuspendRequest, actor: str) -> ServiceView:
    with _lifecycle(service_id, "suspend", actor) as (record, port):
        if record.state == ServiceState.TERMINATED:
            raise ActionRefused(service_policy.TERMINATED_MESSAGE)
        if not record.details.get("suspended") and record.state == ServiceState.ACTIVE:
            _replace_keys(record, port)
        shown = {**(record.details.get("object_storage") or {}), "credentials_available": False}
        service_store.update(
            record,
            details={
                "suspended": True,
                "suspend_reason": request.reason or None,
                "object_storage": shown,
            },
        )
        return service_view(record)


def unsuspend(service_id: str, actor: str) -> ServiceView:
    with _lifecycle(service_id, "unsuspend", actor) as (record, _port):
        if record.state == ServiceState.TERMINATED:
            raise ActionRefused(service_policy.TERMINATED_MESSAGE)
        shown = {
            **(record.details.get("object_storage") or {}),
            "credentials_available": record.state == ServiceState.ACTIVE,
        }
        service_store.update(
            record, details={"suspended": False, "suspend_reason": None, "object_storage": shown}
        )
        return service_view(record)


def terminate(service_id: str, actor: str) -> ServiceView:
    """Cancels at Contabo (an already cancelled or gone storage counts as done), replaces the S3
    keys, frees the region. A failure is reported, never a success with leftovers."""
    with _lifecycle(service_id, "terminate", actor) as (record, port):
        if record.state == ServiceState.PURCHASING:
            raise ActionRefused(
                "The order is still being confirmed with the hosting platform; terminate "
                "again in a few minutes, once it is known whether it was bought."
            )
        if record.resource_id and record.state != ServiceState.TERMINATED:
            storage = _storage_or_none(port, record.resource_id)
            if storage is not None:
                cancel_date = storage.cancel_date or _cancel(port, record.resource_id)
                if storage.status != "CANCELLED":
                    _replace_keys(record, port)
                service_store.update(record, details={"cancel_date": cancel_date})
        if record.region:
            object_storage_claims.release_region(record.region, service_id)
        shown = {**(record.details.get("object_storage") or {}), "credentials_available": False}
        if record.state != ServiceState.TERMINATED:
            service_store.update(
                record,
                state=ServiceState.TERMINATED.value,
                status_message="",
                details={"terminated_at": datetime.now(UTC).isoformat(), "object_storage": shown},
            )
        return service_view(record)


def renew(service_id: str, request: RenewRequest, actor: str) -> ServiceView:
    with _lifecycle(service_id, "renew", actor) as (record, port):
        if record.state == ServiceState.TERMINATED:
            raise ActionRefused(service_policy.TERMINATED_MESSAGE)
        if not record.resource_id:
            raise ActionRefused(NOT_READY_MESSAGE)
        storage = _storage_or_none(port, record.resource_id)
        if storage is None:
            raise ActionRefused(
                "The object storage no longer exists at the provider; it cannot be renewed."
            )
        if storage.cancelled:
            raise ActionRefused(
                f"The object storage is cancelled and ends on {storage.cancel_date}; it cannot "
                "be renewed."
            )
        due = request.next_due_date.isoformat() if request.next_due_date else None
        service_store.update(
            record, details={"next_due_date": due, "renewed_at": datetime.now(UTC).isoformat()}
        )
        return service_view(record)


def is_object_storage(service_id: str) -> bool:
    """Whether the generic lifecycle routes must hand this service to this module."""
    record = service_store.get(service_id)
    return record is not None and record.kind == OBJECT_STORAGE


# Helpers ------------------------------------------------------------------------------------


@contextmanager
def _lifecycle(
    service_id: str, name: str, actor: str
) -> Iterator[tuple[ServiceRecord, ObjectStoragePort]]:
    with service_action(service_id, name, actor) as action:
        record = action.record
        if record.state == "new":
            raise NotFound(f"Service {service_id} is not known to the backend.")
        _require_object_storage(record)
        yield record, object_storage_port_for(service_id, action.trace_id)


def _require_object_storage(record: ServiceRecord) -> None:
    if record.kind != OBJECT_STORAGE:
        raise ActionRefused(NOT_OBJECT_STORAGE_MESSAGE)


def _require_credentials_allowed(record: ServiceRecord) -> None:
    if record.state == ServiceState.TERMINATED:
        raise ActionRefused(service_policy.TERMINATED_MESSAGE)
    if record.details.get("suspended"):
        raise ActionRefused(SUSPENDED_MESSAGE)
    if record.state != ServiceState.ACTIVE or not record.resource_id:
        raise ActionRefused(NOT_READY_MESSAGE)


def _storage_id(record: ServiceRecord) -> str:
    if not record.resource_id:
        raise ActionRefused(NOT_READY_MESSAGE)
    return record.resource_id


def _endpoint(record: ServiceRecord) -> str:
    return str((record.details.get("object_storage") or {}).get("s3_url") or "")


def _credential_ref(record: ServiceRecord, port: ObjectStoragePort) -> tuple[str, int]:
    user_id = record.details.get("s3_user_id")
    credential_id = record.details.get("s3_credential_id")
    if user_id and credential_id:
        return str(user_id), int(credential_id)
    user_id, credential_id = port.credential_ref(_storage_id(record))
    service_store.update(  # remembered only if the row is unchanged (reads hold no lock)
        record,
        condition=ServiceRecord.updated_at == record.updated_at,
        details={"s3_user_id": user_id, "s3_credential_id": credential_id},
    )
    return user_id, credential_id


def _replace_keys(record: ServiceRecord, port: ObjectStoragePort) -> None:
    """Contabo cannot disable an object storage; new keys lock the customer's out."""
    try:
        user_id, credential_id = _credential_ref(record, port)
    except NotFound:
        logger.warning("no S3 credentials to replace; nothing the customer could use")
        return
    port.regenerate_keys(user_id, _storage_id(record), credential_id)


def _storage_or_none(port: ObjectStoragePort, storage_id: str) -> ObjectStorageFacts | None:
    try:
        return port.get(storage_id)
    except NotFound:
        return None


def _cancel(port: ObjectStoragePort, storage_id: str) -> str | None:
    """Cancels; a storage someone cancelled meanwhile (409) counts as done. Any other 409
    (e.g. a resize in progress) is raised: the storage is still billed."""
    try:
        return port.cancel(storage_id)
    except Conflict:
        try:
            storage = port.get(storage_id)
        except NotFound:
            return None  # gone at Contabo: nothing left to cancel
        if storage.cancelled:
            return storage.cancel_date
        raise
