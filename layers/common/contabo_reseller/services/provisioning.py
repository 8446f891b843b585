"""The provisioning worker: buys each ordered server exactly once and finishes its setup.

Runs on a one-minute schedule (every pending service) and is also woken right after an order
(one service). Every step is resumable: whatever crashed, the next run continues from the
state recorded in the service row.

Exactly-once purchase: before buying, the x-request-id of the purchase is recorded with a
conditional write (state purchasing). A purchase whose outcome is unknown is never repeated
blindly: Contabo's audit list (requestId filter) and a displayName search must both come up
empty, and the intent must be older than RECONCILE_GRACE_SECONDS, before a new attempt.

Every kind of product goes through these same steps; a ``Purchaser`` supplies only how that
kind is found, bought and finished (servers here, object storage in
services.object_storage.provisioning, which also settles object storage resizes).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Protocol

from contabo_reseller import metrics
from contabo_reseller.adapters import service_store, whmcs_api
from contabo_reseller.adapters.object_storage import pool_claims
from contabo_reseller.adapters.tables import ServiceRecord
from contabo_reseller.domain import installations
from contabo_reseller.domain.domains import DOMAIN
from contabo_reseller.domain.errors import (
    ConfigurationError,
    DomainError,
    PurchaseOutcomeUnknown,
    ServiceBusy,
    UpstreamUnavailable,
)
from contabo_reseller.domain.instance import instance_details
from contabo_reseller.domain.object_storage.product import OBJECT_STORAGE
from contabo_reseller.domain.passwords import generate_root_password
from contabo_reseller.domain.service import ServiceState
from contabo_reseller.domain.ssh_keys import split_by_delivery
from contabo_reseller.domain.status_messages import CLEARED, StatusMessage, from_error, say
from contabo_reseller.observability import logger
from contabo_reseller.services.actions import service_action
from contabo_reseller.services.contabo_gateway import ContaboGateway, gateway_for

RECONCILE_GRACE_SECONDS = 120
MAX_PURCHASE_ATTEMPTS = 3
PENDING = (ServiceState.QUEUED, ServiceState.PURCHASING, ServiceState.PROVISIONING)
# No purchase starts (or starts again) once WHMCS asked to terminate the service.
NOT_TERMINATING = ServiceRecord.billing_action.does_not_exist() | (
    ServiceRecord.billing_action != "terminate"
)


class Purchaser(Protocol):
    """How one kind of product is found, bought and finished. The exactly-once steps around
    these (intent, reconciliation, grace period, attempts) are the same for every kind."""

    def find_by_marker(self, record: ServiceRecord) -> int | str | None:
        """The service's resource by its deterministic displayName, if it exists."""
        ...

    def find_by_request_id(self, record: ServiceRecord) -> int | str | None:
        """The resource Contabo's audit list says the recorded x-request-id created."""
        ...

    def prepare(self, record: ServiceRecord) -> bool:
        """Everything needed before buying; False when the order was refused instead."""
        ...

    def buy(self, record: ServiceRecord, request_id: str) -> int | str: ...

    def poll(self, record: ServiceRecord) -> None:
        """Bought: check on it, and mark the service active (or failed) when it is done."""
        ...

    def follow_up(self, record: ServiceRecord) -> None:
        """Work a service still has after it was set up (an unconfirmed resize)."""
        ...


def advance_all(time_left_ms: Callable[[], int], reserve_ms: int = 15_000) -> dict[str, int]:
    """Advances every pending service, stopping early when the Lambda's time runs short."""
    tally = {"advanced": 0, "busy": 0, "errors": 0, "deferred": 0}
    for state in PENDING:
        for record in service_store.in_state(state.value):
            if time_left_ms() < reserve_ms:
                tally["deferred"] += 1
                continue
            tally[_advance_safely(record.service_id)] += 1
    for service_id in pool_claims.pending_resizes():
        if time_left_ms() < reserve_ms:
            tally["deferred"] += 1
            continue
        tally[_advance_safely(service_id)] += 1
    return tally


def _advance_safely(service_id: str) -> str:
    try:
        advance(service_id)
    except ServiceBusy:
        return "busy"
    except Exception:
        logger.exception("advancing a service failed", extra={"service_id": service_id})
        return "errors"
    return "advanced"


