"""Exactly-once under randomized faults, ``CHAOS_RUNS`` (>= 200) runs per operation: upgrade
(change-package add-ons, an upgrade purchase), object storage create (a purchase through the
worker) and terminate (a cancellation: it must happen once and never buy anything).

Each run meets one fault, drawn at random (every fault at least once): a purchase committed
but answered with a 500 or a dropped connection, a 500 before the commit, a 429 burst, 5xx on
the reads the action relies on, an expired Contabo token, the function dying right after
Contabo answered, two requests at once. WHMCS behaves as it does: a 5xx or 409 is asked again
a moment later (a fresh idempotency key), and once the fault is gone it asks again if it never
got its 200. What Contabo really did is counted at the simulator (the ``ledger``), not taken
from the backend.

Tally per operation: runs, runs with a fault, purchases, double purchases, unlinked (Contabo
and the service record disagree), stuck (no 200 in the end, a lock left held, cleanup never
finished).
"""

from __future__ import annotations

import functools
import random
import time
from collections import Counter
from typing import Any

import pytest

from contabo_reseller.adapters import job_queue, service_store
from contabo_reseller.adapters.contabo import gateway as contabo_gateway
from contabo_reseller.adapters.tables import JobRecord
from contabo_reseller.domain.service import display_name_for
from contabo_reseller.services import manage_service, provisioning
from contabo_reseller.services.jobs import action_queue
from contabo_reseller.services.object_storage.provisioning import pool_display_name
from tests.chaos.conftest import RUNS, active_services, ask, lock_holder
from tests.chaos.exactly_once_support import (
    plan,
    quick_contabo_retries,  # noqa: F401 (fixture)
    report,
)
from tests.integration.object_storage import test_exactly_once_under_faults as storage_faults
from tests.integration.object_storage.conftest import (
    clear_account,
    new_service_id,
    settle_leftovers,
    storage_order,
)
from tests.simulator_faults import (
    PURCHASE_FAULTS,
    apply_common_fault,
    crash_once_after,
    together,
)

pytestmark = pytest.mark.slow

ADDON_IDS = {"private_networking": 1477, "backup": 1470}  # the simulator's, as Contabo's
ADD_ON_CHOICES = (
    {"backup": True},
    {"private_networking": True},
    {"backup": True, "private_networking": True},
)
UPGRADE_FAULTS = (
    *PURCHASE_FAULTS,
    "read_errors",
    "token_expired",
    "crash_after_purchase",
    "concurrent_requests",
)
TERMINATE_FAULTS = (
    "none",
    "read_errors",
    "cancel_errors",
    "stop_errors",
    "cleanup_errors",
    "throttle_burst",
    "token_expired",
    "crash_after_cancel",
    "concurrent_requests",
)


@pytest.fixture(scope="module")
def pool(stack, whmcs, ledger) -> list[str]:
    """One active server per run: upgraded by the upgrade runs, then terminated by theirs."""
    return active_services(stack, whmcs, RUNS)


def _settle_window_passes(sid: str) -> None:
    """A retry inside an unknown upgrade's settle window is queued ("being confirmed"): time
    passes beyond the window and the queued job applies it."""
    record = service_store.get(sid)
    pending = (record.details or {}).get("upgrade_pending") if record else None
    job = job_queue.get(f"{manage_service.UPGRADE_JOB}-{sid}")
    if not pending or job is None or job.status not in ("queued", "running"):
        return
    pending = {**pending, "started_at": pending.get("started_at", 0) - 10_000}
    service_store.update(record, details={"upgrade_pending": pending})
    job.update(actions=[JobRecord.run_after.set(0), JobRecord.status.set("queued")])
    action_queue.work_one(job.job_id, 60_000)


