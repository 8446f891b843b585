"""A region's object storage pool bought under random faults: exactly one purchase, every
service that ordered linked to it. (A customer's resize is a quota change, nothing bought;
the purchase path of resizes is tested for first-design services in the unit tests.)

Faults: commit-then-fail (500 and dropped connection), failure before commit, 429 bursts,
5xx on the reads reconciliation relies on, a crash between purchase and record, concurrent
duplicates (two orders, two workers at once). The order's and the resize's own async wake-up
of the worker adds real concurrency.
"""

from __future__ import annotations

import functools
import random
import time
from collections import Counter

import pytest

from contabo_reseller.services import provisioning
from contabo_reseller.services.object_storage.provisioning import pool_display_name
from tests.integration.object_storage.conftest import (
    clear_account,
    new_service_id,
    settle,
    settle_leftovers,
    sim_state,
    storage_order,
)
from tests.simulator_faults import PURCHASE_FAULTS, apply_common_fault, together

RUNS = 40
FAULTS = (
    *PURCHASE_FAULTS,
    "read_errors",
    "crash_after_purchase",
    "concurrent_requests",
    "concurrent_workers",
)
OPERATIONS = ("create",)
REGIONS = ("EU", "US-central", "SIN")
# The reads reconciliation relies on.
READ_ERROR_RATES = {"retrieveObjectStorageList": 0.5, "retrieveObjectStorageAuditsList": 0.5}


def _apply_fault(fault: str, sim, patch) -> None:
    apply_common_fault(fault, sim, READ_ERROR_RATES)
    if fault == "crash_after_purchase":
        _crash_once_after_buying(patch)


def _crash_once_after_buying(patch) -> None:
    """The Lambda dies right after Contabo answered the purchase, before anything is recorded."""
    from contabo_reseller.services.object_storage import provisioning as storage_worker

    real_link, real_settle = provisioning._link, storage_worker._settle_resize
    crashed: list[str] = []

    def crash_link(record, resource_id):
        if not crashed:
            crashed.append("create")
            raise RuntimeError("Lambda killed between purchase and record")
        real_link(record, resource_id)

    def crash_settle(record, storage, failure):
        if not crashed and storage is not None:
            crashed.append("resize")
            raise RuntimeError("Lambda killed between resize and record")
        real_settle(record, storage, failure)

    patch.setattr(provisioning, "_link", crash_link)
    patch.setattr(storage_worker, "_settle_resize", crash_settle)


def _ask(whmcs, method: str, path: str, body: dict) -> int:
    """What WHMCS does on a 5xx/409 answer: ask again (with a fresh idempotency key)."""
    status = 0
    for _ in range(5):
        status = whmcs.request(method, path, body).status_code
        if status < 500 and status != 409:
            break
    return status


def _advance(service_id: str, workers: int) -> None:
    together([functools.partial(provisioning._advance_safely, service_id)] * workers)


def _storages_of(stack, region: str) -> list[dict]:
    return [
        s
        for s in sim_state(stack).object_storages.values()
        if s["displayName"] == pool_display_name(region)
    ]


def _size_purchases(stack, storage_id: str) -> int:
    """Contabo's own record of how often this storage's size was bought up."""
    return sum(
        1
        for entry in sim_state(stack).audits["objectStorages"]
        if entry["objectStorageId"] == storage_id
        and entry["action"] == "UPDATED"
        and (entry.get("changes") or {}).get("prev", {}).get("totalPurchasedSpaceTB")
        != (entry.get("changes") or {}).get("new", {}).get("totalPurchasedSpaceTB")
    )


@pytest.mark.slow
def test_a_regions_pool_is_bought_exactly_once_under_random_faults(stack, whmcs, sim, monkeypatch):
    monkeypatch.setattr(provisioning, "RECONCILE_GRACE_SECONDS", 0)
    rng = random.Random(20261122)
    tally: Counter[str] = Counter()
    problems: list[str] = []
    # Every fault meets both purchases at least once; the other runs are drawn at random.
    plan = [(operation, fault) for operation in OPERATIONS for fault in FAULTS]
    rng.shuffle(plan)
    plan += [(rng.choice(OPERATIONS), rng.choice(FAULTS)) for _ in range(RUNS - len(plan))]
    for run, (operation, fault) in enumerate(plan):
        tally[f"{operation}:{fault}"] += 1
        region = REGIONS[run % len(REGIONS)]
        sid = new_service_id()
        settle_leftovers(stack)
        clear_account(stack)
        sim.post("/faults/reset")
        workers = 2 if fault == "concurrent_workers" else 1
        if operation == "resize":  # bought cleanly first; the resize is what meets the fault
            order_path = f"/services/{sid}/object-storage"
            assert (
                whmcs.request("POST", order_path, storage_order(region=region)).status_code == 202
            )
            settle(stack, whmcs, sid, "provisioning")
            sim.post("/clock/advance", json={"seconds": 120})
            settle(stack, whmcs, sid, "active")
        with monkeypatch.context() as patch:
            _apply_fault(fault, sim, patch)
            if operation == "create":
                path, body = f"/services/{sid}/object-storage", storage_order(region=region)
            else:
                path, body = f"/services/{sid}/object-storage/resize", {"size_tb": 2}
            requests = 2 if fault == "concurrent_requests" else 1
            together([functools.partial(_ask, whmcs, "POST", path, body)] * requests)
            for _ in range(4):
                _advance(sid, workers)
        sim.post("/faults/reset")
        for _ in range(40):  # after the faults: nothing may be stuck without a way forward
            view = whmcs.request("GET", f"/services/{sid}").json()
            if view.get("state") == "active" and not view["object_storage"]["resize"]:
                break
            if view.get("state") == "provisioning":  # bought late: let Contabo finish it
                sim.post("/clock/advance", json={"seconds": 120})
            if provisioning._advance_safely(sid) == "busy":
                time.sleep(0.25)  # a worker woken during the faults is still backing off

        storages = _storages_of(stack, region)
        others = [s for s in sim_state(stack).object_storages.values() if s not in storages]
        shown = view.get("object_storage") or {}
        if len(storages) != 1 or others:
            problems.append(
                f"run {run} {operation}/{fault}: {len(storages)} bought, others {others}, "
                f"{view.get('status_message')} lock={view.get('lock')}"
            )
            continue
        storage = storages[0]
        if (
            view.get("state") != "active"
            or shown.get("object_storage_id") != (storage["objectStorageId"])
        ):
            problems.append(f"run {run} {operation}/{fault}: not linked: {view}")
        if operation == "resize":
            resized = _size_purchases(stack, storage["objectStorageId"])
            if resized != 1 or storage["totalPurchasedSpaceTB"] != 2 or shown.get("size_tb") != 2:
                problems.append(f"run {run} resize/{fault}: bought {resized}x, {storage}, {shown}")
    clear_account(stack)
    print(f"\nobject storage exactly-once tally over {RUNS} runs: {dict(sorted(tally.items()))}")
    print(f"runs with a double purchase, an unlinked storage or a wrong size: {len(problems)}")
    assert not problems, problems