def advance(
    service_id: str,
    *,
    gateway: ContaboGateway | None = None,
    purchaser: Purchaser | None = None,
) -> str:
    """Moves one service as far as it can go now; returns its state afterwards."""
    wake: list[str] = []
    with service_action(service_id, "provision", actor="worker") as action:
        record = action.record
        buyer = purchaser or _purchaser_for(record, gateway, action.trace_id)
        if record.state == ServiceState.QUEUED and not _terminating(record):
            _purchase(record, buyer)
        if record.state == ServiceState.PURCHASING:
            _reconcile(record, buyer)
        if record.state == ServiceState.PROVISIONING and not _terminating(record):
            buyer.poll(record)
        if record.state in (ServiceState.ACTIVE, ServiceState.TERMINATED):
            buyer.follow_up(record)
        record.refresh(consistent_read=True)  # a terminate recorded while this run held the lock
        if _terminating(record) and isinstance(buyer, ServerPurchaser):
            from contabo_reseller.services import manage_service  # it imports this module's users

            manage_service.finish_recorded_terminate(record, buyer.contabo, wake)
        action.message = record.state
        state = record.state
    for job_id in wake:
        from contabo_reseller.services.jobs import action_queue

        action_queue.wake_worker(job_id)
    return state


def _terminating(record: ServiceRecord) -> bool:
    return record.billing_action == "terminate"


def _purchaser_for(
    record: ServiceRecord, gateway: ContaboGateway | None, trace_id: str
) -> Purchaser:
    if record.kind == OBJECT_STORAGE:
        from contabo_reseller.services.object_storage.provisioning import ObjectStoragePurchaser

        return ObjectStoragePurchaser(record.service_id, trace_id)
    if record.kind == DOMAIN:
        from contabo_reseller.services.domains.registration import DomainPurchaser

        return DomainPurchaser(record.service_id, trace_id)
    return ServerPurchaser(gateway or gateway_for(record.service_id, trace_id))


class ServerPurchaser:
    """Servers: root password and SSH keys become Contabo secrets before the instance is bought."""

    def __init__(self, contabo: ContaboGateway) -> None:
        self.contabo = contabo

    def find_by_marker(self, record: ServiceRecord) -> int | None:
        return self.contabo.find_instance_by_display_name(record.display_name)

    def find_by_request_id(self, record: ServiceRecord) -> int | None:
        return self.contabo.find_instance_by_request_id(record.purchase_request_id)

    def prepare(self, record: ServiceRecord) -> bool:
        _ensure_secrets(record, self.contabo, record.details["order"])
        return True

    def buy(self, record: ServiceRecord, request_id: str) -> int:
        secret_ids = record.details["secret_ids"]
        return self.contabo.create_instance(
            request_id=request_id,
            order=record.details["order"],
            display_name=record.display_name,
            root_password_secret_id=secret_ids["root_password"],
            ssh_key_secret_ids=secret_ids["ssh_keys"],
        )

    def poll(self, record: ServiceRecord) -> None:
        _poll(record, self.contabo)

    def follow_up(self, record: ServiceRecord) -> None:
        return None  # a server's later changes are made by their own actions, not the worker


def _purchase(record: ServiceRecord, buyer: Purchaser) -> None:
    # An earlier attempt (or a crash before its intent was saved) may have bought already.
    existing = buyer.find_by_marker(record)
    if existing is not None:
        _link(record, existing)
        return
    if not buyer.prepare(record):
        return
    request_id = str(uuid.uuid4())
    recorded = service_store.update(
        record,
        condition=(ServiceRecord.state == ServiceState.QUEUED.value)
        & ServiceRecord.resource_id.does_not_exist()
        & NOT_TERMINATING,
        state=ServiceState.PURCHASING.value,
        purchase_request_id=request_id,
        purchase_attempts=(record.purchase_attempts or 0) + 1,
        details={"purchase_started_at": time.time()},
    )
    if not recorded:
        return
    try:
        resource_id = buyer.buy(record, request_id)
    except PurchaseOutcomeUnknown:
        logger.warning("purchase outcome unknown; will reconcile", extra={"request_id": request_id})
        return
    except (ConfigurationError, UpstreamUnavailable) as error:
        # Nothing was bought (the request never reached a purchase): try again next run.
        service_store.update(record, state=ServiceState.QUEUED.value, **from_error(error).fields())
        return
    except DomainError as error:
        _fail(record, say("status_order_refused", reason=error.message))
        return
    _link(record, resource_id)


def _ensure_secrets(
    record: ServiceRecord, contabo: ContaboGateway, order: dict[str, Any]
) -> dict[str, Any]:
    """Root password and SSH keys as Contabo secrets, created once and remembered.

    Keys longer than a Contabo secret holds are left out here: the purchase body carries them
    in its cloud-init user data (``orders.create_instance_request``).
    """
    existing = record.details.get("secret_ids")
    if existing:
        return existing
    name = record.display_name
    keys_as_secrets, _ = split_by_delivery(order.get("ssh_keys") or [])
    secret_ids = {
        "root_password": contabo.create_secret(
            f"{name}-root", generate_root_password(), "password"
        ),
        "ssh_keys": [
            contabo.create_secret(f"{name}-ssh-{index}", key, "ssh")
            for index, key in enumerate(keys_as_secrets, start=1)
        ],
    }
    service_store.update(record, details={"secret_ids": secret_ids})
    return secret_ids


