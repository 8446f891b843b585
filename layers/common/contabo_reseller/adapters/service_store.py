"""The services table: service rows, the per-service action lock, and guarded state changes.

Every write that decides money (recording a purchase intent, linking an instance) is a
conditional write, so two Lambdas can never both believe they own the next step.

The lock expires when its holder's invocation ends (Lambda's deadline, at most LOCK_SECONDS):
after that the holder is provably dead and the lock can be taken over at once. Writes to a row
read under the lock are fenced: conditional on the lock still being the holder's, so an
action that outlived its lock cannot overwrite the row of whoever took it over (LockLost).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from pynamodb.exceptions import DoesNotExist, PutError, PynamoDBException, UpdateError
from pynamodb.expressions.condition import Condition

from contabo_reseller import invocation
from contabo_reseller.adapters.tables import ServiceRecord
from contabo_reseller.domain import installations
from contabo_reseller.domain.errors import NotFound, ServiceBusy, UpstreamUnavailable

LOCK_SECONDS = 60
LOCK_CLOCK_SLACK_SECONDS = 1.0  # clocks of two Lambdas may differ a little
_WAIT_STEP_SECONDS = 0.2
_FENCE = "_held_lock_owner"  # set on a record read by acquire_lock: its writes are fenced
_RELEASED = "_released_lock_owner"  # set by the last write under the lock that released it


class LockLost(ServiceBusy):
    """This action's lock expired and another action took it: its writes are refused."""


class OtherProduct(Exception):
    """The service is another product's (``kind``): acquire_lock(kind=...) took no lock, and
    the caller hands the service to that product's own lifecycle."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


def _conditional_failed(error: UpdateError | PutError) -> bool:
    return error.cause_response_code == "ConditionalCheckFailedException"


def get(service_id: str) -> ServiceRecord | None:
    try:
        return ServiceRecord.get(service_id, consistent_read=True)
    except DoesNotExist:
        return None
    except PynamoDBException as error:
        raise UpstreamUnavailable(
            "The service database is not reachable; try again.", message_code="database_unreachable"
        ) from error


def require(service_id: str) -> ServiceRecord:
    return require_known(service_id, get(service_id))


def require_known(service_id: str, record: ServiceRecord | None) -> ServiceRecord:
    """The record of a service that was ordered: no row, or a row that only ever held a lock
    (state new), is refused as an unknown service."""
    if record is None or record.state == "new":
        raise NotFound(
            f"Service {service_id} is not known to the backend; was it created?",
            message_code="service_unknown",
            params={"service_id": service_id},
        )
    return record


def lock_expiry(now: float, seconds: float | None = None) -> float:
    """When a lock taken now lapses: at the holder's deadline, never later than ``seconds``."""
    limit = now + (LOCK_SECONDS if seconds is None else seconds)
    deadline = invocation.deadline()
    return limit if deadline is None else min(limit, deadline + LOCK_CLOCK_SLACK_SECONDS)


def acquire_lock(
    service_id: str,
    action: str,
    owner: str,
    seconds: float | None = None,
    *,
    wait_seconds: float = 0.0,
    known: bool = False,
    kind: str | None = None,
) -> ServiceRecord:
    """Takes the service's action lock (creating the row if needed) or raises ServiceBusy,
    after waiting up to ``wait_seconds`` for the holder to finish: in a WHMCS request, only as
    long as still leaves time for a slow Contabo call after it (the wait is part of the budget).

    With ``known``, only a service that was ordered is locked, in the same conditional
    UpdateItem (no read before it): an unknown one is NotFound and gets no row. With ``kind``,
    only a known service of that product; another product's raises OtherProduct. Neither
    takes the lock."""
    give_up_at = time.monotonic() + invocation.time_to_wait(wait_seconds)
    while True:
        try:
            return _try_lock(service_id, action, owner, seconds, known or kind is not None, kind)
        except ServiceBusy:
            if time.monotonic() + _WAIT_STEP_SECONDS > give_up_at:
                raise
            time.sleep(_WAIT_STEP_SECONDS)


