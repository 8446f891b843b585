"""ChangePackage to another region or plan, within what the provider's API allows.

Region: ``checkSetNewHost`` (refusals come back as error codes), then ``requestRegionChange``
exactly once (the intent is recorded on the service before the call; an unknown outcome is
never asked again automatically), answering a support ticket that is recorded; an action-queue
job follows the instance until it shows the new region. Plan: the offers
(``retrieveAvailableInstanceProducts``) are shown to the admin; the API has no operation to
submit one, so ChangePackage says exactly that and queues an admin task that completes once the
instance shows the new plan.
"""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime
from typing import Any

from contabo_reseller.adapters import service_store
from contabo_reseller.adapters.tables import ServiceRecord
from contabo_reseller.domain.errors import (
    ActionRefused,
    DomainError,
    OutOfTime,
    UpstreamUnavailable,
)
from contabo_reseller.domain.moves import (
    NO_PLAN_SUBMIT,
    REGION_CHANGE_METHOD,
    PlanOffer,
    PlanOfferList,
)
from contabo_reseller.domain.status_messages import CLEARED, say
from contabo_reseller.services import service_policy
from contabo_reseller.services.actions import service_action
from contabo_reseller.services.jobs.action_queue import NotYet, QueuedJob, enqueue, handles

FOLLOW_REGION = "region_change_follow"
PLAN_TASK = "plan_change_admin_task"
FOLLOW_DELAY_SECONDS = 3600
# How long the provider's audit list may take to show a request before "not there" means
# "never happened" (as for orders and upgrades).
RECONCILE_GRACE_SECONDS = 300


def _client(service_id: str, trace_id: str) -> Any:
    from contabo_reseller.adapters.contabo.client import get_contabo_client

    return get_contabo_client().for_service(service_id, trace_id)


def plan_offers(service_id: str) -> PlanOfferList:
    record = service_policy.readable(service_id)
    instance_id = service_policy.instance_id_of(record)
    offers = _client(service_id, str(uuid.uuid4())).available_products(instance_id)
    return PlanOfferList(items=[_offer(o) for o in offers if not o.get("current")])


def change_region(record: ServiceRecord, region: str, actor: str) -> None:
    """Requests the move once; the service's status message says so."""
    instance_id = service_policy.instance_id_of(record)
    pending = (record.details or {}).get("region_change") or {}
    client = _client(record.service_id, str(uuid.uuid4()))
    if pending.get("state") == "unknown" and pending.get("region") == region:
        pending = _settle_unknown(record, client, instance_id, pending, actor)
    if pending.get("state") in ("requested", "unknown"):
        if pending.get("region") == region and pending.get("ticket"):
            return  # asked again: already requested
        raise ActionRefused(
            f"A move to region {pending.get('region')} was already asked for"
            + (f" (support ticket {pending['ticket']})" if pending.get("ticket") else "")
            + "; it has to finish (or support has to close it) before another one.",
            details={"region_change": pending},
            message_code="move_already_requested",
            params={"region": str(pending.get("region"))},
        )
    try:
        client.check_region_change(instance_id)
    except DomainError as error:
        raise ActionRefused(
            f"The provider cannot move this server now ({error.message}).",
            details={"region": region},
            message_code="move_not_possible_now",
            params={"reason": error.message},
        ) from None
    request_id = str(uuid.uuid4())
    intent: dict[str, Any] = {"region": region, "request_id": request_id, "state": "unknown"}
    intent |= {"by": actor, "asked_at": time.time()}
    service_store.update(record, details={"region_change": intent})
    try:
        ticket = client.request_region_change(instance_id, region, REGION_CHANGE_METHOD, request_id)
    except OutOfTime:
        service_store.update(record, details={"region_change": None})  # never sent: nothing began
        raise
    except UpstreamUnavailable:
        raise  # outcome unknown: the intent stays, nothing is asked twice
    except DomainError:
        service_store.update(record, details={"region_change": None})  # refused: nothing began
        raise
    intent |= {"state": "requested", "ticket": ticket, "at": datetime.now(UTC).isoformat()}
    message = say("status_region_move_requested", region=region, ticket=ticket)
    service_store.update(record, details={"region_change": intent}, **message.fields())
    enqueue(
        record.service_id,
        FOLLOW_REGION,
        {"region": region, "ticket": ticket, "instance_id": instance_id},
        actor,
        key=record.service_id,
    )


