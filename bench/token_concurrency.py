"""Contabo token requests under 50 concurrent callers over several token lifetimes.

The local stack runs in this process (moto server, the Contabo simulator). Each caller is its
own Contabo client with its own in-memory token and its own connection pool, as 50 Lambda
containers are: they share only the tokens table (single-flight refresh through its lock
item). The simulator's token lifetime is shortened (its admin endpoint ``tokens/ttl``) so
several lifetimes pass in a minute; every caller calls Contabo in a loop the whole time. The
simulator counts the token requests it answered; the target is one per lifetime.

The client refreshes a token before it expires: with ``margin = min(60 s, lifetime / 4)`` a
token is used for ``lifetime - margin`` seconds (Contabo's 300 s tokens: 240 s), so the
expected count is one per usable lifetime, ``ceil(duration / (lifetime - margin))``.

    make bench
    PYTHONPATH=layers/common:. python bench/token_concurrency.py --callers 50 --ttl 8 --lifetimes 5

Prints figures only; no timing is asserted anywhere. Results: docs/performance.md.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import threading
import time
from typing import Any

from _support import machine, quiet_output, stack_names

NAMES = stack_names("bench-token")

MARGIN_SECONDS = 60.0  # AccessTokens' default refresh margin


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--callers", type=int, default=50)
    parser.add_argument("--ttl", type=int, default=8, help="token lifetime, seconds")
    parser.add_argument("--lifetimes", type=int, default=5, help="how many lifetimes to run")
    args = parser.parse_args(argv)

    import httpx

    from local.stack.runner import start_local_stack

    with (
        quiet_output(),
        start_local_stack(
            api_port=0, moto_port=0, sim_port=0, schedules=False, names=NAMES, sim_validate=False
        ) as stack,
    ):
        _silence_handlers()
        httpx.post(stack.sim.base_url + "/__sim/tokens/ttl", json={"seconds": args.ttl})
        before = stack.sim.state.token_requests
        run = TokenRun(args.callers, args.ttl * args.lifetimes)
        run.start()
        tokens = stack.sim.state.token_requests - before
    _report(args, run, tokens)
    return 0


class TokenRun:
    """``callers`` threads, each a separate container's Contabo client, calling for ``seconds``."""

    def __init__(self, callers: int, seconds: float) -> None:
        self.callers = callers
        self.seconds = seconds
        self.calls = 0
        self.failures: dict[str, int] = {}
        self.unauthorized = 0
        self.latencies: list[float] = []
        self._lock = threading.Lock()

    def start(self) -> None:
        barrier = threading.Barrier(self.callers)
        threads = [
            threading.Thread(target=self._caller, args=(barrier,), name=f"caller-{n}")
            for n in range(self.callers)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    def _caller(self, barrier: threading.Barrier) -> None:
        import httpx

        from contabo_reseller.adapters.contabo.client import ContaboClient
        from contabo_reseller.adapters.contabo.transport import ContaboTransport

        def count_401(response: httpx.Response) -> None:
            if response.status_code == 401:
                with self._lock:
                    self.unauthorized += 1

        with httpx.Client(timeout=30, event_hooks={"response": [count_401]}) as http:
            client = ContaboClient(ContaboTransport(http=http))
            barrier.wait()  # everyone starts cold at once: the worst case for the refresh
            deadline = time.monotonic() + self.seconds
            while time.monotonic() < deadline:
                started = time.perf_counter()
                try:
                    client.custom_image_stats()
                except Exception as error:  # counted and shown: a bench must not stop here
                    with self._lock:
                        name = type(error).__name__
                        self.failures[name] = self.failures.get(name, 0) + 1
                    continue
                with self._lock:
                    self.calls += 1
                    self.latencies.append(time.perf_counter() - started)


def _report(args: Any, run: TokenRun, tokens: int) -> None:
    duration = args.ttl * args.lifetimes
    usable = args.ttl - min(MARGIN_SECONDS, args.ttl / 4)
    expected = math.ceil(duration / usable)
    latencies = sorted(run.latencies)
    print(f"Contabo token requests: {args.callers} concurrent callers (one per container)")
    print(machine())
    print(f"token lifetime {args.ttl} s x {args.lifetimes} lifetimes = {duration} s")
    print(f"Contabo calls made: {run.calls} ({run.calls / duration:.0f}/s)")
    if latencies:
        p50 = latencies[len(latencies) // 2] * 1000
        p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000
        print(f"call latency ms: p50 {p50:.1f}, p99 {p99:.1f}, max {latencies[-1] * 1000:.1f}")
    print(f"failed calls: {sum(run.failures.values())} {run.failures or ''}".rstrip())
    print(f"401 answers (a stale token used): {run.unauthorized}")
    print(f"token requests at the simulator: {tokens}")
    print(f"  per lifetime: {tokens / args.lifetimes:.2f} (target 1)")
    per_usable = tokens / (duration / usable)
    print(f"  per usable lifetime ({usable:g} s, refreshed early): {per_usable:.2f}")
    print(f"  expected with early refresh: {expected}")


def _silence_handlers() -> None:
    """Powertools' Logger kept the real stdout from import time; point it at /dev/null too."""
    import logging

    devnull = open(os.devnull, "w")  # noqa: SIM115 (lives as long as the process)
    for item in logging.root.manager.loggerDict.values():
        if isinstance(item, logging.Logger):
            for handler in item.handlers:
                if isinstance(handler, logging.StreamHandler):
                    handler.setStream(devnull)


if __name__ == "__main__":
    sys.exit(main())