def _try_lock(
    service_id: str,
    action: str,
    owner: str,
    seconds: float | None,
    known: bool,
    kind: str | None,
) -> ServiceRecord:
    for attempt in range(2):
        now = time.time()
        record = ServiceRecord(service_id=service_id)
        condition = ServiceRecord.lock_owner.does_not_exist() | (
            ServiceRecord.lock_expires_at < now
        )
        if known:
            condition &= _known(kind)
        taken = _conditional_update(
            record,
            [
                ServiceRecord.lock_owner.set(owner),
                ServiceRecord.lock_action.set(action),
                ServiceRecord.lock_expires_at.set(lock_expiry(now, seconds)),
                ServiceRecord.state.set(ServiceRecord.state | "new"),
            ],
            condition,
        )
        if taken:
            setattr(record, _FENCE, owner)
            return record
        holder = get(service_id)
        if known:
            require_known(service_id, holder)
            if kind is not None and holder and holder.kind != kind:
                raise OtherProduct(holder.kind)
        if attempt == 0 and holder is not None and not _lock_held(holder):
            continue  # its holder released it between our write and the read: take it now
        running = holder.lock_action if holder else None
        raise ServiceBusy(
            f"Another action ({running}) is running on this service; try again in a few seconds."
            if running
            else "Another action is running on this service; try again in a few seconds.",
            details={
                "running_action": running,
                "lock_expires_at": holder.lock_expires_at if holder else None,
            },
            message_code="service_busy",
        )
    raise AssertionError("unreachable")  # the second attempt returns or raises


def _lock_held(record: ServiceRecord) -> bool:
    return record.lock_owner is not None and (record.lock_expires_at or 0) >= time.time()


def _known(kind: str | None) -> Condition:
    """A row that was ordered (see require_known), as a service of product ``kind`` if given;
    a row without a kind reads as the attribute's default (servers)."""
    known = ServiceRecord.state.exists() & (ServiceRecord.state != "new")
    if kind is None:
        return known
    of_kind = ServiceRecord.kind == kind
    if kind == ServiceRecord.kind.default:
        of_kind |= ServiceRecord.kind.does_not_exist()
    return known & of_kind


def _conditional_update(record: ServiceRecord, actions: list[Any], condition: Condition) -> bool:
    """False when the condition failed; the database being unreachable is said as such."""
    try:
        record.update(actions=actions, condition=condition)
    except UpdateError as error:
        if not _conditional_failed(error):
            raise UpstreamUnavailable(
                "The service database is not reachable; try again.",
                message_code="database_unreachable",
            ) from error
        return False
    return True


def release_lock(service_id: str, owner: str, record: ServiceRecord | None = None) -> None:
    if record is not None and getattr(record, _RELEASED, None) == owner:
        setattr(record, _RELEASED, None)  # its last write released it (update(release=True))
        return
    if record is not None and getattr(record, _FENCE, None) == owner:
        setattr(record, _FENCE, None)  # later writes to it are no longer made under the lock
    try:
        ServiceRecord(service_id=service_id).update(
            actions=_unlocking(), condition=ServiceRecord.lock_owner == owner
        )
    except UpdateError as error:
        if not _conditional_failed(error):
            raise
        # The lock expired and someone else took it: theirs now, nothing to release.


def _unlocking() -> list[Any]:
    return [
        ServiceRecord.lock_owner.remove(),
        ServiceRecord.lock_action.remove(),
        ServiceRecord.lock_expires_at.remove(),
    ]


def insert(record: ServiceRecord) -> bool:
    """Saves a new row; False when a row with its id exists already (one writer wins)."""
    try:
        record.save(condition=ServiceRecord.service_id.does_not_exist())
    except PutError as error:
        if _conditional_failed(error):
            return False
        raise UpstreamUnavailable(
            "The service database is not reachable; try again.", message_code="database_unreachable"
        ) from error
    return True


