"""Object storage in the provisioning worker: how it is found, bought, finished and resized.

The exactly-once steps (intent before buying, reconciliation, grace period, attempts) are the
worker's own (services.provisioning); this module supplies the object storage parts:
- a service joins its region's pool (the account's object storage there); a region without
  one buys it on its first order, exactly once (the region claim names the one buyer; found
  again by the region listing and Contabo's object storage audit list by requestId);
- active once the pool is READY and the service is a protected tenant of it (its own user,
  keys, bucket and bucket policy: services.object_storage.tenancy). Services of the first
  design (one whole storage, the API user's keys) keep their own storage and keys.

A resize is a purchase too, made by the worker the same way: the order is recorded (queued);
before sending, a fresh x-request-id is recorded with a conditional write (confirming); an
unknown outcome is settled through the audit list (requestId) and the storage's own size and
auto-scaling limit before anything is sent again.
"""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime
from typing import Any

from contabo_reseller.adapters import service_store
from contabo_reseller.adapters.object_storage import pool_claims
from contabo_reseller.adapters.tables import ServiceRecord
from contabo_reseller.domain.errors import (
    ConfigurationError,
    DomainError,
    NotFound,
    PurchaseOutcomeUnknown,
    UpstreamUnavailable,
)
from contabo_reseller.domain.object_storage.product import (
    OBJECT_STORAGE,
    ObjectStorageFacts,
    ResizeOrder,
)
from contabo_reseller.domain.service import ServiceState
from contabo_reseller.domain.status_messages import CLEARED, StatusMessage, from_error, say
from contabo_reseller.observability import logger
from contabo_reseller.services import provisioning
from contabo_reseller.services.object_storage import pool, tenancy
from contabo_reseller.services.object_storage.port import (
    ObjectStoragePort,
    object_storage_port_for,
)
from contabo_reseller.services.object_storage.views import facts_view


