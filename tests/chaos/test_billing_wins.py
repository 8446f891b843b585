"""Suspend racing customer actions and Contabo's 429 bursts: WHMCS's SuspendAccount is never
refused (a refusal waits a day), and the suspension is applied in the end - the server
stopped and the service suspended - counted from the simulator, not the backend's word.

Each run: an active server, a customer's restart and WHMCS's suspend sent together, under one
of: nothing more, Contabo slow (the restart holds the lock), a 429 burst with a long
Retry-After, or a customer action stuck holding the lock until its invocation ends.
"""

from __future__ import annotations

import functools
import random
import time
from collections import Counter

import pytest

from contabo_reseller.adapters import job_queue, service_store
from contabo_reseller.adapters.tables import JobRecord
from contabo_reseller.services.jobs import action_queue
from tests.chaos.conftest import RUNS, active_services, lock_holder, record_figures
from tests.chaos.test_exactly_once import together

pytestmark = pytest.mark.slow

FAULTS = ("none", "slow_contabo", "throttle_burst", "stuck_customer_action")
SETTLE_SECONDS = 90


def test_suspend_is_never_refused_and_always_applied(stack, whmcs, sim):
    rng = random.Random(20261206)
    runs = max(RUNS, len(FAULTS))  # CHAOS_RUNS (200) races, every fault a quarter of them
    pool = [  # bought in batches the provisioning worker's runs finish
        sid
        for first in range(0, runs, 50)
        for sid in active_services(stack, whmcs, min(50, runs - first))
    ]
    faults = [FAULTS[n % len(FAULTS)] for n in range(runs)]  # every fault, evenly
    rng.shuffle(faults)
    tally: Counter[str] = Counter()
    problems: list[str] = []
    for run, (sid, fault) in enumerate(zip(pool, faults, strict=True)):
        tally["runs"] += 1
        tally[f"fault:{fault}"] += 1
        sim.post("/faults/reset")
        if fault == "slow_contabo":
            sim.post("/faults", json={"latency_ms": 1500})
        elif fault == "throttle_burst":
            sim.post("/faults", json={"throttle_next": 3, "retry_after_seconds": 30})
        elif fault == "stuck_customer_action":
            service_store.acquire_lock(sid, "restart", "customer:stuck", seconds=3)
        restart = functools.partial(whmcs.request, "POST", f"/services/{sid}/power/restart")
        suspend = functools.partial(
            whmcs.request, "POST", f"/services/{sid}/suspend", {"reason": "overdue"}
        )
        _, answer = together([restart, _after(0.3, suspend)])
        sim.post("/faults/reset")
        where = f"run {run} {fault} service {sid}"
        if answer.status_code != 200:
            tally["refused"] += 1
            problems.append(f"{where}: WHMCS got {answer.status_code} {answer.text[:200]}")
            continue
        if not answer.json().get("suspended"):
            problems.append(f"{where}: the answer does not lock the customer out")
        _settle(sid)
        stack.sim.state.clock.advance(30)  # Contabo shows a power action's end after ~10 s
        stack.sim.state.tick()
        instance_id = int(service_store.require(sid).resource_id)
        status = stack.sim.state.instances[instance_id]["status"]
        record = service_store.require(sid)
        if status not in ("stopped", "stopping") or not record.details.get("suspended"):
            tally["not_applied"] += 1
            problems.append(
                f"{where}: instance {status}, record {record.details.get('suspended')}, "
                + _where_it_stands(sid)
            )
    record_figures(
        f"billing wins, suspend racing a restart: runs {tally['runs']}, refused "
        f"{tally['refused']}, not applied {tally['not_applied']}",
        f"  faults: {dict(sorted((k[6:], v) for k, v in tally.items() if k[:6] == 'fault:'))}",
    )
    assert not problems, problems[:10]


def _after(seconds: float, call):  # type: ignore[no-untyped-def]
    def later():  # type: ignore[no-untyped-def]
        time.sleep(seconds)
        return call()

    return later


def _settle(sid: str) -> None:
    """Time passes: the lock of whatever held it ends, and the queued suspension is applied.
    A worker already running the job is left to finish: it may be sleeping out Contabo's
    Retry-After (at most 20 s, up to three times) while it holds the service."""
    deadline = time.monotonic() + SETTLE_SECONDS
    while time.monotonic() < deadline:
        record = service_store.require(sid)
        job = job_queue.get(f"billing_action-{sid}")
        pending = job is not None and job.status in ("queued", "running")
        if not pending and not record.billing_action and not lock_holder(sid):
            return
        if pending and job.status == "queued":
            job.update(actions=[JobRecord.run_after.set(0)])
            action_queue.work_one(job.job_id, 60_000)
        time.sleep(0.3)


def _where_it_stands(sid: str) -> str:
    record = service_store.require(sid)
    job = job_queue.get(f"billing_action-{sid}")
    state = f"{job.status} ({job.message or job.last_error})" if job else "none"
    return f"billing action {record.billing_action}, lock {lock_holder(sid)}, job {state}"
