"""Load on the local stack (loopback only, bounded): many lifecycle calls at once across many
services, with two callers per service contending for its lock, while reads, refreshes and
the scheduled jobs run alongside. Nothing may be lost: every call ends in a 200 (WHMCS asks
again on a 409), every write it made is in the record and its audit row is there, and no
lock is left held.

Per service, one caller renews ``RENEWS`` times in a row (each with a new next due date) and
another suspends and unsuspends ``TOGGLES`` times; their order per caller is fixed, so the
record must end with the last renewal's date and unsuspended.
"""

from __future__ import annotations

import os
import random
import statistics
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta

import pytest

from contabo_reseller.adapters.tables import AuditEntry, ServiceRecord
from tests.chaos.conftest import active_services, record_figures

pytestmark = pytest.mark.slow

SERVICES = int(os.environ.get("CHAOS_LOAD_SERVICES", "24"))
CONCURRENCY = 16
RENEWS = 5
TOGGLES = 2  # suspend + unsuspend pairs
JOBS = ("StatusSyncFunction", "ProvisioningWorkerFunction", "UsageSyncFunction")


class Calls:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.statuses: Counter[int] = Counter()
        self.failed: list[str] = []
        self.ok: Counter[tuple[str, str]] = Counter()

    def call(self, whmcs, method: str, path: str, body=None, action: str = "") -> None:
        """One WHMCS call, asked again on a 409 or 5xx until it is answered (at most 30x)."""
        for _ in range(30):
            started = time.perf_counter()
            response = whmcs.request(method, path, body)
            with self.lock:
                self.latencies.append(time.perf_counter() - started)
                self.statuses[response.status_code] += 1
            if response.status_code == 200:
                if action:
                    with self.lock:
                        self.ok[(path.split("/")[2], action)] += 1
                return
            if response.status_code != 409 and response.status_code < 500:
                break
            time.sleep(random.uniform(0.05, 0.3))
        with self.lock:
            self.failed.append(f"{method} {path}: {response.status_code} {response.text[:600]}")


def test_concurrent_lifecycle_calls_lose_no_write_and_leave_no_lock(stack, whmcs):
    sids = active_services(stack, whmcs, SERVICES)
    calls = Calls()
    due = {
        sid: [date(2031, 1, 1) + timedelta(days=n * 7 + i) for i in range(RENEWS)]
        for n, sid in enumerate(sids)
    }

    def renewer(sid: str) -> None:
        for next_due in due[sid]:
            body = {"next_due_date": next_due.isoformat()}
            calls.call(whmcs, "POST", f"/services/{sid}/renew", body, "renew")

    def toggler(sid: str) -> None:
        for _ in range(TOGGLES):
            calls.call(whmcs, "POST", f"/services/{sid}/suspend", {"reason": "load"}, "suspend")
            calls.call(whmcs, "POST", f"/services/{sid}/unsuspend", {}, "unsuspend")

    done = threading.Event()
    readers = [threading.Thread(target=_reads, args=(stack, whmcs, sids, done)) for _ in range(2)]
    for reader in readers:
        reader.start()
    started = time.monotonic()
    work = [(renewer, sid) for sid in sids] + [(toggler, sid) for sid in sids]
    random.Random(7).shuffle(work)
    with ThreadPoolExecutor(max_workers=CONCURRENCY) as pool:
        for future in [pool.submit(task, sid) for task, sid in work]:
            future.result()
    elapsed = time.monotonic() - started
    done.set()
    for reader in readers:
        reader.join()

    lost, locks = [], []
    for sid in sids:
        record = ServiceRecord.get(sid, consistent_read=True)
        details = record.details or {}
        if details.get("next_due_date") != due[sid][-1].isoformat() or details.get("suspended"):
            lost.append(
                f"{sid}: {details.get('next_due_date')} suspended={details.get('suspended')}"
            )
        if record.lock_owner:
            locks.append(f"{sid}: {record.lock_owner}")
        audited = Counter(
            entry.action
            for entry in AuditEntry.query(sid, filter_condition=AuditEntry.kind == "action")
            if entry.outcome == "ok"
        )
        for action in ("renew", "suspend", "unsuspend"):
            if audited[action] != calls.ok[(sid, action)]:
                answered = calls.ok[(sid, action)]
                lost.append(f"{sid}: {audited[action]} {action} audit rows, {answered} answered")

    lifecycle = SERVICES * (RENEWS + 2 * TOGGLES)
    latencies = sorted(calls.latencies)
    record_figures(
        f"load: {lifecycle} lifecycle calls on {SERVICES} services, {CONCURRENCY} at once "
        f"(plus reads, refreshes and scheduled jobs), {elapsed:.1f} s; answers "
        f"{dict(sorted(calls.statuses.items()))}; p50 {statistics.median(latencies) * 1000:.0f} "
        f"ms, p99 {latencies[int(len(latencies) * 0.99)] * 1000:.0f} ms; failed "
        f"{len(calls.failed)}, lost writes {len(lost)}, locks left {len(locks)}"
    )
    assert not calls.failed, calls.failed[:10]
    assert sum(calls.ok.values()) == lifecycle
    assert not lost, lost[:10]
    assert not locks, locks


def _reads(stack, whmcs, sids: list[str], done: threading.Event) -> None:
    """The client area and the admin looking, and the schedules firing, while it all runs."""
    rng = random.Random(threading.get_ident())
    jobs = [job for job in JOBS if job in stack.functions]
    while not done.is_set():
        sid = rng.choice(sids)
        choice = rng.random()
        if choice < 0.4:
            whmcs.request("GET", f"/services/{sid}")
        elif choice < 0.7:
            whmcs.request("POST", f"/services/{sid}/refresh", {})
        elif choice < 0.9:
            whmcs.request("GET", "/services?limit=50")
        elif jobs:
            stack.run_job(rng.choice(jobs))
