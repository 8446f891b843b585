"""The fault-loop scaffolding the exactly-once chaos suites share: the fault plan, the faults
every purchase meets at the simulator, requests sent at once, a function dying right after
Contabo answered, quick retries, and the tally's report."""

from __future__ import annotations

import random
import threading
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

from contabo_reseller.adapters.contabo.client import get_contabo_client
from contabo_reseller.adapters.contabo.transport import Backoff
from contabo_reseller.services import action_queue, provisioning
from tests.chaos.conftest import RUNS, record_figures

# The faults every purchase meets, in this order (plans are drawn from the tuple, so its order
# keeps a seed's plan the same); each suite adds its own after them.
PURCHASE_FAULTS = (
    "none",
    "commit_then_fail_500",
    "commit_then_fail_drop",
    "fail_before_commit",
    "throttle_burst",
)


@pytest.fixture(autouse=True)
def quick_contabo_retries(monkeypatch):
    """Contabo retries happen at once (their waits are not what is tested here), and what a
    reconcile or a cleanup job would wait for has passed by the next run."""
    monkeypatch.setattr(get_contabo_client()._transport, "backoff", Backoff(base_seconds=0.01))
    monkeypatch.setattr(provisioning, "RECONCILE_GRACE_SECONDS", 0)
    monkeypatch.setattr(action_queue, "BACKOFF_BASE_SECONDS", 0)


def plan(rng: random.Random, faults: tuple[str, ...]) -> list[str]:
    """Every fault at least once, the rest of the runs drawn at random."""
    drawn = list(faults) + [rng.choice(faults) for _ in range(RUNS - len(faults))]
    rng.shuffle(drawn)
    return drawn


def together(calls: list[Callable[[], Any]]) -> list[Any]:
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


def apply_common_fault(fault: str, sim, read_error_rates: dict[str, float] | None = None) -> None:
    """Arms ``fault`` at the simulator; ``read_error_rates``: the reads the action relies on
    (by default the instance look-up)."""
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


def report(operation: str, tally: Counter[str], problems: list[str]) -> None:
    faults = {k.partition(":")[2]: v for k, v in tally.items() if k.startswith("fault:")}
    record_figures(
        f"exactly-once, {operation}: runs {tally['runs']}, with a fault "
        f"{tally['runs'] - faults.get('none', 0)}, purchases {tally['purchases']}, double "
        f"purchases {tally['double']}, unlinked {tally['unlinked']}, stuck {tally['stuck']}, "
        f"cancellations {tally['cancellations']}",
        f"  faults: {dict(sorted(faults.items()))}",
    )
    for problem in problems[:20]:
        print("  problem:", problem)
