"""Lifecycle actions on a service that exists: suspend, unsuspend, power, terminate,
change password, change package, renew.

Each runs under the service lock (services.actions) and answers at once: Contabo's actions
are asynchronous, so we ask and record, and the status shows the outcome.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from contabo_reseller.adapters import service_store
from contabo_reseller.adapters.tables import ServiceRecord
from contabo_reseller.domain.errors import ActionRefused, Conflict, InvalidInput, NotFound
from contabo_reseller.domain.instance import InstanceFacts
from contabo_reseller.domain.products import shipped_products
from contabo_reseller.domain.service import (
    ChangePackageRequest,
    ChangePasswordRequest,
    RenewRequest,
    ServiceState,
    ServiceView,
    SuspendRequest,
    TerminateRequest,
    display_name_for,
)
from contabo_reseller.observability import logger
from contabo_reseller.services import (
    action_queue,
    object_storage,
    service_policy,
    terminate_cleanup,
)
from contabo_reseller.services.actions import service_action
from contabo_reseller.services.compute import moves
from contabo_reseller.services.contabo_gateway import ContaboGateway, gateway_for
from contabo_reseller.services.networking import private_network_product
from contabo_reseller.services.views import service_view

POWER_ACTIONS = ("start", "stop", "shutdown", "restart")
# Refused while suspended: anything that would bring the server back to life or change it.
# Stop and shutdown stay allowed on a suspended server; reinstall, rescue and rollback are
# refused by service_policy in their own modules.
REFUSED_WHILE_SUSPENDED = ("start", "restart", "change_password")


def suspend(service_id: str, request: SuspendRequest, actor: str) -> ServiceView:
    if object_storage.is_object_storage(service_id):
        return object_storage.suspend(service_id, request, actor)
    if private_network_product.is_private_network(service_id):
        return private_network_product.set_suspended(service_id, True, actor)
    with _existing(service_id, "suspend", actor) as (record, contabo):
        if not record.details.get("suspended"):
            contabo.power(_instance_id(record), request.policy)
        service_store.update(
            record, details={"suspended": True, "suspend_reason": request.reason or None}
        )
        return service_view(record)


def unsuspend(service_id: str, actor: str) -> ServiceView:
    if object_storage.is_object_storage(service_id):
        return object_storage.unsuspend(service_id, actor)
    if private_network_product.is_private_network(service_id):
        return private_network_product.set_suspended(service_id, False, actor)
    with _existing(service_id, "unsuspend", actor) as (record, contabo):
        contabo.power(_instance_id(record), "start")
        service_store.update(record, details={"suspended": False, "suspend_reason": None})
        return service_view(record)


def power(service_id: str, power_action: str, actor: str) -> ServiceView:
    if power_action not in POWER_ACTIONS:
        raise InvalidInput(
            f"Unknown power action '{power_action}'; use one of {', '.join(POWER_ACTIONS)}."
        )
    with _existing(service_id, power_action, actor) as (record, contabo):
        refuse_if_suspended(record, power_action)
        service_policy.require_ready(record)
        contabo.power(_instance_id(record), power_action)
        service_store.update(record, details={"instance_status": _expected_status(power_action)})
        return service_view(record)


def terminate(service_id: str, request: TerminateRequest, actor: str) -> ServiceView:
    """Stop, cancel at Contabo, clean up. Every step tolerates having been done before. A
    failed cancel fails the call (WHMCS retries); cleanup steps that fail after a successful
    cancel are queued as a terminate_cleanup job and the service says "cleanup pending"."""
    if object_storage.is_object_storage(service_id):
        return object_storage.terminate(service_id, actor)
    job_id = None
    with _existing(service_id, "terminate", actor, allow_unbought=True) as (record, contabo):
        if record.state == ServiceState.PURCHASING:
            # The purchase may have bought a server not linked yet: terminating now would
            # leave it billed with nothing to cancel it. The worker settles it within minutes.
            raise ActionRefused(
                "The order is still being confirmed with the hosting platform; terminate "
                "again in a few minutes, once it is known whether it was bought."
            )
        instance_id, steps = None, []
        if not record.resource_id and record.state != ServiceState.TERMINATED:
            _link_a_late_purchase(record, contabo)
        if record.resource_id and record.state != ServiceState.TERMINATED:
            instance_id = int(record.resource_id)
            instance = _instance_or_none(contabo, instance_id)
            if instance is not None:
                if instance.status not in ("stopped", "stopping") and not instance.cancel_date:
                    _stop_if_possible(contabo, instance_id)
                cancel_date = instance.cancel_date or contabo.cancel_instance(instance_id)
                service_store.update(record, details={"cancel_date": cancel_date})
                steps = [
                    step
                    for step in terminate_cleanup.INSTANCE_STEPS
                    if step != "snapshots" or request.snapshot_policy == "delete"
                ]
        leftovers = terminate_cleanup.clean_up(contabo, instance_id, steps, _secret_ids(record))
        done = {"terminated_at": datetime.now(UTC).isoformat(), "secret_ids": None}
        if leftovers.errors:
            job_id = terminate_cleanup.queue_leftovers(service_id, instance_id, leftovers, actor)
            message = terminate_cleanup.pending_message(job_id, leftovers)
            done["cleanup_job_id"] = job_id
        elif record.state == ServiceState.TERMINATED:
            message = record.status_message or ""  # a repeat keeps "cleanup pending", if any
        else:
            message = ""
        service_store.update(
            record, state=ServiceState.TERMINATED.value, status_message=message, details=done
        )
        view = service_view(record)
    if job_id:  # woken once the service lock is released, so the job can take it
        action_queue.wake_worker(job_id)
    return view


def _stop_if_possible(contabo: ContaboGateway, instance_id: int) -> None:
    """A busy instance (e.g. mid password reset) cannot be stopped now; the cancellation is
    what ends the service, so it goes ahead and Contabo stops the server at its cancel date."""
    try:
        contabo.power(instance_id, "stop")
    except Conflict as error:
        logger.warning("instance busy; cancelling without stopping", extra={"why": error.message})


def change_password(service_id: str, request: ChangePasswordRequest, actor: str) -> ServiceView:
    with _existing(service_id, "change_password", actor) as (record, contabo):
        refuse_if_suspended(record, "change_password")
        if _is_windows(record):
            raise ActionRefused(
                "Password reset is not available for Windows servers; reset it from within Windows."
            )
        secret_id = (record.details.get("secret_ids") or {}).get("root_password")
        password = request.password.get_secret_value()
        if secret_id:
            contabo.update_secret(secret_id, password)
        else:
            secret_id = contabo.create_secret(f"{record.display_name}-root", password, "password")
            secret_ids = {**(record.details.get("secret_ids") or {}), "root_password": secret_id}
            service_store.update(record, details={"secret_ids": secret_ids})
        contabo.reset_password(_instance_id(record), secret_id)
        return service_view(record)


def _link_a_late_purchase(record: ServiceRecord, contabo: ContaboGateway) -> None:
    """A service that failed or never confirmed its purchase may still own a server that a
    lost answer bought: find it (request id, then display name) so terminate cancels it."""
    if not record.purchase_request_id and not record.purchase_attempts:
        return  # nothing was ever sent to Contabo
    found = contabo.find_instance_by_request_id(
        record.purchase_request_id or ""
    ) or contabo.find_instance_by_display_name(
        record.display_name or display_name_for(record.service_id)
    )
    if found is not None:
        logger.info("terminate found a server bought for this service", extra={"instance": found})
        service_store.update(record, resource_id=str(found))


def _is_windows(record: ServiceRecord) -> bool:
    """By the image's OS type (custom images may have any name), else by its name."""
    details = record.details or {}
    os_type = str(details.get("os_type") or "")
    return os_type.lower() == "windows" or str(details.get("os") or "").lower().startswith(
        "windows"
    )


