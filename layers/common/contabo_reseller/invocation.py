"""The running invocation's deadline: the moment Lambda ends it, whatever it is doing.

A lock taken by an invocation expires at that deadline (its holder is provably dead after it,
so the lock can be taken over at once), and WHMCS-facing work checks it to answer in time.
Set once per invocation by the resolver and the worker handlers (``running(context)``).
"""

from __future__ import annotations

import contextvars
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Protocol

from contabo_reseller.domain.errors import OutOfTime

# What WHMCS waits for: a module call must be answered well inside 5 s (p99), whatever
# Contabo's latency; past this, work is queued or stopped with a clear answer.
WHMCS_BUDGET_SECONDS = 4.5
# How long a Contabo call is assumed to take before this invocation has timed one.
ASSUMED_CALL_SECONDS = 1.0
# The slowest Contabo answer the budget is made for (1-3 s per call): what a wait that is not
# a Contabo call (a service lock) leaves room for, so the call made after it still fits.
SLOW_CALL_SECONDS = 3.0


class _HasRemainingTime(Protocol):
    def get_remaining_time_in_millis(self) -> int: ...


@dataclass
class _Budget:
    ends_at: float  # monotonic
    slowest_call: float = 0.0


_deadline: ContextVar[float | None] = ContextVar("invocation_deadline", default=None)
_budget: ContextVar[_Budget | None] = ContextVar("whmcs_budget", default=None)


@contextmanager
def running(
    context: _HasRemainingTime | None, budget_seconds: float | None = None
) -> Iterator[None]:
    """Records the deadline of the invocation ``context`` describes for the code run inside,
    and (for WHMCS-facing requests) the time budget its answer must fit in."""
    deadline = None
    remaining = getattr(context, "get_remaining_time_in_millis", None)
    if callable(remaining):
        deadline = time.time() + remaining() / 1000
    token = _deadline.set(deadline)
    budget = _Budget(time.monotonic() + budget_seconds) if budget_seconds else None
    budget_token = _budget.set(budget)
    try:
        yield
    finally:
        _budget.reset(budget_token)
        _deadline.reset(token)


def budget_left() -> float | None:
    """Seconds left of the WHMCS budget, or None when nobody is waiting (workers, jobs)."""
    budget = _budget.get()
    return None if budget is None else budget.ends_at - time.monotonic()


def require_time_for_call(extra_seconds: float = 0.0) -> None:
    """Raises OutOfTime unless a Contabo call (as slow as the slowest one so far, plus
    ``extra_seconds`` of waiting) still fits in the WHMCS budget."""
    budget = _budget.get()
    if budget is None:
        return
    needed = max(budget.slowest_call, ASSUMED_CALL_SECONDS) + extra_seconds
    if time.monotonic() + needed > budget.ends_at:
        raise OutOfTime(f"{needed:.1f} s needed, {budget.ends_at - time.monotonic():.1f} s left")


def time_to_wait(wanted: float) -> float:
    """How long of ``wanted`` seconds a request may wait (for a service lock held by another
    invocation) and still make one slow Contabo call within the WHMCS budget after it."""
    budget = _budget.get()
    if budget is None:
        return wanted
    reserve = max(budget.slowest_call, SLOW_CALL_SECONDS)
    return max(0.0, min(wanted, budget.ends_at - time.monotonic() - reserve))


def slowest_call() -> float:
    """The slowest Contabo call of this WHMCS request so far (0 outside one)."""
    budget = _budget.get()
    return budget.slowest_call if budget is not None else 0.0


def note_call(seconds: float) -> None:
    """One Contabo call took ``seconds``: later calls are expected to be as slow."""
    budget = _budget.get()
    if budget is not None:
        budget.slowest_call = max(budget.slowest_call, seconds)


def concurrently(*calls: Callable[[], Any]) -> list[Any]:
    """Runs independent round trips of this invocation at once, each in a copy of its context
    (deadline, WHMCS budget), and returns their results in order. Every call ends before the
    first failure (in call order) is raised, so none is left running unseen."""
    if len(calls) < 2:
        return [call() for call in calls]
    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        futures = [pool.submit(contextvars.copy_context().run, call) for call in calls]
    return [future.result() for future in futures]


def deadline() -> float | None:
    """When this invocation is ended (epoch seconds), or None outside a Lambda invocation."""
    return _deadline.get()


def seconds_left() -> float | None:
    end = _deadline.get()
    return None if end is None else end - time.time()
