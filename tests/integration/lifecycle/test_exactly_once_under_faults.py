"""Create under random faults, 200 times: exactly one instance per service, every one linked.

Faults: commit-then-fail (500 and dropped connection), failure before commit, 429 bursts,
5xx on reads, a crash between purchase and record, and concurrent duplicates (two Creates,
two workers at once). The order's own async wake-up of the worker adds real concurrency.
"""

from __future__ import annotations

import contextlib
import functools
import random
from collections import Counter

import pytest

from contabo_reseller.domain.errors import ServiceBusy
from contabo_reseller.domain.service import display_name_for
from contabo_reseller.services import provisioning
from tests.integration.lifecycle.test_create_and_provision import order
from tests.simulator_faults import PURCHASE_FAULTS, apply_common_fault, together

RUNS = 200
FAULTS = (
    *PURCHASE_FAULTS,
    "read_errors",
    "crash_after_purchase",
    "concurrent_creates",
    "concurrent_workers",
)


def _advance(service_id: str) -> None:
    with contextlib.suppress(ServiceBusy):
        provisioning.advance(service_id)


def _apply_fault(fault: str, sim, monkeypatch) -> None:
    apply_common_fault(fault, sim, {"retrieveInstancesList": 0.5})
    if fault == "crash_after_purchase":
        real_link = provisioning._link
        crashed = []

        def crash_once(record, instance_id):
            if not crashed:
                crashed.append(instance_id)
                raise RuntimeError("Lambda killed between purchase and record")
            real_link(record, instance_id)

        monkeypatch.setattr(provisioning, "_link", crash_once)


@pytest.mark.slow
def test_create_buys_exactly_once_per_service_under_random_faults(stack, whmcs, sim, monkeypatch):
    monkeypatch.setattr(provisioning, "RECONCILE_GRACE_SECONDS", 0)
    rng = random.Random(20261122)
    tally: Counter[str] = Counter()
    service_ids = []
    for run in range(RUNS):
        service_id = str(500_000 + run)
        service_ids.append(service_id)
        fault = rng.choice(FAULTS)
        tally[fault] += 1
        sim.post("/faults/reset")
        with monkeypatch.context() as patch:
            _apply_fault(fault, sim, patch)
            path = f"/services/{service_id}/create"
            creates = 2 if fault == "concurrent_creates" else 1
            together([functools.partial(whmcs.request, "POST", path, order())] * creates)
            workers = 2 if fault == "concurrent_workers" else 1
            for _ in range(5):
                together([functools.partial(_advance, service_id)] * workers)
        sim.post("/faults/reset")
        for _ in range(5):  # after the faults: nothing may be stuck without a way forward
            view = whmcs.request("GET", f"/services/{service_id}").json()
            if view.get("state") == "provisioning":
                break
            _advance(service_id)

    instances = sim.get("/state").json()["instances"]
    per_name = Counter(i["displayName"] for i in instances)
    doubles = {
        sid: per_name[display_name_for(sid)]
        for sid in service_ids
        if per_name[display_name_for(sid)] != 1
    }
    views = {sid: whmcs.request("GET", f"/services/{sid}").json() for sid in service_ids}
    unlinked = [sid for sid, v in views.items() if not v.get("instance_id")]
    mislinked = [
        sid
        for sid, v in views.items()
        if v.get("instance_id")
        and next(i for i in instances if i["instanceId"] == v["instance_id"])["displayName"]
        != display_name_for(sid)
    ]
    print(f"\nexactly-once tally over {RUNS} runs: {dict(sorted(tally.items()))}")
    print(
        f"instances per service != 1: {len(doubles)}; unlinked: {len(unlinked)}; "
        f"mislinked: {len(mislinked)}"
    )
    assert not doubles, doubles
    assert not unlinked, {sid: views[sid] for sid in unlinked}
    assert not mislinked
