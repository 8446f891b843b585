"""The services table: service rows, the per-service action lock, and guarded state changes.

Every write that decides money (recording a purchase intent, linking an instance) is a
conditional write, so two Lambdas can never both believe they own the next step.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from pynamodb.exceptions import DoesNotExist, PynamoDBException, UpdateError
from pynamodb.expressions.condition import Condition

from contabo_reseller.adapters.tables import ServiceRecord
from contabo_reseller.domain.errors import NotFound, ServiceBusy, UpstreamUnavailable

LOCK_SECONDS = 60


def _conditional_failed(error: UpdateError) -> bool:
    return error.cause_response_code == "ConditionalCheckFailedException"


def get(service_id: str) -> ServiceRecord | None:
    try:
        return ServiceRecord.get(service_id, consistent_read=True)
    except DoesNotExist:
        return None
    except PynamoDBException as error:
        raise UpstreamUnavailable("The service database is not reachable; try again.") from error


def require(service_id: str) -> ServiceRecord:
    record = get(service_id)
    if record is None or record.state == "new":
        raise NotFound(f"Service {service_id} is not known to the backend; was it created?")
    return record


def acquire_lock(
    service_id: str, action: str, owner: str, seconds: int = LOCK_SECONDS
) -> ServiceRecord:
    """Takes the service's action lock (creating the row if needed) or raises ServiceBusy."""
    now = time.time()
    record = ServiceRecord(service_id=service_id)
    condition = ServiceRecord.lock_owner.does_not_exist() | (ServiceRecord.lock_expires_at < now)
    try:
        record.update(
            actions=[
                ServiceRecord.lock_owner.set(owner),
                ServiceRecord.lock_action.set(action),
                ServiceRecord.lock_expires_at.set(now + seconds),
                ServiceRecord.state.set(ServiceRecord.state | "new"),
            ],
            condition=condition,
        )
    except UpdateError as error:
        if not _conditional_failed(error):
            raise UpstreamUnavailable(
                "The service database is not reachable; try again."
            ) from error
        holder = get(service_id)
        running = holder.lock_action if holder else "another action"
        raise ServiceBusy(
            f"Another action ({running}) is running on this service; try again in a few seconds.",
            details={"running_action": running},
            message_code="service_busy",
        ) from None
    return record


def release_lock(service_id: str, owner: str) -> None:
    try:
        ServiceRecord(service_id=service_id).update(
            actions=[
                ServiceRecord.lock_owner.remove(),
                ServiceRecord.lock_action.remove(),
                ServiceRecord.lock_expires_at.remove(),
            ],
            condition=ServiceRecord.lock_owner == owner,
        )
    except UpdateError as error:
        if not _conditional_failed(error):
            raise
        # The lock expired and someone else took it: theirs now, nothing to release.


def update(
    record: ServiceRecord,
    *,
    condition: Condition | None = None,
    details: dict[str, Any] | None = None,
    **fields: Any,
) -> bool:
    """Sets fields (and merges details) on a service row; False if the condition failed.

    Either way ``record`` afterwards holds the row as stored: UpdateItem returns it on success,
    and on a failed condition it is read again, so callers never refresh by hand."""
    actions = [getattr(ServiceRecord, name).set(value) for name, value in fields.items()]
    if details:
        merged = {**(record.details or {}), **details}
        actions.append(ServiceRecord.details.set(merged))
    actions.append(ServiceRecord.updated_at.set(datetime.now(UTC)))
    try:
        record.update(actions=actions, condition=condition)
    except UpdateError as error:
        if _conditional_failed(error):
            record.refresh(consistent_read=True)
            return False
        raise UpstreamUnavailable("The service database is not reachable; try again.") from error
    return True


def in_state(state: str) -> Iterator[ServiceRecord]:
    return ServiceRecord.by_state.query(state)


def active_of_client(client_id: str) -> Iterator[ServiceRecord]:
    """The WHMCS client's active services (the state index, filtered by client)."""
    return ServiceRecord.by_state.query(
        "active", filter_condition=ServiceRecord.client_id == client_id
    )


def all_services() -> Iterator[ServiceRecord]:
    """Every service row (one paginated scan), for the jobs that compare all of them."""
    return ServiceRecord.scan(ServiceRecord.state != "new")


def unchanged_and_unlocked(record: ServiceRecord, now: float) -> Condition:
    """The row is as ``record`` read it and no action holds its lock: a background job's
    write then neither undoes a newer change nor slips into a running action."""
    unchanged = (
        ServiceRecord.updated_at == record.updated_at
        if record.updated_at
        else ServiceRecord.updated_at.does_not_exist()
    )
    return unchanged & (
        ServiceRecord.lock_owner.does_not_exist() | (ServiceRecord.lock_expires_at < now)
    )


def by_resource(resource_id: str) -> ServiceRecord | None:
    return next(iter(ServiceRecord.by_resource.query(resource_id, limit=1)), None)


def page(
    state: str | None, limit: int, cursor: dict[str, Any] | None
) -> tuple[list[ServiceRecord], dict[str, Any] | None]:
    if state:
        result = ServiceRecord.by_state.query(state, limit=limit, last_evaluated_key=cursor)
    else:
        result = ServiceRecord.scan(
            ServiceRecord.state != "new", limit=limit, last_evaluated_key=cursor
        )
    items = list(result)
    return items, result.last_evaluated_key
