"""The fault-loop scaffolding the exactly-once chaos suites share: the fault plan, quick
retries, and the tally's report (the faults themselves: tests/simulator_faults.py)."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from contabo_reseller.adapters.contabo.client import get_contabo_client
from contabo_reseller.adapters.contabo.transport import Backoff
from contabo_reseller.services import provisioning
from contabo_reseller.services.jobs import action_queue
from tests.chaos.conftest import RUNS, record_figures


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
