"""The cleanup half of terminate (snapshots, private networks, the service tag, secrets), and
the action-queue handler that finishes it when terminate could not.

Terminate cancels the instance first (that is what ends the service and the bill); the
cleanup steps after it may fail on a Contabo hiccup. Rather than failing a terminate whose
cancellation went through, the failed steps are queued as one ``terminate_cleanup`` job and
the service says "cleanup pending" with the job id until the job has done them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from contabo_reseller.adapters import service_store
from contabo_reseller.domain.errors import DomainError, ServiceBusy
from contabo_reseller.domain.status_messages import CLEARED, StatusMessage, say
from contabo_reseller.services.actions import service_action
from contabo_reseller.services.contabo_gateway import ContaboGateway, gateway_for
from contabo_reseller.services.jobs.action_queue import NotYet, QueuedJob, enqueue, handles

ACTION = "terminate_cleanup"
INSTANCE_STEPS = ("snapshots", "private_networks", "tag")


@dataclass
class Leftovers:
    """What a cleanup pass could not do: step -> Contabo's reason, and the secrets kept."""

    errors: dict[str, str] = field(default_factory=dict)
    secret_ids: list[int] = field(default_factory=list)

    @property
    def steps(self) -> list[str]:
        return list(self.errors)


def clean_up(
    contabo: ContaboGateway,
    instance_id: int | None,
    steps: list[str],
    secret_ids: list[int],
) -> Leftovers:
    """Runs each step once (each tolerates having been done before) and keeps going past a
    failed one, so one Contabo error never leaves the other steps undone."""
    leftovers = Leftovers()
    calls = {
        "snapshots": contabo.delete_snapshots,
        "private_networks": contabo.leave_private_networks,
        "tag": contabo.remove_service_tag,
    }
    for step in steps:
        if step not in calls or instance_id is None:
            continue
        try:
            calls[step](instance_id)
        except DomainError as error:
            leftovers.errors[step] = error.message
    for secret_id in secret_ids:
        try:
            contabo.delete_secret(secret_id)
        except DomainError as error:
            leftovers.errors["secrets"] = error.message
            leftovers.secret_ids.append(secret_id)
    return leftovers


def queue_leftovers(
    service_id: str, instance_id: int | None, leftovers: Leftovers, actor: str
) -> str:
    """One job per service (queueing again while one is pending returns that job). Queued
    inside terminate's service lock: terminate wakes the worker once the lock is free."""
    payload: dict[str, Any] = {
        "instance_id": instance_id,
        "steps": leftovers.steps,
        "secret_ids": leftovers.secret_ids,
        "errors": leftovers.errors,
    }
    return enqueue(service_id, ACTION, payload, actor, key=service_id, wake=False)


def pending_message(job_id: str, leftovers: Leftovers) -> StatusMessage:
    steps = ", ".join(step.replace("_", " ") for step in leftovers.steps)
    return say("status_cleanup_pending", job=job_id, steps=steps)


@handles(ACTION)
def finish_cleanup(job: QueuedJob) -> str:
    """Retries the steps terminate could not do; clears the service's "cleanup pending"."""
    assert job.service_id
    try:
        with service_action(job.service_id, ACTION, actor="action-queue") as action:
            contabo = gateway_for(job.service_id, action.trace_id)
            payload = job.payload
            leftovers = clean_up(
                contabo,
                payload.get("instance_id"),
                list(payload.get("steps") or []),
                [int(i) for i in payload.get("secret_ids") or []],
            )
            if leftovers.errors:
                job.save_progress(
                    {**payload, "steps": leftovers.steps, "secret_ids": leftovers.secret_ids}
                )
                failed = "; ".join(f"{k}: {v}" for k, v in leftovers.errors.items())
                raise CleanupFailed(failed, message_code="cleanup_failed", params={"steps": failed})
            record = action.record
            if record.details.get("cleanup_job_id") == job.job_id:
                service_store.update(record, details={"cleanup_job_id": None}, **CLEARED)
            action.message = "cleanup finished"
    except ServiceBusy as busy:
        raise NotYet(busy.message, delay_seconds=30) from busy
    return f"cleaned up: {', '.join(job.payload.get('steps') or []) or 'nothing left'}"


class CleanupFailed(DomainError):
    """Some cleanup step failed again; the message names each with Contabo's reason."""