def test_upgrade_is_bought_exactly_once_under_random_faults(
    stack, whmcs, sim, pool, ledger, monkeypatch
):
    rng = random.Random(20261201)
    tally: Counter[str] = Counter()
    problems: list[str] = []
    for run, (sid, fault) in enumerate(zip(pool, plan(rng, UPGRADE_FAULTS), strict=True)):
        tally["runs"] += 1
        tally[f"fault:{fault}"] += 1
        instance_id = service_store.get(sid).resource_id
        wanted = rng.choice(ADD_ON_CHOICES)
        path, body = f"/services/{sid}/change-package", {"add_ons": wanted}
        bought_before = ledger.bought("upgradeInstance", instance_id)
        sim.post("/faults/reset")
        with monkeypatch.context() as patch:
            apply_common_fault(fault, sim)
            if fault == "crash_after_purchase":
                crash_once_after(patch, contabo_gateway.ClientGateway, "upgrade_instance")
            requests = 2 if fault == "concurrent_requests" else 1
            answers = together([functools.partial(ask, whmcs, "POST", path, body)] * requests)
        sim.post("/faults/reset")
        if any(a.status_code != 200 for a in answers):  # WHMCS asks again, the fault gone
            answers.append(ask(whmcs, "POST", path, body))
        _settle_window_passes(sid)

        bought = ledger.bought("upgradeInstance", instance_id) - bought_before
        tally["purchases"] += bought
        record = service_store.get(sid)
        details = record.details or {}
        has = {a["id"] for a in stack.sim.state.instances[int(instance_id)]["addOns"]}
        recorded = details.get("add_ons") or {}
        where = f"run {run} {fault} service {sid}"
        if bought > 1:
            tally["double"] += 1
            problems.append(f"{where}: upgrade bought {bought} times")
        if (
            bought != 1
            or not all(ADDON_IDS[name] in has for name in wanted)
            or not all(recorded.get(name) for name in wanted)
            or details.get("upgrade_pending")
        ):
            tally["unlinked"] += 1
            pending = details.get("upgrade_pending")
            problems.append(f"{where}: bought {bought}, Contabo {has}, record {recorded} {pending}")
        if answers[-1].status_code != 200 or lock_holder(sid):
            tally["stuck"] += 1
            problems.append(f"{where}: last answer {answers[-1].text}, lock {lock_holder(sid)}")
    report("upgrade (change-package add-ons)", tally, problems)
    assert tally["runs"] >= RUNS
    assert not problems


def test_object_storage_is_bought_exactly_once_under_random_faults(
    stack, whmcs, sim, ledger, monkeypatch
):
    """The object storage faults of tests/integration/object_storage, on creates only and at
    the chaos suite's run count."""
    rng = random.Random(20261202)
    tally: Counter[str] = Counter()
    problems: list[str] = []
    for run, fault in enumerate(plan(rng, storage_faults.FAULTS)):
        tally["runs"] += 1
        tally[f"fault:{fault}"] += 1
        region = storage_faults.REGIONS[run % len(storage_faults.REGIONS)]
        sid = new_service_id()
        settle_leftovers(stack)
        clear_account(stack)
        sim.post("/faults/reset")
        path, body = f"/services/{sid}/object-storage", storage_order(region=region)
        # A region's pool is named for the region: earlier runs bought under the same name.
        bought_before = ledger.bought("createObjectStorage", pool_display_name(region))
        with monkeypatch.context() as patch:
            storage_faults._apply_fault(fault, sim, patch)
            requests = 2 if fault == "concurrent_requests" else 1
            together([functools.partial(storage_faults._ask, whmcs, "POST", path, body)] * requests)
            for _ in range(4):
                storage_faults._advance(sid, 2 if fault == "concurrent_workers" else 1)
        sim.post("/faults/reset")
        view: dict[str, Any] = {}
        for _ in range(40):  # after the faults: nothing may be stuck without a way forward
            view = whmcs.request("GET", f"/services/{sid}").json()
            if view.get("state") == "active":
                break
            if view.get("state") == "provisioning":  # bought late: let Contabo finish it
                sim.post("/clock/advance", json={"seconds": 120})
            if provisioning._advance_safely(sid) == "busy":
                time.sleep(0.25)  # a worker woken during the faults is still backing off

        storages = storage_faults._storages_of(stack, region)  # the region's pool
        bought = ledger.bought("createObjectStorage", pool_display_name(region)) - bought_before
        tally["purchases"] += bought
        shown = view.get("object_storage") or {}
        where = f"run {run} {fault} service {sid}"
        if bought > 1 or len(storages) > 1:
            tally["double"] += 1
            problems.append(f"{where}: bought {bought} times, {len(storages)} storages")
        if (
            bought != 1
            or len(storages) != 1
            or shown.get("object_storage_id") != storages[0]["objectStorageId"]
        ):
            tally["unlinked"] += 1
            problems.append(f"{where}: bought {bought}, storages {storages}, shown {shown}")
        if view.get("state") != "active" or lock_holder(sid):
            tally["stuck"] += 1
            problems.append(f"{where}: {view.get('state')} {view.get('status_message')}")
    clear_account(stack)
    report("object storage create", tally, problems)
    assert tally["runs"] >= RUNS
    assert not problems


