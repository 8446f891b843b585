"""Lifecycle actions on a service that exists: suspend, unsuspend, power, terminate,
change password, change package, renew.

Each runs under the service lock (services.actions) and answers at once: Contabo's actions
are asynchronous, so we ask and record, and the status shows the outcome.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import partial
from typing import Any

from contabo_reseller.adapters import service_store
from contabo_reseller.adapters.tables import ServiceRecord
from contabo_reseller.domain.errors import (
    ActionRefused,
    Conflict,
    InvalidInput,
    NotFound,
    OutOfTime,
    ServiceBusy,
)
from contabo_reseller.domain.instance import InstanceFacts
from contabo_reseller.domain.object_storage.product import OBJECT_STORAGE
from contabo_reseller.domain.private_networks import PRIVATE_NETWORK
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
from contabo_reseller.domain.status_messages import CLEARED, say
from contabo_reseller.observability import logger
from contabo_reseller.services import service_policy, terminate_cleanup
from contabo_reseller.services.actions import service_action
from contabo_reseller.services.billing import actions as billing_actions
from contabo_reseller.services.compute import moves
from contabo_reseller.services.contabo_gateway import ContaboGateway, gateway_for
from contabo_reseller.services.jobs import action_queue
from contabo_reseller.services.networking import private_network_product
from contabo_reseller.services.object_storage import routing as object_storage
from contabo_reseller.services.views import service_view

POWER_ACTIONS = ("start", "stop", "shutdown", "restart")
# Refused while suspended: anything that would bring the server back to life or change it.
# Stop and shutdown stay allowed on a suspended server; reinstall, rescue and rollback are
# refused by service_policy in their own modules.
REFUSED_WHILE_SUSPENDED = ("start", "restart", "change_password")
BILLING_ACTIONS = ("suspend", "terminate", "unsuspend", "billing")
BILLING_JOB = "billing_action"
# How long suspend/terminate wait for a running action before recording themselves instead.
BILLING_WAIT_SECONDS = 1.5
# Contabo's lists may lag a purchase this long (the provisioning worker's rule too).
RECONCILE_GRACE_SECONDS = 120
UPGRADE_JOB = "settle_upgrade"
# As long as Contabo's audit list and an instance's add-on list may both lag an upgrade.
UPGRADE_SETTLE_SECONDS = RECONCILE_GRACE_SECONDS
UPGRADE_BEING_CONFIRMED = say("status_upgrade_being_confirmed")
ROOT_LOGIN_JOB = "apply_root_password"
ROOT_LOGIN_QUEUED = say("status_root_login_queued")
RENEW_JOB = "record_renewal"
RENEWAL_QUEUED = say("status_renewal_queued")
CHANGE_QUEUED = say("status_change_queued")
TERMINATE_AFTER_PURCHASE = say("status_terminate_after_purchase")
SERVER = "compute"  # ServiceRecord.kind of a server


def suspend(service_id: str, request: SuspendRequest, actor: str) -> ServiceView:
    try:
        return _billing_action(service_id, "suspend", request.model_dump(), actor)
    except service_store.OtherProduct as other:
        if other.kind == PRIVATE_NETWORK:
            return private_network_product.set_suspended(service_id, True, actor)
        return _object_storage(other).suspend(service_id, request, actor)


def unsuspend(service_id: str, actor: str) -> ServiceView:
    try:
        return _unsuspend(service_id, actor)
    except service_store.OtherProduct as other:
        if other.kind == PRIVATE_NETWORK:
            return private_network_product.set_suspended(service_id, False, actor)
        return _object_storage(other).unsuspend(service_id, actor)


def _unsuspend(service_id: str, actor: str) -> ServiceView:
    try:
        with _existing(
            service_id, "unsuspend", actor, wait_seconds=BILLING_WAIT_SECONDS, kind=SERVER
        ) as (record, contabo):
            if record.billing_action == "terminate":
                raise ActionRefused(
                    "This service is being terminated.", message_code="service_terminating"
                )
            return _unsuspend_now(record, contabo)
    except (ServiceBusy, OutOfTime):
        pass  # a paying customer's unsuspension is recorded and applied like a suspension
    record = billing_actions.record_for_later(service_id, "unsuspend", {}, actor, BILLING_JOB)
    if record.billing_action == "terminate" or record.state == ServiceState.TERMINATED:
        raise ActionRefused("This service is being terminated.", message_code="service_terminating")
    return service_view(record)


def _object_storage(other: service_store.OtherProduct) -> Any:
    """The generic lifecycle routes lock only servers (service_store.acquire_lock's ``kind``,
    so a server's row is not read before its lock); another product's service is handed to
    its own lifecycle, which takes the lock itself. Only object storage has one of these."""
    if other.kind != OBJECT_STORAGE:
        raise ActionRefused(service_policy.NOT_A_SERVER_MESSAGE, message_code="not_a_server")
    return object_storage


def _unsuspend_now(record: ServiceRecord, contabo: ContaboGateway) -> ServiceView:
    if record.resource_id:
        contabo.power(_instance_id(record), "start")
    # A suspension not applied yet is withdrawn, not applied later; one recorded meanwhile stays.
    _applied(record, {"suspended": False, "suspend_reason": None})
    return service_view(record)


def _applied(record: ServiceRecord, details: dict[str, Any]) -> None:
    """Writes what a suspend or unsuspend did, and clears the billing action ``record`` read
    only if no other was recorded meanwhile (billing_actions.unchanged_since): that one is
    applied next (apply_recorded_billing_action), so the newest always wins. It is the
    action's last write: it releases the lock in the same (fenced) UpdateItem."""
    cleared = service_store.update(
        record,
        condition=billing_actions.unchanged_since(record),
        billing_action=None,
        billing_request=None,
        details=details,
        release=True,
    )
    if not cleared:  # the row still tells the truth (e.g. running) for the next pass
        service_store.update(record, details=details, release=True)


def _billing_action(service_id: str, name: str, request: dict[str, Any], actor: str) -> ServiceView:
    """Suspend and terminate are never refused as busy: WHMCS retries a failed one only the
    next day. Done now when the lock frees within BILLING_WAIT_SECONDS; otherwise recorded on
    the row (the customer is locked out at once) and applied by a queued job as soon as the
    holder is done or provably dead (its lock ends with its invocation). Another product's
    service raises service_store.OtherProduct (nothing locked or recorded)."""
    wake: list[str] = []
    try:
        with _existing(
            service_id,
            name,
            actor,
            allow_unbought=True,
            wait_seconds=BILLING_WAIT_SECONDS,
            kind=SERVER,
        ) as (record, contabo):
            view = _apply_billing(record, contabo, name, request, actor, wake)
        for job_id in wake:
            action_queue.wake_worker(job_id)
        return view
    except (ServiceBusy, OutOfTime):
        pass  # recorded below; every step of both is safe to do again
    return service_view(
        billing_actions.record_for_later(service_id, name, request, actor, BILLING_JOB)
    )


@action_queue.handles(BILLING_JOB)
def apply_recorded_billing_action(job: action_queue.QueuedJob) -> str:
    """The queued half of _billing_action: applies what the row records, under the lock."""
    assert job.service_id
    wake: list[str] = []
    try:
        with _existing(job.service_id, "billing", job.actor or "worker", allow_unbought=True) as (
            record,
            contabo,
        ):
            name = record.billing_action
            if not name:
                return "nothing recorded (already applied or withdrawn)"
            billing_actions.applying(job, name)
            if name == "suspend" and not record.resource_id:
                raise action_queue.NotYet("waiting for the server to be set up before suspending")
            request = dict(record.billing_request or {})
            _apply_billing(record, contabo, name, request, job.actor, wake)
            if record.billing_action not in (None, name):  # recorded meanwhile: applied next
                raise action_queue.NotYet(f"{record.billing_action} recorded meanwhile", 2)
            outcome = f"{name} applied" if not record.billing_action else f"{name} recorded"
        for job_id in wake:
            action_queue.wake_worker(job_id)
        return outcome
    except ServiceBusy as busy:
        raise billing_actions.wait_for(busy) from None


def _apply_billing(
    record: ServiceRecord,
    contabo: ContaboGateway,
    name: str,
    request: dict[str, Any],
    actor: str | None,
    wake: list[str],
) -> ServiceView:
    """Applies suspend or terminate under the lock, and clears it from the row once done."""
    if name == "terminate" or record.billing_action == "terminate":
        params = {k: v for k, v in request.items() if k in TerminateRequest.model_fields}
        terminate_request = TerminateRequest(**params)
        return _terminate_now(record, contabo, terminate_request, actor or "worker", wake)
    if record.state == ServiceState.TERMINATED:
        return service_view(record)
    if name == "unsuspend":
        return _unsuspend_now(record, contabo)
    if not record.resource_id:
        raise ActionRefused(
            "The server is still being set up; try again once it is ready.",
            message_code="service_not_ready",
        )
    params = {k: v for k, v in request.items() if k in SuspendRequest.model_fields}
    suspend_request = SuspendRequest(**params)
    if not record.details.get("suspended"):
        contabo.power(_instance_id(record), suspend_request.policy)
    _applied(record, {"suspended": True, "suspend_reason": suspend_request.reason or None})
    return service_view(record)


def power(service_id: str, power_action: str, actor: str) -> ServiceView:
    if power_action not in POWER_ACTIONS:
        raise InvalidInput(
            f"Unknown power action '{power_action}'; use one of {', '.join(POWER_ACTIONS)}.",
            message_code="power_action_unknown",
            params={"action": power_action, "actions": ", ".join(POWER_ACTIONS)},
        )
    with _existing(service_id, power_action, actor) as (record, contabo):
        refuse_if_suspended(record, power_action)
        service_policy.require_ready(record)
        contabo.power(_instance_id(record), power_action)
        service_store.update(
            record,
            details={"instance_status": _expected_status(power_action)},
            release=True,  # the action's last write also releases its lock (one round trip)
        )
        return service_view(record)


def terminate(service_id: str, request: TerminateRequest, actor: str) -> ServiceView:
    """Accepted at any point of the lifecycle (see _billing_action and _terminate_now)."""
    try:
        return _billing_action(service_id, "terminate", request.model_dump(), actor)
    except service_store.OtherProduct as other:
        return _object_storage(other).terminate(service_id, actor)


def _terminate_now(
    record: ServiceRecord,
    contabo: ContaboGateway,
    request: TerminateRequest,
    actor: str,
    wake: list[str],
) -> ServiceView:
    """Stop, cancel at Contabo, clean up. Every step tolerates having been done before. A
    failed cancel fails the call (WHMCS retries); cleanup steps that fail after a successful
    cancel are queued as a terminate_cleanup job and the service says "cleanup pending".

    A purchase still being confirmed is recorded to terminate: the provisioning worker starts
    no purchase after it, and cancels what the purchase bought the moment it is linked."""
    if record.state in (ServiceState.QUEUED, ServiceState.PURCHASING):
        _link_a_late_purchase(record, contabo)
        if not record.resource_id and not _purchase_settled(record):
            service_store.update(
                record,
                billing_action="terminate",
                billing_request={**request.model_dump(), "actor": actor},
                **TERMINATE_AFTER_PURCHASE.fields(),
            )
            return service_view(record)
    instance_id, steps = None, []
    if not record.resource_id and record.state != ServiceState.TERMINATED:
        _link_a_late_purchase(record, contabo)
    if record.resource_id and record.state != ServiceState.TERMINATED:
        instance_id = int(record.resource_id)
        instance = _instance_or_none(contabo, instance_id)
        if instance is not None:
            if instance.status not in ("stopped", "stopping") and not instance.cancel_date:
                _stop_if_possible(contabo, instance_id)
            cancel_date = (
                instance.cancel_date
                or record.details.get("cancel_date")
                or contabo.cancel_instance(instance_id)
            )
            service_store.update(record, details={"cancel_date": cancel_date})
            steps = [
                step
                for step in terminate_cleanup.INSTANCE_STEPS
                if step != "snapshots" or request.snapshot_policy == "delete"
            ]
    leftovers = terminate_cleanup.clean_up(contabo, instance_id, steps, _secret_ids(record))
    done = {"terminated_at": datetime.now(UTC).isoformat(), "secret_ids": None}
    if leftovers.errors:
        job_id = terminate_cleanup.queue_leftovers(record.service_id, instance_id, leftovers, actor)
        wake.append(job_id)  # woken once the service lock is released, so the job can take it
        status = terminate_cleanup.pending_message(job_id, leftovers).fields()
        done["cleanup_job_id"] = job_id
    elif record.state == ServiceState.TERMINATED:
        status = {}  # a repeat keeps "cleanup pending", if any
    else:
        status = CLEARED
    service_store.update(
        record,
        state=ServiceState.TERMINATED.value,
        **status,
        billing_action=None,
        billing_request=None,
        details=done,
        release=True,  # the last write under the lock (every caller's)
    )
    return service_view(record)


def finish_recorded_terminate(
    record: ServiceRecord, contabo: ContaboGateway, wake: list[str]
) -> None:
    """The provisioning worker's half of a terminate recorded during a purchase: under the
    worker's lock, cancel what was linked (or end a purchase proved never made)."""
    request = dict(record.billing_request or {})
    _apply_billing(record, contabo, "terminate", request, str(request.get("actor") or ""), wake)


def _purchase_settled(record: ServiceRecord) -> bool:
    """No purchase can still show up: none was sent, or the last one is older than Contabo's
    lists ever lag and neither list knows it (the worker's own rule before buying again)."""
    if record.state == ServiceState.QUEUED:
        return True  # the worker re-queues only a purchase it proved never happened
    started = float(record.details.get("purchase_started_at") or 0)
    return time.time() - started >= RECONCILE_GRACE_SECONDS


def _stop_if_possible(contabo: ContaboGateway, instance_id: int) -> None:
    """A busy instance (e.g. mid password reset) cannot be stopped now; the cancellation is
    what ends the service, so it goes ahead and Contabo stops the server at its cancel date."""
    try:
        contabo.power(instance_id, "stop")
    except Conflict as error:
        logger.warning("instance busy; cancelling without stopping", extra={"why": error.message})


def change_password(service_id: str, request: ChangePasswordRequest, actor: str) -> ServiceView:
    """The password is stored at the provider first (its secret), then applied to the server.
    When Contabo is too slow to apply it within WHMCS's budget, a queued job applies the stored
    secret (only its id is queued, never the password); a job that cannot is parked for the
    admin (ParkedJobs alarm, the addon's Action queue page). Too slow even to store it: a clear
    503, nothing changed."""
    queued = None
    with _existing(service_id, "change_password", actor) as (record, contabo):
        refuse_if_suspended(record, "change_password")
        if _is_windows(record):
            raise ActionRefused(
                "Password reset is not available for Windows servers; "
                "reset it from within Windows.",
                message_code="password_reset_windows",
            )
        secret_id = _store_root_password(record, contabo, request.password.get_secret_value())
        try:
            contabo.reset_password(_instance_id(record), secret_id)
        except OutOfTime:
            queued = action_queue.enqueue(
                service_id,
                ROOT_LOGIN_JOB,
                {"secret_id": secret_id},
                actor,
                key=service_id,
                wake=False,
            )
        view = service_view(record)
    if queued is not None:
        action_queue.wake_worker(queued)  # now that the lock the job takes is free
        logger.info("password stored; applied by the queued job", extra={"job": queued})
        view.says(ROOT_LOGIN_QUEUED)
    return view


def _store_root_password(record: ServiceRecord, contabo: ContaboGateway, password: str) -> int:
    secret_id = (record.details.get("secret_ids") or {}).get("root_password")
    if secret_id:
        contabo.update_secret(secret_id, password)
        return int(secret_id)
    secret_id = contabo.create_secret(f"{record.display_name}-root", password, "password")
    secret_ids = {**(record.details.get("secret_ids") or {}), "root_password": secret_id}
    service_store.update(record, details={"secret_ids": secret_ids})
    return secret_id


@action_queue.handles(ROOT_LOGIN_JOB)
def apply_stored_password(job: action_queue.QueuedJob) -> str:
    """The queued half of change_password: resets the server to the stored secret (the latest
    password: a later change updates the same secret before its own job is queued)."""
    assert job.service_id
    try:
        with _existing(job.service_id, "change_password", job.actor or "worker") as (
            record,
            contabo,
        ):
            if record.details.get("suspended") or record.billing_action == "suspend":
                # A reset would start the server; WHMCS's unsuspend lets the job finish.
                raise action_queue.NotYet("waiting for the service to be unsuspended", 600)
            secret_id = (record.details.get("secret_ids") or {}).get("root_password")
            if not secret_id:
                return "no password stored for this service"
            contabo.reset_password(_instance_id(record), int(secret_id))
            return "password applied"
    except ServiceBusy:
        raise action_queue.NotYet("waiting for the running action to end", 10) from None
    except ActionRefused as refused:  # terminated or being terminated: nothing to apply
        return f"not applied: {refused.message}"


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
    """Add-ons are bought now; when Contabo is too slow for that within WHMCS's budget (the
    upgrade not sent), a queued job buys them (exactly once, like any upgrade) and WHMCS is
    told so; a job that cannot is parked for the admin (ParkedJobs alarm, Action queue page).
    The same when another action holds the service past a short wait: an upgrade is a paid
    order WHMCS does not send again."""
    try:
        return _change_package_now(service_id, request, actor)
    except ServiceBusy as busy:
        return _queue_add_ons_while_busy(service_id, request, actor, busy)


def _change_package_now(service_id: str, request: ChangePackageRequest, actor: str) -> ServiceView:
    queued = None
    with _existing(service_id, "change_package", actor, wait_seconds=BILLING_WAIT_SECONDS) as (
        record,
        contabo,
    ):
        if request.region and request.region != record.region:
            # The provider moves it (a support ticket); add-ons wait for the next change.
            moves.change_region(record, request.region, actor)
            return service_view(record)
        if request.product_id and request.product_id != record.product_id:
            _refuse_downgrade(record.product_id, request.product_id)
            moves.change_plan(record, request.product_id, actor)  # says why, queues the task
        add_ons = request.add_ons.model_dump()
        try:
            changed = _change_add_ons(record, contabo, add_ons)
        except OutOfTime:
            changed, message = False, CHANGE_QUEUED
        else:
            # An earlier attempt's outcome is not known yet: this one is applied (once) by a
            # queued job when Contabo's lists have settled, never bought a second time now.
            message = UPGRADE_BEING_CONFIRMED
        if not changed:
            queued = _queue_upgrade(service_id, add_ons, actor, wake=False)
        view = service_view(record)
    if queued is not None:
        if message == CHANGE_QUEUED:
            action_queue.wake_worker(queued)  # now that the lock the job takes is free
        view.says(message)
    return view


def _queue_add_ons_while_busy(
    service_id: str, request: ChangePackageRequest, actor: str, busy: ServiceBusy
) -> ServiceView:
    """Another action holds the service: an add-on change is checked as it would be under the
    lock and queued (its job waits for the lock); a move or plan change is refused as busy."""
    record = service_store.require(service_id)
    moving = request.region and request.region != record.region
    if moving or (request.product_id and request.product_id != record.product_id):
        raise busy
    service_policy.require_compute(record)
    if record.state == ServiceState.TERMINATED or record.billing_action == "terminate":
        raise ActionRefused("This service is being terminated.", message_code="service_terminating")
    if not record.resource_id:
        raise ActionRefused(
            "The server is still being set up; try again once it is ready.",
            message_code="service_not_ready",
        )
    add_ons = request.add_ons.model_dump()
    _refuse_add_on_removal(record.details.get("add_ons") or {}, add_ons)
    _queue_upgrade(service_id, add_ons, actor, wake=True)
    view = service_view(record)
    view.says(CHANGE_QUEUED)
    return view


def _queue_upgrade(service_id: str, add_ons: dict[str, Any], actor: str, *, wake: bool) -> str:
    """One upgrade job per service; a change asked while one still waits replaces what it
    buys (WHMCS sends the whole wanted set each time), so the last change asked is applied."""
    return action_queue.enqueue_latest(
        service_id, UPGRADE_JOB, {"add_ons": add_ons}, actor, wake=wake
    )


def _change_add_ons(
    record: ServiceRecord, contabo: ContaboGateway, add_ons: dict[str, Any]
) -> bool:
    """Buys the add-ons ``add_ons`` asks for and the service lacks; False (nothing done) while
    an earlier upgrade with an unknown outcome is inside its settle window."""
    current = _settle_pending_upgrade(record, contabo, record.details.get("add_ons") or {})
    if current is None:
        return False
    _refuse_add_on_removal(current, add_ons)
    wants_network = bool(add_ons.get("private_networking")) and not current.get(
        "private_networking"
    )
    wants_backup = bool(add_ons.get("backup")) and not current.get("backup")
    if wants_network or wants_backup:
        _upgrade_once(record, contabo, private_networking=wants_network, backup=wants_backup)
    service_store.update(
        record,
        details={"add_ons": add_ons, "upgrade_pending": None},
        release=True,  # the last write of a package change (and of its job)
    )
    return True


def _refuse_add_on_removal(current: dict[str, Any], wanted: dict[str, Any]) -> None:
    if (current.get("private_networking") and not wanted.get("private_networking")) or (
        current.get("backup") and not wanted.get("backup")
    ):
        raise ActionRefused(
            "Add-ons cannot be removed from a running server; contact support.",
            message_code="addon_removal_refused",
        )


@action_queue.handles(UPGRADE_JOB)
def apply_settled_upgrade(job: action_queue.QueuedJob) -> str:
    """The retried upgrade, once the earlier attempt's outcome is known (see change_package)."""
    assert job.service_id
    now = service_store.require(job.service_id)
    if now.state == ServiceState.TERMINATED or now.billing_action == "terminate":
        return "not applied: the service is terminated"
    try:
        with _existing(job.service_id, "change_package", job.actor or "worker") as (
            record,
            contabo,
        ):
            if not _change_add_ons(record, contabo, dict(job.payload["add_ons"])):
                pending = record.details.get("upgrade_pending") or {}
                left = float(pending.get("started_at") or 0) + UPGRADE_SETTLE_SECONDS - time.time()
                raise action_queue.NotYet(
                    UPGRADE_BEING_CONFIRMED.text, delay_seconds=max(5, round(left))
                )
            return "add-ons applied"
    except ServiceBusy:
        raise action_queue.NotYet("waiting for the running action to end", 10) from None


def _settle_pending_upgrade(
    record: ServiceRecord, contabo: ContaboGateway, current: dict[str, Any]
) -> dict[str, Any] | None:
    """An earlier upgrade whose outcome was unknown: if Contabo's audit list has a change made
    by its x-request-id, or the instance has more add-ons than before it, exactly what that
    attempt asked for was bought (whatever this request asks). The audit list comes first:
    the instance may not show a bought add-on yet."""
    pending = record.details.get("upgrade_pending")
    if not pending:
        return current
    instance_id = _instance_id(record)
    within_window = time.time() - float(pending.get("started_at") or 0) < UPGRADE_SETTLE_SECONDS
    request_id = pending.get("request_id")
    bought_by_id = bool(request_id) and contabo.instance_changed_by_request_id(
        instance_id, request_id
    )
    if not bought_by_id and (
        len(contabo.get_instance(instance_id).add_ons) <= pending["add_ons_before"]
    ):
        # Both lists may still lag a purchase that went through: only once the settle
        # window has passed does "not shown" mean "never bought".
        return None if within_window else current
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
                "started_at": time.time(),
            }
        },
    )
    try:
        contabo.upgrade_instance(
            instance_id, private_networking=private_networking, backup=backup, request_id=request_id
        )
    except OutOfTime:
        # Raised before the request was sent: nothing was bought, nothing waits to settle.
        service_store.update(record, details={"upgrade_pending": None})
        raise


