"""The running invocation's deadline: the moment Lambda ends it, whatever it is doing.

A lock taken by an invocation expires at that deadline (its holder is provably dead after it,
so the lock can be taken over at once), and WHMCS-facing work checks it to answer in time.
Set once per invocation by the resolver and the worker handlers (``running(context)``).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Protocol


class _HasRemainingTime(Protocol):
    def get_remaining_time_in_millis(self) -> int: ...


_deadline: ContextVar[float | None] = ContextVar("invocation_deadline", default=None)


@contextmanager
def running(context: _HasRemainingTime | None) -> Iterator[None]:
    """Records the deadline of the invocation ``context`` describes for the code run inside."""
    deadline = None
    remaining = getattr(context, "get_remaining_time_in_millis", None)
    if callable(remaining):
        deadline = time.time() + remaining() / 1000
    token = _deadline.set(deadline)
    try:
        yield
    finally:
        _deadline.reset(token)


def deadline() -> float | None:
    """When this invocation is ended (epoch seconds), or None outside a Lambda invocation."""
    return _deadline.get()


def seconds_left() -> float | None:
    end = _deadline.get()
    return None if end is None else end - time.time()