class ObjectStoragePurchaser:
    def __init__(
        self, service_id: str, trace_id: str, port: ObjectStoragePort | None = None
    ) -> None:
        self.port = port or object_storage_port_for(service_id, trace_id)

    # Buying (the worker's exactly-once steps call these) ----------------------------------

    def find_by_marker(self, record: ServiceRecord) -> str | None:
        """The region's pool: the account's object storage there, bought or being bought.
        A service of the first design (no tenant) is found by its own displayName."""
        if not record.details.get("tenant_suffix"):
            return self.port.find_by_display_name(record.display_name)
        return _pool_id(self.port.in_region(record.region or ""))

    def find_by_request_id(self, record: ServiceRecord) -> str | None:
        return self.port.find_created_by_request_id(record.purchase_request_id)

    def prepare(self, record: ServiceRecord) -> bool:
        """A region without a pool buys one on its first order, exactly once: the order that
        claims the region buys; others wait (stay queued) and join the pool once it exists."""
        region = record.region or ""
        holder = pool_claims.claim_region(region, record.service_id)
        if holder is None:
            return True
        if holding_region(holder, region):
            return False  # another order is buying this region's pool
        return pool_claims.take_over_region(region, record.service_id, holder)

    def buy(self, record: ServiceRecord, request_id: str) -> str:
        order: dict[str, Any] = record.details["order"]
        tenant = bool(record.details.get("tenant_suffix"))
        return self.port.create(
            request_id=request_id,
            region=order["region"],
            size_tb=float(order["size_tb"]),
            auto_scaling_limit_tb=float(order.get("auto_scaling_limit_tb") or 0),
            display_name=pool_display_name(order["region"])
            if tenant
            else record.display_name or "",
        )

    def poll(self, record: ServiceRecord) -> None:
        assert record.resource_id
        storage = self.port.get(record.resource_id)
        if storage.failed:
            _fail(record, say("status_storage_setup_failed", state=storage.status))
            return
        if not storage.usable:
            service_store.update(record, details={"object_storage": facts_view(record, storage)})
            return
        try:
            if record.details.get("tenant_suffix"):
                access = tenancy.setup(record, storage, self.port)
                pool.ensure_record(record.region or "", storage)
                pool.grow_if_needed(record.region or "", self.port)
            else:
                user_id, credential_id = self.port.credential_ref(storage.object_storage_id)
                access = {"s3_user_id": user_id, "s3_credential_id": credential_id}
        except NotFound as error:  # Contabo creates the S3 keys with the storage; not yet
            service_store.update(record, **from_error(error).fields())
            return
        service_store.update(
            record,
            state=ServiceState.ACTIVE.value,
            **CLEARED,
            details={
                "object_storage": facts_view(record, storage),
                **access,
                "ready_at": datetime.now(UTC).isoformat(),
            },
        )

    # Resizing ------------------------------------------------------------------------------

    def follow_up(self, record: ServiceRecord) -> None:
        resize = record.details.get("resize")
        if not resize or resize.get("status") == "failed":
            pool_claims.resize_settled(record.service_id)
            return
        if record.state == ServiceState.TERMINATED:  # cancelled meanwhile: nothing to settle
            _settle_resize(record, None, None)
            return
        assert record.resource_id
        order = ResizeOrder(
            size_tb=resize.get("size_tb"), auto_scaling_limit_tb=resize.get("auto_scaling_limit_tb")
        )
        if resize["status"] == "confirming" and not self._confirm(record, resize, order):
            return
        self._send(record, order)

    def _confirm(self, record: ServiceRecord, resize: dict[str, Any], order: ResizeOrder) -> bool:
        """Settles a resize whose outcome is unknown; True when it must be sent again."""
        storage_id = record.resource_id or ""
        storage = self.port.get(storage_id)
        if self.port.changed_by_request_id(storage_id, resize.get("request_id")) or (
            order.applied_in(storage)
        ):
            _settle_resize(record, storage, None)
            return False
        if time.time() - float(resize.get("sent_at") or 0) < provisioning.RECONCILE_GRACE_SECONDS:
            return False  # the audit list may lag; look again next run before buying again
        if int(resize.get("attempts") or 0) >= provisioning.MAX_PURCHASE_ATTEMPTS:
            _settle_resize(
                record,
                None,
                "The resize could not be confirmed with the hosting platform after several "
                "attempts.",
            )
            return False
        return True

    def _send(self, record: ServiceRecord, order: ResizeOrder) -> None:
        storage_id = record.resource_id or ""
        storage = self.port.get(storage_id)
        if order.applied_in(storage):
            _settle_resize(record, storage, None)
            return
        previous = record.purchase_request_id
        request_id = str(uuid.uuid4())
        resize = record.details["resize"]
        recorded = service_store.update(
            record,
            # The request id is the intent's version: two workers cannot both send.
            condition=(
                ServiceRecord.purchase_request_id == previous
                if previous
                else ServiceRecord.purchase_request_id.does_not_exist()
            ),
            purchase_request_id=request_id,
            details={
                "resize": {
                    **resize,
                    "status": "confirming",
                    "request_id": request_id,
                    "attempts": int(resize.get("attempts") or 0) + 1,
                    "sent_at": time.time(),
                }
            },
        )
        if not recorded:
            return
        try:
            self.port.resize(storage_id, order, request_id=request_id)
        except PurchaseOutcomeUnknown:
            logger.warning(
                "resize outcome unknown; will reconcile", extra={"request_id": request_id}
            )
            return
        except (ConfigurationError, UpstreamUnavailable) as error:
            # Nothing was bought (the request never reached a purchase): send it next run.
            queued = {**record.details["resize"], "status": "queued", "message": error.message}
            service_store.update(record, details={"resize": queued})
            return
        except DomainError as error:
            _settle_resize(record, None, f"The resize was refused: {error.message}")
            return
        _settle_resize(record, self.port.get(storage_id), None)


def pool_display_name(region: str) -> str:
    return f"object-storage-pool-{region}"


def holding_region(service_id: str, region: str) -> bool:
    """Whether that service still has (or is buying) object storage in the region."""
    record = service_store.get(service_id)
    if record is None or record.kind != OBJECT_STORAGE or record.region != region:
        return False
    if record.state in ("new", ServiceState.TERMINATED.value):
        return False
    return not (record.state == ServiceState.FAILED and not record.resource_id)


def _pool_id(storages: list[ObjectStorageFacts]) -> str | None:
    for storage in storages:
        if not storage.cancelled and not storage.failed:
            return storage.object_storage_id
    return None


def _settle_resize(
    record: ServiceRecord, storage: ObjectStorageFacts | None, failure: str | None
) -> None:
    """Ends a resize: done (``storage`` as it is now) or needing the admin (``failure``)."""
    details: dict[str, Any] = {"resize": None}
    if failure:
        details["resize"] = {
            **record.details.get("resize", {}),
            "status": "failed",
            "message": failure,
        }
        logger.warning("object storage resize needs the admin", extra={"status_message": failure})
    if storage is not None:
        details["object_storage"] = facts_view(record, storage)
    service_store.update(record, details=details)
    pool_claims.resize_settled(record.service_id)


def _fail(record: ServiceRecord, message: StatusMessage) -> None:
    logger.warning("service needs the admin", extra={"status_message": message.text})
    service_store.update(record, state=ServiceState.FAILED.value, **message.fields())