def _settle_unknown(
    record: ServiceRecord, client: Any, instance_id: int, pending: dict[str, Any], actor: str
) -> dict[str, Any]:
    """An earlier request whose answer was lost: the provider's audit list (by its
    x-request-id) says whether it took it. Taken: followed as requested (the ticket number was
    in the lost answer). Not taken, once the audit list has had time to show it: forgotten, so
    the change is asked for afresh. Too early to tell: still unknown (the caller refuses)."""
    changed = any(
        audit.instance_id == instance_id
        for audit in client.instance_audits(request_id=pending.get("request_id"))
    )
    if changed:
        ticket = "unknown, the answer was lost"
        intent = pending | {"state": "requested", "ticket": ticket}
        message = say("status_region_move_ticket_lost", region=pending["region"])
        service_store.update(record, details={"region_change": intent}, **message.fields())
        payload = {"region": pending["region"], "ticket": ticket, "instance_id": instance_id}
        enqueue(record.service_id, FOLLOW_REGION, payload, actor, key=record.service_id)
        return intent
    if time.time() - float(pending.get("asked_at") or 0) >= RECONCILE_GRACE_SECONDS:
        service_store.update(record, details={"region_change": None})
        return {}
    return pending


def change_plan(record: ServiceRecord, product_id: str, actor: str) -> None:
    """No submit operation exists: queue the admin task with the matching offer, then refuse
    with the sentence saying so (WHMCS shows it to the admin)."""
    instance_id = service_policy.instance_id_of(record)
    offers = [
        _offer(o)
        for o in _client(record.service_id, str(uuid.uuid4())).available_products(instance_id)
    ]
    offer = next((o for o in offers if o.product_id == product_id), None)
    if offer is None:
        available = ", ".join(f"{o.product_id} ({o.name})" for o in offers) or "none"
        raise ActionRefused(
            f"The provider offers no change of this server to {product_id}. Plans it offers: "
            f"{available}.",
            details={"offers": [o.model_dump() for o in offers]},
            message_code="move_plan_not_offered",
            params={"product_id": product_id, "plans": available},
        )
    payload = {"product_id": product_id, "offer": offer.model_dump(), "instance_id": instance_id}
    job = enqueue(record.service_id, PLAN_TASK, payload, actor, key=record.service_id)
    raise ActionRefused(
        NO_PLAN_SUBMIT.format(job=job, offer=offer.offer_id, name=offer.name),
        details={"job_id": job, "offer": offer.model_dump(), "admin_task": True},
        message_code="move_needs_admin",
        params={"job": job, "offer": offer.offer_id, "name": offer.name},
    )


@handles(FOLLOW_REGION)
def follow_region_change(job: QueuedJob) -> str:
    """Done once the instance shows the new region; the service then records it."""
    assert job.service_id
    region, ticket = str(job.payload["region"]), job.payload["ticket"]
    now = _client(job.service_id, job.job_id).get_instance(int(job.payload["instance_id"]))
    if str(now.region) != region:  # looked at before the lock: waiting is no failed action
        raise NotYet(f"waiting for support ticket {ticket}", FOLLOW_DELAY_SECONDS)
    with service_action(job.service_id, FOLLOW_REGION, actor="action-queue") as action:
        intent = dict(action.record.details.get("region_change") or {}) | {"state": "done"}
        service_store.update(
            action.record, region=region, details={"region_change": intent}, **CLEARED
        )
        action.message = f"moved to {region} (ticket {ticket})"
        return action.message


@handles(PLAN_TASK)
def follow_plan_change(job: QueuedJob) -> str:
    """The admin submits the offer in the provider's panel; done once the instance shows it."""
    assert job.service_id
    product_id = str(job.payload["product_id"])
    now = _client(job.service_id, job.job_id).get_instance(int(job.payload["instance_id"]))
    if str(now.product_id) != product_id:
        offer = job.payload.get("offer") or {}
        raise NotYet(
            f"admin: submit offer {offer.get('offer_id')} ({offer.get('name')}) in the "
            "provider's panel",
            FOLLOW_DELAY_SECONDS,
        )
    with service_action(job.service_id, PLAN_TASK, actor="action-queue") as action:
        service_store.update(action.record, product_id=product_id)
        action.message = f"plan is now {product_id}"
        return action.message


def _offer(data: dict[str, Any]) -> PlanOffer:
    return PlanOffer(
        offer_id=int(data.get("offerId") or 0),
        product_id=str(data.get("productId") or ""),
        name=str(data.get("name") or ""),
        cpu_cores=data.get("cpuCores"),
        ram_gb=data.get("ramSizeGb"),
        disk_gb=data.get("diskSizeGb"),
        location_change_required=bool(data.get("locationChangeRequired")),
        required_confirmations=[str(c) for c in data.get("requiredConfirmations") or []],
    )
