"""WHMCS-facing latency of every lifecycle action through the local stack.

The stack runs in this process (moto server, Contabo simulator at zero latency and without its
spec validation, the functions behind the local API gateway); each request is signed like the
WHMCS module signs it and carries an idempotency key. Times are client-side round trips. The
breakdown times the request's own function thread (exclusive of nested timings): signature
check (HMAC plus the nonce write), DynamoDB, Secrets Manager, Contabo API calls (simulator),
and the rest (gateway, handler, validation, logging).

    make bench                                   # every bench/*.py
    PYTHONPATH=layers/common:. python bench/lifecycle_latency.py --iterations 30
    PYTHONPATH=layers/common:. python bench/lifecycle_latency.py --contabo-latency-ms 3000

``--contabo-latency-ms`` adds that much to every Contabo request while a measured call runs
(the chaos suite's slow-Contabo case; provisioning and the settles in between stay fast):
every call, ChangePackage included, is then timed against WHMCS's 5 s budget.

Prints figures only; no timing is asserted anywhere. Results: docs/performance.md.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import threading
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from _support import machine, quiet_output, stack_names

NAMES = stack_names("bench")

BUCKETS = ("signature", "dynamodb", "secretsmanager", "contabo", "rest")
ACTIONS = (
    "create",
    "get",
    "list",
    "suspend",
    "unsuspend",
    "power",
    "change-password",
    "change-package",
    "renew",
    "terminate",
    "connection test",
)
ORDER = {
    "client_id": "7",
    "client_email": "ada@example.com",
    "product_id": "V92",
    "region": "EU",
    "image_id": "ubuntu-22.04",
    "hostname": "bench.example.com",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=30, help="samples per action")
    parser.add_argument(
        "--contabo-latency-ms",
        type=int,
        default=0,
        help="added to every Contabo request during measured calls (e.g. 1000, 2000, 3000)",
    )
    args = parser.parse_args(argv)

    from local.signed_client import SignedClient
    from local.stack.aws import DEMO_SIGNING_KEY_ID, DEMO_SIGNING_SECRET
    from local.stack.runner import start_local_stack

    timer = ThreadTimer()
    with (
        quiet_output(),
        start_local_stack(
            api_port=0,
            moto_port=0,
            sim_port=0,
            schedules=False,
            provision_seconds=1,
            names=NAMES,
            sim_validate=False,
        ) as stack,
    ):
        timer.install()
        _silence_handlers()
        whmcs = SignedClient(stack.api_url, DEMO_SIGNING_KEY_ID, DEMO_SIGNING_SECRET)
        bench = LifecycleBench(stack, whmcs, timer, args.contabo_latency_ms)
        try:
            bench.run(args.iterations)
        finally:
            whmcs.close()
            timer.uninstall()
    _report(bench.samples, args.iterations, args.contabo_latency_ms)
    return 0


class ThreadTimer:
    """Exclusive time per bucket per thread, from wrappers around the code that does the work."""

    def __init__(self) -> None:
        self.totals: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        self._local = threading.local()
        self._lock = threading.Lock()
        self._undo: list[Callable[[], None]] = []

    def install(self) -> None:
        import botocore.client

        from contabo_reseller.adapters.contabo.transport import ContaboTransport
        from contabo_reseller.http import auth

        self._wrap(auth, "verify_request", lambda *a, **k: "signature")
        self._wrap(
            botocore.client.BaseClient,
            "_make_api_call",
            lambda client, *a, **k: str(client.meta.service_model.service_name),
        )
        self._wrap(ContaboTransport, "call", lambda *a, **k: "contabo")
        self._wrap(ContaboTransport, "fetch_token", lambda *a, **k: "contabo")

    def uninstall(self) -> None:
        for undo in reversed(self._undo):
            undo()

    def snapshot(self, thread_name: str) -> dict[str, float]:
        with self._lock:
            return dict(self.totals[thread_name])

    def _wrap(self, owner: Any, name: str, bucket_of: Callable[..., str]) -> None:
        original = getattr(owner, name)
        timer = self

        def timed(*args: Any, **kwargs: Any) -> Any:
            stack = timer._frames()
            stack.append(0.0)  # time spent in nested timed calls
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                elapsed = time.perf_counter() - started
                nested = stack.pop()
                if stack:
                    stack[-1] += elapsed
                with timer._lock:
                    bucket = bucket_of(*args, **kwargs)
                    totals = timer.totals[threading.current_thread().name]
                    totals[bucket] += elapsed - nested
                    totals[f"{bucket} calls"] += 1

        setattr(owner, name, timed)
        self._undo.append(lambda: setattr(owner, name, original))

    def _frames(self) -> list[float]:
        if not hasattr(self._local, "frames"):
            self._local.frames = []
        frames: list[float] = self._local.frames
        return frames


class LifecycleBench:
    def __init__(self, stack: Any, whmcs: Any, timer: ThreadTimer, latency_ms: int = 0) -> None:
        from local.stack.gateway import match_route, routes_from_template

        self.stack = stack
        self.latency_ms = latency_ms
        self.whmcs = whmcs
        self.timer = timer
        self.samples: dict[str, list[dict[str, float]]] = defaultdict(list)
        self.recording = True
        self._routes = routes_from_template(stack.template)
        self._match = match_route
        self._first_id = 900_000 + int(time.time()) % 10_000 * 10

    def run(self, iterations: int) -> None:
        """One unrecorded round first: first uses (SDK clients, tokens, caches) are not what
        a busy reseller's WHMCS sees on every call."""
        self.recording = False
        self._round([str(self._first_id - 1)])
        self.recording = True
        self._round([str(self._first_id + n) for n in range(iterations)])

    def _round(self, service_ids: list[str]) -> None:
        for sid in service_ids:
            self.call("create", "POST", f"/services/{sid}/create", ORDER, expect=202)
        self._provision(service_ids)
        for sid in service_ids:
            base = f"/services/{sid}"
            self.call("get", "GET", base)
            self.call("list", "GET", "/services?limit=50")
            self.call("connection test", "GET", "/connection")
            self.call("suspend", "POST", f"{base}/suspend", {"reason": "overdue"})
            self._contabo_settles()
            self.call("unsuspend", "POST", f"{base}/unsuspend", {})
            self._contabo_settles()
            self.call("power", "POST", f"{base}/power/restart", {}, expect=202)
            self._contabo_settles()
            self.call("renew", "POST", f"{base}/renew", {"next_due_date": "2030-01-01"})
            # Last: under latency both may leave a queued job holding the service a while.
            self.call("change-password", "POST", f"{base}/change-password", {"password": _pw()})
            self._contabo_settles()
            self.call("change-package", "POST", f"{base}/change-package", _backup())
        for sid in service_ids:
            self.call("terminate", "POST", f"/services/{sid}/terminate", {})

    def call(
        self,
        action: str,
        method: str,
        path: str,
        body: dict[str, Any] | None = None,
        expect: int = 200,
    ) -> None:
        matched = self._match(self._routes, method, urlpath(path))
        assert matched is not None, f"no route for {method} {path}"
        thread = f"invoke-{matched[0].function_id}"
        key = str(uuid.uuid4()) if method == "POST" else None
        slow = self.recording and self.latency_ms > 0
        if slow:
            self._fresh_token()
            self.stack.sim.state.faults.configure({"latency_ms": self.latency_ms})
        before = self.timer.snapshot(thread)
        started = time.perf_counter()
        try:
            response = self.whmcs.request(method, path, body, idempotency_key=key)
        finally:
            total = time.perf_counter() - started
            if slow:
                self.stack.sim.state.faults.configure({"latency_ms": 0})
        after = self.timer.snapshot(thread)
        if response.status_code != expect:
            raise SystemExit(f"{action}: {method} {path} -> {response.status_code} {response.text}")
        sample = {
            name: after.get(name, 0.0) - before.get(name, 0.0)
            for bucket in BUCKETS[:-1]
            for name in (bucket, f"{bucket} calls")
        }
        sample["rest"] = total - sum(sample[bucket] for bucket in BUCKETS[:-1])
        sample["total"] = total
        if self.recording:
            self.samples[action].append(sample)

    def _fresh_token(self) -> None:
        """The settles move the simulator's clock past its tokens' lifetime, which real
        Contabo's clock never does: a call at full speed first refreshes the backend's token."""
        self.whmcs.request("GET", "/connection")

    def _provision(self, service_ids: list[str]) -> None:
        """Not measured: the worker buys in the background, Contabo installs."""
        for _ in range(20):
            self.stack.run_job("ProvisioningWorkerFunction")
            self._contabo_settles()
            states = {
                self.whmcs.request("GET", f"/services/{s}").json()["state"] for s in service_ids
            }
            if states == {"active"}:
                return
        raise SystemExit(f"services did not become active: {states}")

    def _contabo_settles(self) -> None:
        """Contabo's asynchronous actions finish (simulated time, not waited for)."""
        self.stack.sim.state.clock.advance(300)
        self.stack.sim.state.tick()


