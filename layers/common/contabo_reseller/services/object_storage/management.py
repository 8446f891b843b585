"""Object storage as a WHMCS product: order, resize, usage, S3 credentials, and the lifecycle
actions (suspend, unsuspend, terminate, renew) for services of kind object_storage.

Contabo's rules, mapped as they are:
- One object storage per region per Contabo account. An order claims its region (a
  conditional write, so two racing orders cannot both win) and checks Contabo's own list; a
  region in use is refused at once with 422, nothing bought.
- No shrinking: a resize only grows the size (or changes the auto-scaling limit). It is a
  purchase, made exactly once by the provisioning worker (services.object_storage.provisioning).
- No way to disable an object storage: suspending replaces its S3 keys (the keys the customer
  holds stop working) and hides them until the service is reactivated; the data stays.
  Terminating cancels it at Contabo (it ends on Contabo's cancel date) and replaces the keys.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from contabo_reseller.adapters import service_store, worker_trigger
from contabo_reseller.adapters.object_storage import pool_claims
from contabo_reseller.adapters.tables import ServiceRecord
from contabo_reseller.domain.errors import (
    ActionRefused,
    Conflict,
    DomainError,
    NotFound,
    OutOfTime,
    ServiceBusy,
)
from contabo_reseller.domain.object_storage.product import (
    NOT_READY_MESSAGE,
    OBJECT_STORAGE,
    REGION_NAMES,
    SUSPENDED_MESSAGE,
    CreateObjectStorageRequest,
    MigrationReport,
    ObjectStorageFacts,
    ObjectStorageUsage,
    ResizeObjectStorageRequest,
    S3Credentials,
    plan_resize,
)
from contabo_reseller.domain.service import (
    RenewRequest,
    ServiceState,
    ServiceView,
    SuspendRequest,
    display_name_for,
)
from contabo_reseller.domain.status_messages import CLEARED, say
from contabo_reseller.observability import logger
from contabo_reseller.services import ownership, service_policy
from contabo_reseller.services.actions import service_action
from contabo_reseller.services.billing import actions as billing_actions
from contabo_reseller.services.jobs import action_queue
from contabo_reseller.services.object_storage import tenancy
from contabo_reseller.services.object_storage.port import (
    ObjectStoragePort,
    object_storage_port_for,
)
from contabo_reseller.services.object_storage.views import facts_view
from contabo_reseller.services.views import service_view

# States from which an order starts (again); a failed service that already bought is never
# re-ordered: that storage is the service's, whatever went wrong.
ORDERABLE = ("new", ServiceState.FAILED.value)
# A terminate while the purchase is being confirmed is applied once that is known.
UNSETTLED = (ServiceState.PURCHASING,)
BILLING_JOB = "object_storage_billing_action"
BILLING_WAIT_SECONDS = 1.5  # as for servers (manage_service)
RENEW_JOB = "object_storage_record_renewal"  # manage_service.RENEW_JOB's object-storage twin
RENEWAL_QUEUED = say("status_storage_renewal_queued")
UNSUSPEND_QUEUED = say("status_storage_unsuspend_queued")
NOT_OBJECT_STORAGE_MESSAGE = "This service is not object storage; this action applies to it only."


# Order --------------------------------------------------------------------------------------


def order(service_id: str, request: CreateObjectStorageRequest, actor: str) -> ServiceView:
    """Records the order once (region claimed, nothing bought) and wakes the worker."""
    with service_action(service_id, "create", actor) as action:
        record = action.record
        ownership.require_same_order(
            record,
            kind=OBJECT_STORAGE,
            client_id=request.client_id,
            product_id=None,
            region=request.region,
        )
        if record.state not in ORDERABLE or record.resource_id:
            if record.kind != OBJECT_STORAGE:
                raise Conflict(
                    f"Service {service_id} was ordered as a server, not object storage.",
                    message_code="service_ordered_as_server",
                    params={"service_id": service_id},
                )
            action.message = "already ordered"
            return service_view(record)
        queued = service_store.update(
            record,
            condition=ServiceRecord.resource_id.does_not_exist(),
            state=ServiceState.QUEUED.value,
            kind=OBJECT_STORAGE,
            client_id=request.client_id,
            region=request.region,
            display_name=display_name_for(service_id),
            **CLEARED,
            created_at=record.created_at or datetime.now(UTC),
            details={
                "order": request.model_dump(mode="json"),
                "whmcs_product_id": request.whmcs_product_id,
                "client_email": request.client_email,
                "tenant_suffix": tenancy.new_suffix(),
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
                "is done.",
                message_code="object_storage_resize_pending",
            )
        if _is_tenant(record):
            _change_quota(record, request)
            action.message = "quota changed"
            return service_view(record)
        port = object_storage_port_for(service_id, action.trace_id)
        storage = port.get(_storage_id(record))
        planned = plan_resize(storage, request)
        details = {"object_storage": facts_view(record, storage)}
        if planned.empty:
            service_store.update(record, details=details)
            action.message = "nothing to change"
            return service_view(record)
        pool_claims.mark_resize_pending(service_id)
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
    if _is_tenant(record):
        return _remember_usage(record, storage, tenancy.meter(record, port))
    used_tb, used_percent, objects = port.usage(storage_id)
    result = ObjectStorageUsage(
        used_tb=used_tb,
        size_tb=storage.size_tb,
        used_percent=used_percent,
        objects=objects,
        as_of=datetime.now(UTC).isoformat(),
    )
    return _remember_usage(record, storage, result)


def _remember_usage(
    record: ServiceRecord, storage: ObjectStorageFacts, figures: ObjectStorageUsage
) -> ObjectStorageUsage:
    """Keeps the last figures for ServiceView without the service lock: the write only lands
    if nothing else changed the row since it was read, so it never overwrites an action."""
    shown = {
        **facts_view(record, storage),
        "used_tb": figures.used_tb,
        "used_percent": figures.used_percent,
        "objects": figures.objects,
        "usage_as_of": figures.as_of,
        "quota_message": figures.quota_message,
    }
    service_store.update(
        record,
        condition=ServiceRecord.updated_at == record.updated_at,
        details={"object_storage": shown},
    )
    return figures


def credentials(service_id: str) -> S3Credentials:
    record = service_policy.readable(service_id)
    _require_object_storage(record)
    _require_credentials_allowed(record)
    port = object_storage_port_for(service_id, "object-storage-credentials")
    user_id, credential_id = _credential_ref(record, port)
    keys = port.keys(user_id, _storage_id(record), credential_id)
    return S3Credentials(
        endpoint=_endpoint(record),
        access_key=keys.access_key,
        secret_key=keys.secret_key,
        bucket=str(record.details.get("bucket") or ""),
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
    """Billing wins (as for servers): never refused as busy, see ``_billing_action``."""
    return _billing_action(service_id, "suspend", request.model_dump(), actor)


def _suspend_now(record: ServiceRecord, port: ObjectStoragePort, reason: str | None) -> None:
    if record.state == ServiceState.TERMINATED:
        raise ActionRefused(service_policy.TERMINATED_MESSAGE, message_code="service_terminated")
    if record.state == ServiceState.ACTIVE:
        if _is_tenant(record):  # only this customer's user: nobody else's keys change
            # Again even if suspended: an unsuspension raced by this suspend may have enabled it.
            tenancy.set_enabled(record, port, False)
        elif not record.details.get("suspended"):
            _replace_keys(record, port)
    shown = {**(record.details.get("object_storage") or {}), "credentials_available": False}
    service_store.update(
        record,
        condition=billing_actions.unchanged_since(record),
        billing_action=None,
        billing_request=None,
        details={"suspended": True, "suspend_reason": reason or None, "object_storage": shown},
        release=True,  # the action's last write also releases its lock (one round trip)
    )


def unsuspend(service_id: str, actor: str) -> ServiceView:
    """Never refused as busy or slow (as for servers): done now when the lock frees within
    BILLING_WAIT_SECONDS (less, when WHMCS's budget is shorter), else recorded on the row and
    applied by the queued billing job; WHMCS is told so. A suspension recorded but not applied
    yet is withdrawn by it. A terminated service, or one being terminated, is refused."""
    try:
        with _lifecycle(service_id, "unsuspend", actor, wait_seconds=BILLING_WAIT_SECONDS) as (
            record,
            port,
        ):
            _refuse_if_terminating(record)
            _unsuspend_now(record, port)
            return service_view(record)
    except (ServiceBusy, OutOfTime):
        pass  # recorded below; re-enabling twice is harmless
    record = billing_actions.record_for_later(service_id, "unsuspend", {}, actor, BILLING_JOB)
    _refuse_if_terminating(record)  # a terminate recorded meanwhile is never replaced
    view = service_view(record)
    view.says(UNSUSPEND_QUEUED)
    return view


def _unsuspend_now(record: ServiceRecord, port: ObjectStoragePort) -> None:
    recorded = record.billing_action in ("suspend", "unsuspend")  # a suspend may have locked out
    if _is_tenant(record) and (record.details.get("suspended") or recorded):
        tenancy.set_enabled(record, port, True)
    shown = {
        **(record.details.get("object_storage") or {}),
        "credentials_available": record.state == ServiceState.ACTIVE,
    }
    service_store.update(
        record,
        condition=billing_actions.unchanged_since(record),
        billing_action=None,  # a suspension not applied yet is withdrawn, not applied later
        billing_request=None,
        details={"suspended": False, "suspend_reason": None, "object_storage": shown},
        release=True,
    )


def _refuse_if_terminating(record: ServiceRecord) -> None:
    if record.state == ServiceState.TERMINATED:
        raise ActionRefused(service_policy.TERMINATED_MESSAGE, message_code="service_terminated")
    if record.billing_action == "terminate":
        raise ActionRefused("This service is being terminated.", message_code="service_terminating")


def terminate(service_id: str, actor: str) -> ServiceView:
    """Billing wins: never refused as busy, nor while the order is being bought (applied once
    it is settled), see ``_billing_action``."""
    return _billing_action(service_id, "terminate", {}, actor)


def _terminate_now(record: ServiceRecord, port: ObjectStoragePort) -> None:
    """Cancels at Contabo (an already cancelled or gone storage counts as done), replaces the S3
    keys, frees the region. A failure is reported, never a success with leftovers."""
    if _is_tenant(record):
        if record.state != ServiceState.TERMINATED:
            _end_tenancy(record, port)
    elif record.resource_id and record.state != ServiceState.TERMINATED:
        storage = _storage_or_none(port, record.resource_id)
        if storage is not None:
            cancel_date = storage.cancel_date or _cancel(port, record.resource_id)
            if storage.status != "CANCELLED":
                _replace_keys(record, port)
            service_store.update(record, details={"cancel_date": cancel_date})
    if record.region:
        pool_claims.release_region(record.region, record.service_id)
    shown = {**(record.details.get("object_storage") or {}), "credentials_available": False}
    done: dict = {"object_storage": shown}
    if record.state != ServiceState.TERMINATED:
        done["terminated_at"] = datetime.now(UTC).isoformat()
    service_store.update(
        record,
        state=ServiceState.TERMINATED.value,
        **(CLEARED if record.state != ServiceState.TERMINATED else {}),
        billing_action=None,
        billing_request=None,
        details=done,
        release=True,
    )


# Billing actions win: WHMCS retries a failed Suspend or Terminate only the next day ----------


def _billing_action(service_id: str, name: str, request: dict, actor: str) -> ServiceView:
    """Done now when the service's lock frees within BILLING_WAIT_SECONDS and the order is
    settled; otherwise recorded on the row (the customer is locked out at once: their user is
    disabled and the credentials route refuses) and applied by a queued job as soon as the
    holder is done. The same rule and row fields as servers' billing actions."""
    try:
        with _lifecycle(service_id, name, actor, wait_seconds=BILLING_WAIT_SECONDS) as (
            record,
            port,
        ):
            if name == "terminate" and record.state in UNSETTLED:
                raise ServiceBusy(  # caught below: recorded and applied once it is known
                    "The order is still being confirmed.", message_code="service_busy"
                )
            _apply_billing(record, port, name, request)
            return service_view(record)
    except (ServiceBusy, OutOfTime):
        pass  # recorded below; every step of both is safe to do again
    record = billing_actions.record_for_later(service_id, name, request, actor, BILLING_JOB)
    if record.state != ServiceState.TERMINATED:
        _lock_out_now(record)
    return service_view(record)


@action_queue.handles(BILLING_JOB)
def apply_recorded_billing_action(job: action_queue.QueuedJob) -> str:
    """The queued half of ``_billing_action``: applies what the row records, under the lock."""
    assert job.service_id
    try:
        with _lifecycle(job.service_id, "billing", job.actor or "worker") as (record, port):
            name = record.billing_action
            if not name:
                return "nothing recorded (already applied or withdrawn)"
            billing_actions.applying(job, name)
            if name == "terminate" and record.state in UNSETTLED:
                raise action_queue.NotYet("waiting for the purchase to be confirmed")
            _apply_billing(record, port, name, dict(record.billing_request or {}))
            if record.billing_action:  # another one was recorded meanwhile: it is applied next
                raise action_queue.NotYet(f"{record.billing_action} recorded meanwhile", 2)
            return f"{name} applied"
    except ServiceBusy as busy:
        raise billing_actions.wait_for(busy) from None


def _apply_billing(
    record: ServiceRecord, port: ObjectStoragePort, name: str, request: dict
) -> None:
    if name == "terminate" or record.billing_action == "terminate":
        _terminate_now(record, port)
    elif record.state == ServiceState.TERMINATED:
        return
    elif name == "unsuspend":
        _unsuspend_now(record, port)
    else:
        _suspend_now(record, port, request.get("reason"))


def _lock_out_now(record: ServiceRecord) -> None:
    """A pool customer's own user is disabled at once, without the lock: nothing else uses it
    and doing it twice is harmless (the queued job applies the rest)."""
    if _is_tenant(record) and record.details.get("s3_user_id"):
        try:
            tenancy.set_enabled(
                record, object_storage_port_for(record.service_id, "billing"), False
            )
        except DomainError:
            logger.warning("could not disable the user at once; the queued job does it")


def renew(service_id: str, request: RenewRequest, actor: str) -> ServiceView:
    """Never refused as busy or slow, as for servers (billing_actions.renew). A renewal the
    job cannot record (storage gone or cancelled meanwhile) is parked for staff."""
    return billing_actions.renew(
        service_id,
        request,
        actor,
        lifecycle=_lifecycle,
        record_renewal=_record_renewal,
        job=RENEW_JOB,
        queued=RENEWAL_QUEUED,
        wait_seconds=BILLING_WAIT_SECONDS,
        require_queueable=_require_bought,
    )


def _require_bought(record: ServiceRecord) -> None:
    _require_object_storage(record)
    if not record.resource_id:
        raise ActionRefused(NOT_READY_MESSAGE, message_code="object_storage_not_ready")


@action_queue.handles(RENEW_JOB)
def apply_queued_renewal(job: action_queue.QueuedJob) -> str:
    """The queued half of ``renew``: records the latest due date asked, under the lock. A
    coded refusal (storage gone or cancelled) fails the job until it is parked for staff."""
    assert job.service_id
    try:
        with _lifecycle(job.service_id, "renew", job.actor or "worker") as (record, port):
            _record_renewal(record, port, job.payload.get("next_due_date"))
            return "renewal recorded"
    except ServiceBusy as busy:
        raise billing_actions.wait_for(busy) from None


def _record_renewal(record: ServiceRecord, port: ObjectStoragePort, due: str | None) -> None:
    if record.state == ServiceState.TERMINATED:
        raise ActionRefused(service_policy.TERMINATED_MESSAGE, message_code="service_terminated")
    if not record.resource_id:
        raise ActionRefused(NOT_READY_MESSAGE, message_code="object_storage_not_ready")
    storage = _storage_or_none(port, record.resource_id)
    if storage is None:
        raise ActionRefused(
            "The object storage no longer exists at the provider; it cannot be renewed.",
            message_code="renew_storage_gone",
        )
    if storage.cancelled:
        raise ActionRefused(
            f"The object storage is cancelled and ends on {storage.cancel_date}; it cannot "
            "be renewed.",
            message_code="renew_storage_cancelled",
            params={"date": str(storage.cancel_date)},
        )
    service_store.update(
        record,
        details={"next_due_date": due, "renewed_at": datetime.now(UTC).isoformat()},
        release=True,
    )


def _is_tenant(record: ServiceRecord) -> bool:
    """A service of the pool design (its own user, keys and bucket)."""
    return bool(record.details.get("tenant_suffix"))


def _end_tenancy(record: ServiceRecord, port: ObjectStoragePort) -> None:
    """The customer's access ends now (user disabled); data and user go after the grace
    period. The pool storage stays: it is shared with other customers."""
    if record.details.get("s3_user_id"):
        tenancy.set_enabled(record, port, False)
        due = tenancy.schedule_purge(record, datetime.now(UTC))
        service_store.update(record, details={"data_deleted_after": due})


def _change_quota(record: ServiceRecord, request: ResizeObjectStorageRequest) -> None:
    """A pool customer's size is a quota: changed at once, nothing bought per customer."""
    shown = {**(record.details.get("object_storage") or {}), "size_tb": request.size_tb}
    service_store.update(
        record,
        details={
            "object_storage": shown,
            "order": {**record.details.get("order", {}), "size_tb": request.size_tb},
        },
    )


def migrate_to_pool(service_id: str, actor: str) -> MigrationReport:
    """Moves a service of the first design (a whole storage, the API user's keys) to its own
    Contabo user, keys and bucket in the region's pool: every object of every bucket the
    storage holds outside the pool's customers is copied server-side into the new bucket under
    ``<old bucket>/``; the old buckets stay (closed to every customer) so nothing is lost. The
    shared keys (the API user's) are replaced only when no other service still uses them."""
    with service_action(service_id, "object_storage_migrate", actor) as action:
        record = service_store.require_known(service_id, action.record)
        _require_object_storage(record)
        if _is_tenant(record):
            raise ActionRefused(
                "This object storage already has its own user, keys and bucket.",
                message_code="object_storage_already_migrated",
            )
        if record.state != ServiceState.ACTIVE or not record.resource_id:
            raise ActionRefused(
                "Only an active object storage service can be migrated.",
                message_code="object_storage_migrate_inactive",
            )
        port = object_storage_port_for(service_id, action.trace_id)
        storage = port.get(record.resource_id)
        before = set(tenancy.bucket_admin(port, storage).bucket_names())
        old_buckets = sorted(before - _pool_buckets())
        suffix = tenancy.new_suffix()
        service_store.update(record, details={"tenant_suffix": suffix})
        access = tenancy.setup(record, storage, port)
        admin = tenancy.bucket_admin(port, storage)
        copied = sum(admin.copy_into(old, access["bucket"], f"{old}/") for old in old_buckets)
        tenancy.protect_all(port)  # the old buckets: closed to every customer from now on
        keys_retired = not _first_design_services_left(service_id)
        if keys_retired:  # nobody holds the API user's keys for data any more
            user_id, credential_id = port.credential_ref(storage.object_storage_id)
            port.regenerate_keys(user_id, storage.object_storage_id, credential_id)
        service_store.update(
            record,
            details={
                **access,
                "object_storage": facts_view(record, storage),
                "migrated_at": datetime.now(UTC).isoformat(),
                "migrated_from_buckets": old_buckets,
            },
        )
        return MigrationReport(
            bucket=access["bucket"],
            copied_objects=copied,
            old_buckets=old_buckets,
            shared_keys_retired=keys_retired,
        )


def _pool_buckets() -> set[str]:
    return {str(t["bucket"]) for t in tenancy.tenants().values()}


def _first_design_services_left(except_service_id: str) -> bool:
    return any(
        record.kind == OBJECT_STORAGE
        and record.service_id != except_service_id
        and not record.details.get("tenant_suffix")
        and not record.details.get("pool")
        for record in service_store.in_state(ServiceState.ACTIVE.value)
    )


# Helpers ------------------------------------------------------------------------------------


@contextmanager
def _lifecycle(
    service_id: str, name: str, actor: str, wait_seconds: float = 0.0
) -> Iterator[tuple[ServiceRecord, ObjectStoragePort]]:
    with service_action(service_id, name, actor, wait_seconds=wait_seconds) as action:
        record = service_store.require_known(service_id, action.record)
        _require_object_storage(record)
        yield record, object_storage_port_for(service_id, action.trace_id)


def _require_object_storage(record: ServiceRecord) -> None:
    if record.kind != OBJECT_STORAGE:
        raise ActionRefused(NOT_OBJECT_STORAGE_MESSAGE, message_code="not_object_storage")


def _require_credentials_allowed(record: ServiceRecord) -> None:
    if record.state == ServiceState.TERMINATED:
        raise ActionRefused(service_policy.TERMINATED_MESSAGE, message_code="service_terminated")
    if record.details.get("suspended") or record.billing_action:
        raise ActionRefused(SUSPENDED_MESSAGE, message_code="object_storage_suspended")
    if record.state != ServiceState.ACTIVE or not record.resource_id:
        raise ActionRefused(NOT_READY_MESSAGE, message_code="object_storage_not_ready")


def _storage_id(record: ServiceRecord) -> str:
    if not record.resource_id:
        raise ActionRefused(NOT_READY_MESSAGE, message_code="object_storage_not_ready")
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