def renew(service_id: str, request: RenewRequest, actor: str) -> ServiceView:
    """Never refused as busy or slow (billing_actions.renew). A renewal the job cannot record
    (server gone or cancelled meanwhile) is parked for the admin."""
    try:
        return billing_actions.renew(
            service_id,
            request,
            actor,
            lifecycle=partial(_existing, kind=SERVER),
            record_renewal=_record_renewal,
            job=RENEW_JOB,
            queued=RENEWAL_QUEUED,
            wait_seconds=BILLING_WAIT_SECONDS,
        )
    except service_store.OtherProduct as other:
        return _object_storage(other).renew(service_id, request, actor)


def _record_renewal(record: ServiceRecord, contabo: ContaboGateway, due: str | None) -> None:
    instance = _instance_or_none(contabo, _instance_id(record))
    if instance is None:
        raise ActionRefused(
            "The server no longer exists at the provider; it cannot be renewed.",
            message_code="renew_server_gone",
        )
    if instance.cancel_date:
        raise ActionRefused(
            f"The server is cancelled and ends on {instance.cancel_date}; it cannot be renewed.",
            message_code="renew_server_cancelled",
            params={"date": str(instance.cancel_date)},
        )
    service_store.update(
        record,
        details={"next_due_date": due, "renewed_at": datetime.now(UTC).isoformat()},
        release=True,  # the last write under the lock (renew's and its job's)
    )