def _reconcile(record: ServiceRecord, buyer: Purchaser) -> None:
    resource_id = buyer.find_by_request_id(record)
    if resource_id is None:
        resource_id = buyer.find_by_marker(record)
    if resource_id is not None:
        _link(record, resource_id)
        return
    started = float(record.details.get("purchase_started_at") or 0)
    if time.time() - started < RECONCILE_GRACE_SECONDS or _terminating(record):
        return  # Contabo's audit list may lag; look again next run before buying again.
    if (record.purchase_attempts or 0) >= MAX_PURCHASE_ATTEMPTS:
        _fail(record, say("status_order_unconfirmed"))
        return
    # Neither the audit list nor a displayName search knows the purchase: it never happened.
    service_store.update(
        record,
        condition=(ServiceRecord.state == ServiceState.PURCHASING.value)
        & (ServiceRecord.purchase_request_id == record.purchase_request_id)
        & NOT_TERMINATING,
        state=ServiceState.QUEUED.value,
    )
    if record.state == ServiceState.QUEUED:
        _purchase(record, buyer)


def _link(record: ServiceRecord, instance_id: int | str) -> None:
    linked = service_store.update(
        record,
        condition=ServiceRecord.resource_id.does_not_exist()
        | (ServiceRecord.resource_id == str(instance_id)),
        state=ServiceState.PROVISIONING.value,
        resource_id=str(instance_id),
        **CLEARED,
    )
    if not linked:
        logger.error(
            "instance found for a service already linked to another instance",
            extra={"instance_id": instance_id, "linked": record.resource_id},
        )


def _poll(record: ServiceRecord, contabo: ContaboGateway) -> None:
    assert record.resource_id
    instance = contabo.get_instance(int(record.resource_id))
    if not record.details.get("tagged"):
        contabo.tag_instance(instance.instance_id)
        service_store.update(record, details={"tagged": True})
    if instance.failed:
        # The customer's page says which state it ended in (translated), never the detail below.
        service_store.update(record, details={"instance_status": instance.status})
        _fail(
            record,
            say("status_setup_failed", state=instance.status, reason=instance.error_message)
            if instance.error_message
            else say("status_setup_failed_no_details", state=instance.status),
        )
        return
    if not instance.running:
        service_store.update(record, details={"instance_status": instance.status})
        return
    service_store.update(
        record,
        state=ServiceState.ACTIVE.value,
        details={**instance_details(instance), "ready_at": datetime.now(UTC).isoformat()},
        **CLEARED,
    )
    metrics.record_provisioning_time(record.created_at)
    _push_to_whmcs(record, contabo)


def _push_to_whmcs(record: ServiceRecord, contabo: ContaboGateway) -> None:
    """When the reseller gave us WHMCS API credentials, write the result straight in. They are
    the default installation's WHMCS: another installation's services wait for its cron hook."""
    if not whmcs_api.configured() or not installations.belongs_to(
        record.service_id, installations.DEFAULT_INSTALLATION
    ):
        return
    password_secret = (record.details.get("secret_ids") or {}).get("root_password")
    details = record.details
    pushed = whmcs_api.update_client_product(
        record.service_id,
        client_id=record.client_id or "",
        dedicated_ip=details.get("ipv4") or "",
        assigned_ips=[ip for ip in [details.get("ipv6"), *details.get("additional_ips", [])] if ip],
        username=details.get("username") or "root",
        password=contabo.get_secret_value(password_secret) if password_secret else None,
    )
    service_store.update(record, details={"pushed_to_whmcs": pushed})


def _fail(record: ServiceRecord, message: StatusMessage) -> None:
    """Failed needs the reseller's staff: the row keeps why, in words, and the request id the
    audit log knows it by (the module's cron hook tells staff once); the dashboard counts it."""
    logger.warning("service needs the admin", extra={"status_message": message.text})
    failure = {
        "reason": message.text,
        "request_id": record.purchase_request_id,
        "failed_at": datetime.now(UTC).isoformat(),
    }
    service_store.update(
        record,
        state=ServiceState.FAILED.value,
        details={"failure": failure},
        **message.fields(),
    )
    metrics.record(metrics.SERVICE_FAILED, 1)