def test_terminate_cancels_exactly_once_and_buys_nothing_under_random_faults(
    stack, whmcs, sim, pool, ledger, monkeypatch
):
    rng = random.Random(20261203)
    tally: Counter[str] = Counter()
    problems: list[str] = []
    for run, (sid, fault) in enumerate(zip(pool, plan(rng, TERMINATE_FAULTS), strict=True)):
        tally["runs"] += 1
        tally[f"fault:{fault}"] += 1
        instance_id = service_store.get(sid).resource_id
        path, body = f"/services/{sid}/terminate", {}
        purchases_before = sum(ledger.purchases.values())
        sim.post("/faults/reset")
        with monkeypatch.context() as patch:
            apply_common_fault(fault, sim)
            if fault == "cancel_errors":
                sim.post("/faults", json={"error_rates": {"cancelInstance": 0.7}})
            elif fault == "stop_errors":
                sim.post("/faults", json={"error_rates": {"stop": 1.0}})
            elif fault == "cleanup_errors":
                rates = {"deleteSecret": 1.0, "deleteAssignment": 1.0}
                sim.post("/faults", json={"error_rates": rates})
            elif fault == "crash_after_cancel":
                crash_once_after(patch, contabo_gateway.ClientGateway, "cancel_instance")
            requests = 2 if fault == "concurrent_requests" else 1
            answers = together([functools.partial(ask, whmcs, "POST", path, body)] * requests)
        sim.post("/faults/reset")
        if any(a.status_code != 200 for a in answers):  # WHMCS asks again, the fault gone
            answers.append(ask(whmcs, "POST", path, body))
        record = _after_cleanup(stack, sid)

        tally["purchases"] += sum(ledger.purchases.values()) - purchases_before
        cancelled = ledger.cancelled(instance_id)
        tally["cancellations"] += cancelled
        instance = stack.sim.state.instances[int(instance_id)]
        details = record.details or {}
        leftovers = [
            s["secretId"]
            for s in list(stack.sim.state.secrets.values())
            if s["name"].startswith(display_name_for(sid))
        ]
        where = f"run {run} {fault} service {sid}"
        if sum(ledger.purchases.values()) != purchases_before:
            tally["double"] += 1
            problems.append(f"{where}: terminate bought something")
        if (
            cancelled != 1
            or record.state != "terminated"
            or not instance["cancelDate"]
            or details.get("cancel_date") != instance["cancelDate"]
            or leftovers
        ):
            tally["unlinked"] += 1
            problems.append(
                f"{where}: cancelled {cancelled}x, {record.state}, Contabo "
                f"{instance['cancelDate']} vs {details.get('cancel_date')}, secrets {leftovers}"
            )
        if (
            answers[-1].status_code != 200
            or lock_holder(sid)
            or "cleanup pending" in (record.status_message or "")
        ):
            tally["stuck"] += 1
            problems.append(f"{where}: {answers[-1].text} / {record.status_message}")
    report("terminate (cancel)", tally, problems)
    assert tally["runs"] >= RUNS
    assert not problems


def _after_cleanup(stack, sid: str) -> Any:
    """A cleanup job queued during the faults runs (the action queue's next run) to the end."""
    record = service_store.get(sid)
    for _ in range(10):
        if "cleanup pending" not in (record.status_message or ""):
            return record
        stack.run_job("ActionQueueWorkerFunction")
        time.sleep(0.1)
        record = service_store.get(sid)
    return record
