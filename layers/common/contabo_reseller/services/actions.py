"""Runs one lifecycle action on one service: the lock, the trace id, the audit row.

Every mutating use case goes through ``service_action`` so that two conflicting actions on a
service never interleave and every action leaves exactly one audit row with its outcome.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from contabo_reseller import metrics
from contabo_reseller.adapters import audit_log, service_store
from contabo_reseller.adapters.tables import ServiceRecord
from contabo_reseller.domain.errors import DomainError
from contabo_reseller.observability import logger

ACTION_LOG_KEYS = ("service_id", "action", "trace_id")  # on every log line during an action


@dataclass
class ActionContext:
    service_id: str
    action: str
    actor: str
    trace_id: str
    record: ServiceRecord
    message: str = ""


@contextmanager
def service_action(
    service_id: str,
    action: str,
    actor: str,
    *,
    wait_seconds: float = 0.0,
    known: bool = False,
    kind: str | None = None,
) -> Iterator[ActionContext]:
    """The service's lock (waiting up to ``wait_seconds`` for it) around one action; the
    record it yields is fenced: written only while this action still holds the lock. With
    ``known``/``kind``, only a known service (of that product): service_store.acquire_lock."""
    trace_id = str(uuid.uuid4())
    owner = f"{action}:{trace_id}"
    started = time.monotonic()
    record = service_store.acquire_lock(
        service_id, action, owner, wait_seconds=wait_seconds, known=known, kind=kind
    )
    outcome, message = "ok", ""
    try:
        context = ActionContext(service_id, action, actor, trace_id, record)
        logger.append_keys(service_id=service_id, action=action, trace_id=trace_id)
        yield context
        message = context.message
    except DomainError as error:
        outcome, message = "refused", error.message
        metrics.record_lifecycle_error(action, error)
        raise
    except Exception as error:
        outcome, message = "error", "unexpected error"
        metrics.record_lifecycle_error(action, error)
        raise
    finally:
        metrics.record_lifecycle_call(action)
        service_store.release_lock(service_id, owner, record)
        # Keys outlive the invocation in a warm container: later lines must not name this
        # service. An unexpected error keeps them for the caller's log of it (create_api()
        # clears them when the next request starts).
        if outcome != "error":
            logger.remove_keys(list(ACTION_LOG_KEYS))
        audit_log.record(
            kind="action",
            action=action,
            service_id=service_id,
            request_id=trace_id,
            trace_id=trace_id,
            outcome=outcome,
            actor=actor,
            message=message,
            duration_ms=round((time.monotonic() - started) * 1000),
        )
