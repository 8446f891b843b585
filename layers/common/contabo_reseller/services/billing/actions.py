"""Billing actions (Suspend, Terminate, Renew) that find their service busy: recorded on the
row (or queued) and applied by a job once the lock frees, so WHMCS is never refused (it
retries a failed billing action only the next day, a refused renewal never). Shared by every
product's billing path; each product's job handler applies what was asked under its own lock."""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

from pynamodb.expressions.condition import Condition

from contabo_reseller.adapters import service_store
from contabo_reseller.adapters.tables import ServiceRecord
from contabo_reseller.domain.errors import ActionRefused, OutOfTime, ServiceBusy
from contabo_reseller.domain.service import RenewRequest, ServiceState, ServiceView
from contabo_reseller.domain.status_messages import StatusMessage
from contabo_reseller.observability import logger
from contabo_reseller.services import service_policy
from contabo_reseller.services.jobs import action_queue
from contabo_reseller.services.views import service_view

# A product's lifecycle context: (service_id, action, actor, wait_seconds=) -> the service's
# lock with the product's checks, yielding the row and the product's provider port.
Lifecycle = Callable[..., AbstractContextManager[tuple[ServiceRecord, Any]]]


def record_for_later(
    service_id: str, name: str, request: dict[str, Any], actor: str, job: str
) -> ServiceRecord:
    """Records the action on the row (without the lock) and queues ``job`` to apply it; a
    terminated service needs nothing more (it is also suspended)."""
    recorded = service_store.record_billing_action(service_id, name, request, actor)
    record = service_store.require_known(service_id, recorded)
    if record.state != ServiceState.TERMINATED:
        # The job applies what the row records; its payload names it for the admin's job view
        # and the staff notice: a job still waiting takes the newly recorded name now, one
        # already running renames itself when it applies it (see applying).
        payload = {"billing_action": record.billing_action or name}
        job_id = action_queue.enqueue(
            service_id,
            job,
            payload,
            actor,
            key=service_id,
            requeue_parked=True,
            retarget_waiting=True,
        )
        logger.info(
            "billing action recorded; applied once the service is free", extra={"job": job_id}
        )
    return record


def renew(
    service_id: str,
    request: RenewRequest,
    actor: str,
    *,
    lifecycle: Lifecycle,
    record_renewal: Callable[[ServiceRecord, Any, str | None], None],
    job: str,
    queued: StatusMessage,
    wait_seconds: float,
    require_queueable: Callable[[ServiceRecord], None] = lambda record: None,
) -> ServiceView:
    """WHMCS renews when an invoice is paid and does not retry a refused renewal, so a renewal
    is never refused as busy or slow: recorded now (``record_renewal`` under the product's
    ``lifecycle``) when the lock frees within ``wait_seconds``, else queued as ``job`` (the
    latest due date wins) and recorded by it once the service is free; WHMCS is told so
    (``queued``). Only a renewal that can never be recorded is refused: the service is
    terminated or being terminated, or the product's own ``require_queueable`` refuses it."""
    due = request.next_due_date.isoformat() if request.next_due_date else None
    try:
        with lifecycle(service_id, "renew", actor, wait_seconds=wait_seconds) as (record, port):
            record_renewal(record, port, due)
            return service_view(record)
    except (ServiceBusy, OutOfTime):
        pass  # queued below; recording a due date twice is harmless
    record = service_store.require(service_id)
    if record.state == ServiceState.TERMINATED or record.billing_action == "terminate":
        raise ActionRefused(service_policy.TERMINATED_MESSAGE, message_code="service_terminated")
    require_queueable(record)
    action_queue.enqueue_latest(service_id, job, {"next_due_date": due}, actor, wake=True)
    view = service_view(record)
    view.says(queued)
    return view


def applying(job: action_queue.QueuedJob, name: str) -> None:
    """The job's payload names the action it applies now (one recorded while the job ran
    replaces the one it was queued for), so the admin's job view never names a stale one."""
    if job.payload.get("billing_action") != name:
        job.save_progress({**job.payload, "billing_action": name})


def wait_for(busy: ServiceBusy) -> action_queue.NotYet:
    """The queued job's retry: when the lock holder's time is up, at the latest a minute."""
    expires = busy.details.get("lock_expires_at") or 0
    return action_queue.NotYet(
        f"waiting for {busy.details.get('running_action')} to end",
        delay_seconds=max(2, min(60, round(float(expires) - time.time()) + 1)),
    )


def unchanged_since(record: ServiceRecord) -> Condition:
    """For the write that applies (and clears) what ``record`` read: it lands only if no other
    billing action was recorded meanwhile (recording takes no lock), so e.g. a suspension
    recorded while an unsuspension is being applied is never wiped, but applied next."""
    if record.billing_action is None:
        return ServiceRecord.billing_action.does_not_exist()
    return ServiceRecord.billing_action == record.billing_action
