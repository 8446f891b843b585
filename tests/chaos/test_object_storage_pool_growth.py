"""A region's object storage pool grows exactly once per need under the chaos suite's faults,
``CHAOS_RUNS`` (>= 200) runs.

One pool; every run a new customer orders 1 TB, which brings the quotas sold within the
admin's margin of the pool's size, so the backend must buy the pool up once (Contabo's
upgradeObjectStorage, a purchase without an idempotency key) while one fault, drawn at random
(every fault at least once), meets it: the resize committed but answered with a 500 or a
dropped connection, a 500 before the commit, a 429 burst, 5xx on the lists and audits
reconciliation relies on, the function dying between the purchase and its record, two orders
or two workers at once. The fault loop, its faults and its report are the exactly-once
suite's (imported, not copied). What Contabo really did is counted at the simulator (the
``ledger``).

Tally: runs, runs with a fault, growth purchases, double purchases, missed growth (the pool
not at the size the quotas need), stuck (the order not active, the growth never settled).
"""

from __future__ import annotations

import functools
import random
import time
from collections import Counter

import pytest

from contabo_reseller.adapters import service_store
from contabo_reseller.adapters.object_storage import pool_claims
from contabo_reseller.domain.object_storage.pool import PoolSettings, pool_growth
from contabo_reseller.services import provisioning
from contabo_reseller.services.object_storage import tenancy
from contabo_reseller.services.object_storage.pool import allocated_tb, pool_service_id
from tests.chaos.conftest import RUNS, lock_holder
from tests.chaos.test_exactly_once import (  # noqa: F401 (quick_contabo_retries: a fixture)
    plan,
    quick_contabo_retries,
    report,
    together,
)
from tests.integration.object_storage import test_exactly_once_under_faults as storage_faults
from tests.integration.object_storage.conftest import (
    clear_account,
    new_service_id,
    settle,
    settle_leftovers,
    sim_state,
    storage_order,
)

pytestmark = pytest.mark.slow

REGION = "EU"
SETTINGS = PoolSettings(growth_margin_tb=0.5, growth_cap_tb=1000)


@pytest.fixture
def growing_pool(stack, whmcs, sim):
    """One pool in REGION with its first customer, grown to what that customer needs."""
    settle_leftovers(stack)
    clear_account(stack)
    tenancy.save_settings(SETTINGS)
    sid = new_service_id()
    assert whmcs.request("POST", f"/services/{sid}/object-storage", _order()).status_code == 202
    settle(stack, whmcs, sid, "provisioning")
    sim.post("/clock/advance", json={"seconds": 120})
    settle(stack, whmcs, sid, "active")
    _settle_growth(sim)
    yield service_store.require(pool_service_id(REGION)).resource_id
    tenancy.save_settings(PoolSettings())
    settle_leftovers(stack)
    clear_account(stack)


def test_the_pool_grows_exactly_once_per_need_under_random_faults(
    stack, whmcs, sim, ledger, growing_pool, monkeypatch
):
    storage_id = growing_pool
    rng = random.Random(20261205)
    tally: Counter[str] = Counter()
    problems: list[str] = []
    for run, fault in enumerate(plan(rng, storage_faults.FAULTS)):
        tally["runs"] += 1
        tally[f"fault:{fault}"] += 1
        size_before = _pool_size(stack, storage_id)
        bought_before = ledger.bought("upgradeObjectStorage", storage_id)
        sid = new_service_id()
        path = f"/services/{sid}/object-storage"
        sim.post("/faults/reset")
        with monkeypatch.context() as patch:
            storage_faults._apply_fault(fault, sim, patch)
            requests = 2 if fault == "concurrent_requests" else 1
            together(
                [functools.partial(storage_faults._ask, whmcs, "POST", path, _order())] * requests
            )
            workers = 2 if fault == "concurrent_workers" else 1
            for _ in range(3):
                storage_faults._advance(sid, workers)
                storage_faults._advance(pool_service_id(REGION), workers)
        sim.post("/faults/reset")
        state = _finish_order(whmcs, sim, sid)
        settled = _settle_growth(sim)

        bought = ledger.bought("upgradeObjectStorage", storage_id) - bought_before
        tally["purchases"] += bought
        size = _pool_size(stack, storage_id)
        needed = pool_growth(size_before, allocated_tb(REGION), SETTINGS)
        where = f"run {run} {fault} service {sid}"
        if bought > 1:
            tally["double"] += 1
            problems.append(f"{where}: the pool was bought up {bought} times")
        if bought != 1 or needed is None or size != needed:
            tally["unlinked"] += 1
            problems.append(f"{where}: bought {bought}, size {size_before} -> {size} ({needed})")
        if state != "active" or not settled or lock_holder(sid):
            tally["stuck"] += 1
            problems.append(f"{where}: {state}, growth settled {settled}, lock {lock_holder(sid)}")
    report("object storage pool growth", tally, problems)
    assert tally["runs"] >= RUNS
    assert not problems


def _order() -> dict:
    return storage_order(region=REGION, size_tb=1)


def _pool_size(stack, storage_id: str) -> float:
    return float(sim_state(stack).object_storages[storage_id]["totalPurchasedSpaceTB"])


def _finish_order(whmcs, sim, sid: str) -> str:
    """After the faults: the order reaches active without anyone's help but time."""
    state = ""
    for _ in range(40):
        state = whmcs.request("GET", f"/services/{sid}").json().get("state", "")
        if state == "active":
            return state
        if state == "provisioning":
            sim.post("/clock/advance", json={"seconds": 120})
        if provisioning._advance_safely(sid) == "busy":
            time.sleep(0.25)  # a worker woken during the faults is still backing off
    return state


def _settle_growth(sim) -> bool:
    """The pool row's queued growth is bought and recorded (or none is pending)."""
    pool_id = pool_service_id(REGION)
    for _ in range(40):
        record = service_store.require(pool_id)
        if not record.details.get("resize") and pool_id not in pool_claims.pending_resizes():
            return True
        sim.post("/clock/advance", json={"seconds": 120})
        if provisioning._advance_safely(pool_id) == "busy":
            time.sleep(0.25)
    return False