@action_queue.handles(RENEW_JOB)
def apply_queued_renewal(job: action_queue.QueuedJob) -> str:
    """The queued half of renew: records the latest due date asked, under the lock."""
    assert job.service_id
    try:
        with _existing(job.service_id, "renew", job.actor or "worker") as (record, contabo):
            _record_renewal(record, contabo, job.payload.get("next_due_date"))
            return "renewal recorded"
    except ServiceBusy:
        raise action_queue.NotYet("waiting for the running action to end", 10) from None


def refuse_if_suspended(record: ServiceRecord, action: str) -> None:
    suspended = record.details.get("suspended") or record.billing_action == "suspend"
    if suspended and action in REFUSED_WHILE_SUSPENDED:
        raise ActionRefused(service_policy.SUSPENDED_MESSAGE, message_code="service_suspended")


@contextmanager
def _existing(
    service_id: str,
    name: str,
    actor: str,
    allow_unbought: bool = False,
    wait_seconds: float = 0.0,
    kind: str | None = None,
) -> Iterator[tuple[ServiceRecord, ContaboGateway]]:
    """The service lock, plus the checks every action on a bought service needs; ``kind``
    as service_action's (only a known server is locked, else OtherProduct or NotFound)."""
    with service_action(service_id, name, actor, wait_seconds=wait_seconds, kind=kind) as action:
        record = service_store.require_known(service_id, action.record)
        service_policy.require_compute(record)  # object storage has its own actions
        if record.state == ServiceState.TERMINATED and name not in BILLING_ACTIONS:
            raise ActionRefused(
                "This service has been terminated.", message_code="service_terminated"
            )
        if record.billing_action == "terminate" and name not in BILLING_ACTIONS:
            raise ActionRefused(
                "This service is being terminated.", message_code="service_terminating"
            )
        if not record.resource_id and not allow_unbought:
            raise ActionRefused(
                "The server is still being set up; try again once it is ready.",
                message_code="service_not_ready",
            )
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
        raise InvalidInput(
            f"The product {wanted} is not offered.",
            message_code="product_not_offered",
            params={"product_id": wanted},
        )
    old = products.get(current or "")
    new = products[wanted]
    if old and (
        new.disk_mb < old.disk_mb or new.ram_mb < old.ram_mb or new.cpu_cores < old.cpu_cores
    ):
        raise ActionRefused(
            "Downgrades (less disk, memory or CPU) are not possible in place; order a smaller "
            "server and move your data.",
            message_code="downgrade_refused",
        )