def update(
    record: ServiceRecord,
    *,
    condition: Condition | None = None,
    details: dict[str, Any] | None = None,
    release: bool = False,
    **fields: Any,
) -> bool:
    """Sets fields (and merges details) on a service row; False if the condition failed.
    A field set to None is removed.

    Either way ``record`` afterwards holds the row as stored: UpdateItem returns it on success,
    and on a failed condition it is read again, so callers never refresh by hand. A record read
    under the lock is written only while that lock is still its holder's (else LockLost).

    ``release``: the action's last write also releases its lock, in the same conditional
    UpdateItem (one round trip less); the action's own release_lock is then skipped, and any
    further write before it is refused (it would no longer be made under the lock)."""
    if getattr(record, _RELEASED, None):
        raise RuntimeError("the service row was written after its action released the lock")
    actions = [
        getattr(ServiceRecord, name).remove()
        if value is None
        else getattr(ServiceRecord, name).set(value)
        for name, value in fields.items()
    ]
    if details:
        merged = {**(record.details or {}), **details}
        actions.append(ServiceRecord.details.set(merged))
    actions.append(ServiceRecord.updated_at.set(datetime.now(UTC)))
    fence = getattr(record, _FENCE, None)
    if fence:
        held = ServiceRecord.lock_owner == fence
        condition = held if condition is None else condition & held
    if release:
        if not fence:
            raise RuntimeError("only a record read under the lock can release it")
        actions += _unlocking()
    try:
        record.update(actions=actions, condition=condition)
    except UpdateError as error:
        if _conditional_failed(error):
            record.refresh(consistent_read=True)
            if fence and record.lock_owner != fence:
                setattr(record, _FENCE, None)
                raise LockLost(
                    "This action ran past its time and another action took the service over; "
                    "nothing more was changed. Look at the service's status.",
                    message_code="lock_lost",
                    details={"running_action": record.lock_action},
                ) from None
            return False
        raise UpstreamUnavailable(
            "The service database is not reachable; try again.", message_code="database_unreachable"
        ) from error
    if release:
        setattr(record, _FENCE, None)
        setattr(record, _RELEASED, fence)
    return True


def record_billing_action(
    service_id: str, action: str, request: dict[str, Any], actor: str
) -> ServiceRecord | None:
    """Records a billing action to apply once the service's lock is free, without the lock
    (its holder's writes leave these attributes alone). A terminate already recorded is never
    replaced by a suspend. None when the service is not known (or already terminated)."""
    record = ServiceRecord(service_id=service_id)
    known = ServiceRecord.state.exists() & (ServiceRecord.state != "new")
    condition = known & (ServiceRecord.state != "terminated")
    if action != "terminate":
        condition &= ServiceRecord.billing_action.does_not_exist() | (
            ServiceRecord.billing_action != "terminate"
        )
    recorded = _conditional_update(
        record,
        [
            ServiceRecord.billing_action.set(action),
            ServiceRecord.billing_request.set(
                {**request, "actor": actor, "requested_at": time.time()}
            ),
        ],
        condition,
    )
    return record if recorded else get(service_id)


def many(service_ids: list[str]) -> list[ServiceRecord]:
    """Service rows by id in batched reads (100 keys each); ids without a row are left out."""
    try:
        return list(ServiceRecord.batch_get(service_ids, consistent_read=True))
    except PynamoDBException as error:
        raise UpstreamUnavailable(
            "The service database is not reachable; try again.", message_code="database_unreachable"
        ) from error


def in_state(state: str) -> Iterator[ServiceRecord]:
    return ServiceRecord.by_state.query(state)


def active_of_client(installation: str, client_id: str) -> Iterator[ServiceRecord]:
    """The active services of WHMCS client ``client_id`` (its number in ``installation``) of
    that installation only: another installation's client with the same number is another
    customer (the state index, filtered by client and installation)."""
    return ServiceRecord.by_state.query(
        "active",
        filter_condition=(ServiceRecord.client_id == client_id) & _of_installation(installation),
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
    state: str | None,
    limit: int,
    cursor: dict[str, Any] | None,
    installation: str | None = None,
) -> tuple[list[ServiceRecord], dict[str, Any] | None]:
    """One page of services; with ``installation``, only that WHMCS installation's."""
    mine = _of_installation(installation) if installation else None
    if state:
        result = ServiceRecord.by_state.query(
            state, filter_condition=mine, limit=limit, last_evaluated_key=cursor
        )
    else:
        ordered = ServiceRecord.state != "new"
        result = ServiceRecord.scan(
            ordered & mine if mine is not None else ordered,
            limit=limit,
            last_evaluated_key=cursor,
        )
    items = list(result)
    return items, result.last_evaluated_key


def _of_installation(installation: str) -> Condition:
    """Rows of one installation by their key (domain/installations.py): the default
    installation's keys are bare WHMCS ids, every other's start with its name."""
    if installation == installations.DEFAULT_INSTALLATION:
        return ~ServiceRecord.service_id.contains(".")
    return ServiceRecord.service_id.startswith(installations.scoped_id(installation, ""))