def change_package(service_id: str, request: ChangePackageRequest, actor: str) -> ServiceView:
    with _existing(service_id, "change_package", actor) as (record, contabo):
        if request.region and request.region != record.region:
            # The provider moves it (a support ticket); add-ons wait for the next change.
            moves.change_region(record, request.region, actor)
            return service_view(record)
        if request.product_id and request.product_id != record.product_id:
            _refuse_downgrade(record.product_id, request.product_id)
            moves.change_plan(record, request.product_id, actor)  # says why, queues the task
        current = _settle_pending_upgrade(record, contabo, record.details.get("add_ons") or {})
        if (current.get("private_networking") and not request.add_ons.private_networking) or (
            current.get("backup") and not request.add_ons.backup
        ):
            raise ActionRefused("Add-ons cannot be removed from a running server; contact support.")
        wants_network = request.add_ons.private_networking and not current.get("private_networking")
        wants_backup = request.add_ons.backup and not current.get("backup")
        if wants_network or wants_backup:
            _upgrade_once(record, contabo, private_networking=wants_network, backup=wants_backup)
        service_store.update(
            record, details={"add_ons": request.add_ons.model_dump(), "upgrade_pending": None}
        )
        return service_view(record)


def _settle_pending_upgrade(
    record: ServiceRecord, contabo: ContaboGateway, current: dict[str, Any]
) -> dict[str, Any]:
    """An earlier upgrade whose outcome was unknown: if Contabo's audit list has a change made
    by its x-request-id, or the instance has more add-ons than before it, exactly what that
    attempt asked for was bought (whatever this request asks). The audit list comes first:
    the instance may not show a bought add-on yet."""
    pending = record.details.get("upgrade_pending")
    if not pending:
        return current
    instance_id = _instance_id(record)
    request_id = pending.get("request_id")
    bought_by_id = bool(request_id) and contabo.instance_changed_by_request_id(
        instance_id, request_id
    )
    if not bought_by_id and (
        len(contabo.get_instance(instance_id).add_ons) <= pending["add_ons_before"]
    ):
        return current  # it never went through: nothing was bought
    bought = {
        **current,
        "private_networking": bool(
            current.get("private_networking") or pending.get("private_networking")
        ),
        "backup": bool(current.get("backup") or pending.get("backup")),
    }
    service_store.update(record, details={"add_ons": bought, "upgrade_pending": None})
    return bought