def urlpath(path: str) -> str:
    return "/Prod" + path.partition("?")[0]


def _pw() -> str:
    return "Bench!" + uuid.uuid4().hex[:10] + "#9"


def _backup() -> dict[str, Any]:
    return {"add_ons": {"backup": True}}


def _report(samples: dict[str, list[dict[str, float]]], iterations: int, latency_ms: int) -> None:
    slow = f", Contabo +{latency_ms} ms per request" if latency_ms else ""
    print(f"Lifecycle latency, {iterations} samples per action{slow}")
    print("ms per request; breakdown: mean ms / mean calls per request, exclusive of nesting")
    print(machine())
    header = f"{'action':<16}{'p50':>8}{'p99':>8}{'mean':>8} |"
    header += "".join(f"{bucket[:12]:>13}" for bucket in BUCKETS)
    print(header)
    print("-" * len(header))
    for action in ACTIONS:
        rows = samples.get(action, [])
        if not rows:
            continue
        totals = sorted(row["total"] * 1000 for row in rows)
        line = f"{action:<16}{_percentile(totals, 50):>8.1f}{_percentile(totals, 99):>8.1f}"
        line += f"{sum(totals) / len(totals):>8.1f} |"
        for bucket in BUCKETS:
            ms = sum(row[bucket] for row in rows) * 1000 / len(rows)
            calls = sum(row.get(f"{bucket} calls", 0) for row in rows) / len(rows)
            line += f"{ms:>13.1f}" if bucket == "rest" else f"{f'{ms:.1f} / {calls:.1f}':>13}"
        print(line)


def _percentile(sorted_values: list[float], percent: float) -> float:
    """Nearest-rank percentile (with few samples p99 is the slowest one)."""
    rank = max(1, -(-len(sorted_values) * percent // 100))
    return sorted_values[int(rank) - 1]


def _silence_handlers() -> None:
    """Powertools' Logger kept the real stdout from import time; point it at /dev/null too."""
    devnull = open(os.devnull, "w")  # noqa: SIM115 (lives as long as the process)
    for item in logging.root.manager.loggerDict.values():
        if isinstance(item, logging.Logger):
            for handler in item.handlers:
                if isinstance(handler, logging.StreamHandler):
                    handler.setStream(devnull)


if __name__ == "__main__":
    sys.exit(main())
