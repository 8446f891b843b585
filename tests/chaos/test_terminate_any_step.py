"""Terminate at every step of provisioning, under the chaos suite's fault mix: WHMCS's
TerminateAccount is never refused, no purchase starts after it, and whatever a purchase
bought is cancelled exactly once - counted at the simulator (the ``ledger``).

Steps: right after the order (queued, the worker's wake-up racing), while the purchase is in
flight (Contabo slow, the worker holds the lock), after a purchase with a lost answer
(purchasing), after a purchase refused before its commit, while Contabo installs the server
(provisioning), and once it is active. Each run adds one fault of test_exactly_once's mix.
"""

from __future__ import annotations

import functools
import random
import time
from collections import Counter

import pytest

from contabo_reseller.adapters import job_queue, service_store
from contabo_reseller.adapters.tables import JobRecord, ServiceRecord
from contabo_reseller.domain.service import display_name_for
from contabo_reseller.services import provisioning
from contabo_reseller.services.jobs import action_queue
from tests.chaos.conftest import RUNS, ask, lock_holder, record_figures
from tests.chaos.test_exactly_once import apply_common_fault, plan, report, together
from tests.integration.lifecycle.test_create_and_provision import order
from tests.integration.object_storage.conftest import new_service_id

pytestmark = pytest.mark.slow

STEPS = (
    "queued",
    "purchase_in_flight",
    "purchase_answer_lost",
    "purchase_refused",
    "provisioning",
    "active",
)
FAULTS = ("none", "throttle_burst", "read_errors", "token_expired", "concurrent_requests")


def test_terminate_at_every_step_cancels_what_was_bought_exactly_once(stack, whmcs, sim, ledger):
    rng = random.Random(20261205)
    tally: Counter[str] = Counter()
    problems: list[str] = []
    steps = [STEPS[n % len(STEPS)] for n in range(max(RUNS, len(STEPS)))]
    for run, (step, fault) in enumerate(zip(steps, plan(rng, FAULTS), strict=False)):
        sid = new_service_id()
        tally["runs"] += 1
        tally[f"fault:{fault}"] += 1
        sim.post("/faults/reset")
        answers = _terminate_at(stack, whmcs, sim, sid, step, fault)
        sim.post("/faults/reset")
        if any(a.status_code != 200 for a in answers):
            tally["refused"] += 1
            problems.append(f"run {run} {step}/{fault}: {[a.text for a in answers]}")
        record = _settled(stack, sid)

        bought = ledger.bought("createInstance", display_name_for(sid))
        tally["purchases"] += bought
        instances = [
            i
            for i in stack.sim.state.instances.values()
            if i.get("displayName") == display_name_for(sid)
        ]
        where = f"run {run} {step}/{fault} service {sid}"
        if bought > 1 or len(instances) > 1:
            tally["double"] += 1
            problems.append(f"{where}: bought {bought} times")
        for instance in instances:
            cancelled = ledger.cancelled(instance["instanceId"])
            tally["cancellations"] += cancelled
            if cancelled != 1:
                tally["uncancelled" if cancelled == 0 else "cancelled_twice"] += 1
                problems.append(f"{where}: instance cancelled {cancelled} times")
        if record.state != "terminated" or lock_holder(sid):
            tally["stuck"] += 1
            problems.append(f"{where}: {record.state} {record.status_message}")
    report("terminate at every step of provisioning", tally, problems)
    record_figures(
        f"  terminate at every step: refused {tally['refused']}, uncancelled "
        f"{tally['uncancelled']}, cancelled twice {tally['cancelled_twice']}"
    )
    assert not problems


def _terminate_at(stack, whmcs, sim, sid: str, step: str, fault: str) -> list:
    # The order's own wake-up buys at once: a fault for its purchase is set before the order.
    if step == "purchase_in_flight":
        sim.post("/faults", json={"latency_ms": 700})
    elif step == "purchase_answer_lost":
        sim.post("/faults", json={"commit_then_fail": {"count": 1, "mode": "500"}})
    elif step == "purchase_refused":
        sim.post("/faults", json={"fail_before_commit": 1})
    created = whmcs.request("POST", f"/services/{sid}/create", order())
    assert created.status_code == 202, created.text
    if step == "purchase_in_flight":
        time.sleep(1.0)  # the woken worker is mid-purchase, holding the lock
    elif step != "queued":
        _wait_unlocked(sid)
        provisioning._advance_safely(sid)
        if step == "active":
            stack.sim.state.clock.advance(120)
            provisioning._advance_safely(sid)
    sim.post("/faults/reset")
    apply_common_fault(fault, sim)
    path = f"/services/{sid}/terminate"
    requests = 2 if fault == "concurrent_requests" else 1
    # WHMCS asks once; ``ask`` retries only what WHMCS's own retry would (5xx), never a 409.
    return together([functools.partial(ask, whmcs, "POST", path, {}, 1)] * requests)


def _wait_unlocked(sid: str) -> None:
    """The order's own wake-up runs first (it may buy at once, which these steps redo)."""
    for _ in range(100):
        if not lock_holder(sid):
            return
        time.sleep(0.1)


def _settled(stack, sid: str) -> ServiceRecord:
    """The worker and the queue run (time passing past Contabo's lag) until nothing moves."""
    record = service_store.require(sid)
    for _ in range(30):
        record = service_store.require(sid)
        if record.state == "terminated" and not record.billing_action and not lock_holder(sid):
            return record
        if record.state == "purchasing":  # past the lag Contabo's lists may have
            grace = time.time() - provisioning.RECONCILE_GRACE_SECONDS - 1
            service_store.update(record, details={"purchase_started_at": grace})
        stack.sim.state.clock.advance(120)
        provisioning._advance_safely(sid)
        job = job_queue.get(f"billing_action-{sid}")
        if job is not None and job.status in ("queued", "running"):
            job.update(actions=[JobRecord.run_after.set(0)])
            action_queue.work_one(job.job_id, 60_000)
        time.sleep(0.1)
    return record