def _upgrade_once(
    record: ServiceRecord, contabo: ContaboGateway, *, private_networking: bool, backup: bool
) -> None:
    """An upgrade is a purchase: record what is being bought (and the add-on count before it)
    first, so a retry after an unknown outcome can tell whether it went through."""
    instance_id = _instance_id(record)
    add_ons_now = len(contabo.get_instance(instance_id).add_ons)
    request_id = str(uuid.uuid4())
    service_store.update(
        record,
        details={
            "upgrade_pending": {
                "add_ons_before": add_ons_now,
                "private_networking": private_networking,
                "backup": backup,
                "request_id": request_id,
            }
        },
    )
    contabo.upgrade_instance(
        instance_id, private_networking=private_networking, backup=backup, request_id=request_id
    )


def renew(service_id: str, request: RenewRequest, actor: str) -> ServiceView:
    if object_storage.is_object_storage(service_id):
        return object_storage.renew(service_id, request, actor)
    with _existing(service_id, "renew", actor) as (record, contabo):
        instance = _instance_or_none(contabo, _instance_id(record))
        if instance is None:
            raise ActionRefused(
                "The server no longer exists at the provider; it cannot be renewed."
            )
        if instance.cancel_date:
            raise ActionRefused(
                f"The server is cancelled and ends on {instance.cancel_date}; it cannot be renewed."
            )
        due = request.next_due_date.isoformat() if request.next_due_date else None
        service_store.update(
            record, details={"next_due_date": due, "renewed_at": datetime.now(UTC).isoformat()}
        )
        return service_view(record)


def refuse_if_suspended(record: ServiceRecord, action: str) -> None:
    if record.details.get("suspended") and action in REFUSED_WHILE_SUSPENDED:
        raise ActionRefused(service_policy.SUSPENDED_MESSAGE, message_code="service_suspended")


@contextmanager
def _existing(
    service_id: str, name: str, actor: str, allow_unbought: bool = False
) -> Iterator[tuple[ServiceRecord, ContaboGateway]]:
    """The service lock, plus the checks every action on a bought service needs."""
    with service_action(service_id, name, actor) as action:
        record = action.record
        if record.state == "new":
            raise NotFound(f"Service {service_id} is not known to the backend.")
        service_policy.require_compute(record)  # object storage has its own actions
        if record.state == ServiceState.TERMINATED and name != "terminate":
            raise ActionRefused("This service has been terminated.")
        if not record.resource_id and not allow_unbought:
            raise ActionRefused("The server is still being set up; try again once it is ready.")
        yield record, gateway_for(service_id, action.trace_id)


def _instance_id(record: ServiceRecord) -> int:
    assert record.resource_id
    return int(record.resource_id)


def _instance_or_none(contabo: ContaboGateway, instance_id: int) -> InstanceFacts | None:
    try:
        return contabo.get_instance(instance_id)
    except NotFound:
        return None


def _secret_ids(record: ServiceRecord) -> list[int]:
    ids = record.details.get("secret_ids") or {}
    passwords = [ids[name] for name in ("root_password", "rescue_password") if ids.get(name)]
    return [*passwords, *ids.get("ssh_keys", [])]


def _expected_status(power_action: str) -> str:
    return {
        "start": "starting",
        "stop": "stopping",
        "shutdown": "stopping",
        "restart": "restarting",
    }[power_action]


def _refuse_downgrade(current: str | None, wanted: str) -> None:
    products = shipped_products()
    if wanted not in products:
        raise InvalidInput(f"The product {wanted} is not offered.")
    old = products.get(current or "")
    new = products[wanted]
    if old and (
        new.disk_mb < old.disk_mb or new.ram_mb < old.ram_mb or new.cpu_cores < old.cpu_cores
    ):
        raise ActionRefused(
            "Downgrades (less disk, memory or CPU) are not possible in place; order a smaller "
            "server and move your data."
        )
