"""The faults a test arms at the Contabo simulator, shared by the integration and chaos
exactly-once suites: the faults every purchase meets, arming one, requests sent at once, and
a function dying right after Contabo answered."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

# The faults every purchase meets, in this order (plans are drawn from the tuple, so its order
# keeps a seed's plan the same); each suite adds its own after them.
PURCHASE_FAULTS = (
    "none",
    "commit_then_fail_500",
    "commit_then_fail_drop",
    "fail_before_commit",
    "throttle_burst",
)


def apply_common_fault(fault: str, sim, read_error_rates: dict[str, float] | None = None) -> None:
    """Arms ``fault`` at the simulator; ``read_error_rates``: the reads the action relies on
    (by default the instance look-up). A fault of the suite's own is left to the suite."""
    if fault == "commit_then_fail_500":
        sim.post("/faults", json={"commit_then_fail": {"count": 1, "mode": "500"}})
    elif fault == "commit_then_fail_drop":
        sim.post("/faults", json={"commit_then_fail": {"count": 1, "mode": "drop"}})
    elif fault == "fail_before_commit":
        sim.post("/faults", json={"fail_before_commit": 1})
    elif fault == "throttle_burst":
        sim.post("/faults", json={"throttle_next": 2, "retry_after_seconds": 0})
    elif fault == "read_errors":
        rates = read_error_rates or {"retrieveInstance": 0.5}
        sim.post("/faults", json={"error_rates": rates})
    elif fault == "token_expired":
        sim.post("/tokens/expire")


def together(calls: list[Callable[[], Any]]) -> list[Any]:
    """Runs the calls at once, each in its own thread; their results in the calls' order."""
    results: list[Any] = [None] * len(calls)

    def run(index: int) -> None:
        results[index] = calls[index]()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def crash_once_after(patch, owner: Any, name: str) -> None:
    """The function dies right after Contabo answered ``name`` (before anything is recorded)."""
    real = getattr(owner, name)
    crashed: list[bool] = []

    def crash(*args: Any, **kwargs: Any) -> Any:
        result = real(*args, **kwargs)
        if not crashed:
            crashed.append(True)
            raise RuntimeError(f"Lambda killed right after {name}")
        return result

    patch.setattr(owner, name, crash)
