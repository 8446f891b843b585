"""Status sync over 10,000 instances: Contabo API calls, DynamoDB writes and time of one run.

    .venv/bin/python bench/status_sync_10k.py [--instances 10000]

Starts the local stack in this process (moto server, the Contabo simulator, the functions),
buys N instances in the simulator (through its own createInstance handler, in-process) and
records a matching active service for each in the services table, then adds drift (IPs
changed, servers cancelled at Contabo) and orphans both ways (instances with no service,
services whose instance is gone). It runs StatusSyncFunction the way the schedule does, checks
the report found exactly what was planted, runs it again (nothing changed: no service write),
and prints the figures.

The simulator's response validation (openapi-core, ~0.18 s per page of 100) is switched off:
it measures the simulator, not the sync. Figures go in docs/performance.md.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "layers" / "common")]

from bench._support import seed_instances, service_row  # noqa: E402
from local.stack.runner import RunningStack, start_local_stack  # noqa: E402
from local.stack.template import LocalNames  # noqa: E402

IP_CHANGED, CANCELLED, ORPHAN_OURS, ORPHAN_FOREIGN, GONE = 50, 20, 10, 20, 15


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instances", type=int, default=10_000)
    count = parser.parse_args().instances
    names = LocalNames(stack_name="bench", parameters={"LogLevel": "WARNING"})
    with start_local_stack(
        api_port=0, moto_port=0, sim_port=0, schedules=False, names=names, sim_validate=False
    ) as stack:
        started = time.monotonic()
        planted = seed(stack, count)
        print(f"seeded {count:,} instances and services in {time.monotonic() - started:.1f} s")
        print("simulator response validation: OFF (SimulatorConfig(validate=False))")
        first = measured_run(stack, "first run (drift and orphans planted)")
        check_report(first, planted)
        measured_run(stack, "second run (nothing changed)")
    return 0


# Seeding ------------------------------------------------------------------------------------


def seed(stack: RunningStack, count: int) -> dict[str, int]:
    """N instances, each with an active service; then drift and orphans."""
    from contabo_reseller.adapters.tables import ServiceRecord

    state = stack.sim.state
    ids = seed_instances(stack, [f"whmcs-service-{n + 1}" for n in range(count)], "bench")
    with ServiceRecord.batch_write() as batch:
        for n, instance_id in enumerate(ids):
            batch.save(service_row(str(n + 1), state.instances[instance_id]))
        for g in range(GONE):  # services whose instance is gone
            batch.save(
                ServiceRecord(
                    service_id=str(900_000 + g), state="active", resource_id=str(1_000 + g)
                )
            )
    for instance_id in ids[:IP_CHANGED]:
        state.instances[instance_id]["ipConfig"]["v4"]["ip"] = f"198.51.100.{instance_id % 250}"
    for instance_id in ids[IP_CHANGED : IP_CHANGED + CANCELLED]:
        state.instances[instance_id]["cancelDate"] = "2031-01-31"
    template = state.instances[ids[-1]]
    for n in range(ORPHAN_OURS + ORPHAN_FOREIGN):
        instance_id = state.next_instance_id()
        name = f"whmcs-service-{800_000 + n}" if n < ORPHAN_OURS else f"other-box-{n}"
        state.instances[instance_id] = {
            **template,
            "instanceId": instance_id,
            "displayName": name,
        }
    return {
        "instances": count + ORPHAN_OURS + ORPHAN_FOREIGN,
        "drift": IP_CHANGED + CANCELLED,
        "orphan_instances": ORPHAN_OURS + ORPHAN_FOREIGN,
        "orphan_services": GONE,
    }


# Measuring ----------------------------------------------------------------------------------


class Tally:
    """Counts Contabo HTTP calls (token requests apart) and DynamoDB writes per table, and
    the seconds spent waiting for each."""

    def __init__(self) -> None:
        self.contabo: Counter[str] = Counter()
        self.writes: Counter[str] = Counter()
        self.seconds: Counter[str] = Counter()

    def __enter__(self) -> Tally:
        from pynamodb.connection.base import Connection

        from contabo_reseller.adapters.contabo.transport import ContaboTransport

        tally = self
        self._saved = (ContaboTransport.call, ContaboTransport.fetch_token, Connection.dispatch)
        call, fetch_token, dispatch = self._saved

        def counted_call(transport: Any, operation: Any, *args: Any, **kwargs: Any) -> Any:
            tally.contabo[operation.operation_id] += 1
            started = time.monotonic()
            try:
                return call(transport, operation, *args, **kwargs)
            finally:
                tally.seconds["Contabo (simulator)"] += time.monotonic() - started

        def counted_token(transport: Any) -> Any:
            tally.contabo["(token)"] += 1
            return fetch_token(transport)

        def counted_dispatch(connection: Any, operation: str, kwargs: dict[str, Any]) -> Any:
            for table, writes in _writes(operation, kwargs):
                tally.writes[table] += writes
            started = time.monotonic()
            try:
                return dispatch(connection, operation, kwargs)
            finally:
                kind = "Scan" if operation == "Scan" else "other"
                tally.seconds[f"DynamoDB {kind} (moto)"] += time.monotonic() - started

        ContaboTransport.call = counted_call  # type: ignore[method-assign]
        ContaboTransport.fetch_token = counted_token  # type: ignore[method-assign]
        Connection.dispatch = counted_dispatch  # type: ignore[method-assign]
        return self

    def __exit__(self, *_: Any) -> None:
        from pynamodb.connection.base import Connection

        from contabo_reseller.adapters.contabo.transport import ContaboTransport

        call, fetch_token, dispatch = self._saved
        ContaboTransport.call = call  # type: ignore[method-assign]
        ContaboTransport.fetch_token = fetch_token  # type: ignore[method-assign]
        Connection.dispatch = dispatch  # type: ignore[method-assign]


def _writes(operation: str, kwargs: dict[str, Any]) -> list[tuple[str, int]]:
    if operation in ("PutItem", "UpdateItem", "DeleteItem"):
        return [(_short(kwargs["TableName"]), 1)]
    if operation == "BatchWriteItem":
        return [(_short(t), len(items)) for t, items in kwargs["RequestItems"].items()]
    if operation == "TransactWriteItems":
        found: Counter[str] = Counter()
        for item in kwargs["TransactItems"]:
            ((kind, body),) = item.items()
            if kind != "ConditionCheck":
                found[_short(body["TableName"])] += 1
        return list(found.items())
    return []


def _short(table: str) -> str:
    return table.removeprefix("bench-")


def measured_run(stack: RunningStack, title: str) -> dict[str, Any]:
    with Tally() as tally:
        started = time.monotonic()
        with contextlib.redirect_stdout(io.StringIO()):  # the function's metric (EMF) lines
            outcome = stack.run_job("StatusSyncFunction")
        elapsed = time.monotonic() - started
    if outcome["status"] != "ok" or outcome["result"]["outcome"] != "finished":
        raise SystemExit(f"the sync did not finish in one run: {outcome}")
    summary = outcome["result"]
    calls = sum(n for op, n in tally.contabo.items() if op != "(token)")
    print(f"\n{title}")
    print(f"  time: {elapsed:.1f} s (function {summary['duration_ms'] / 1000:.1f} s)")
    waits = ", ".join(f"{name} {value:.1f} s" for name, value in tally.seconds.most_common())
    print(f"  of which waiting for: {waits}")
    print(f"  Contabo API calls: {calls} {dict(tally.contabo)}")
    print(f"  DynamoDB writes: {sum(tally.writes.values())} {dict(tally.writes)}")
    print(f"  services updated: {summary['result']['updated']}; found: {summary['result']}")
    return summary


def check_report(summary: dict[str, Any], planted: dict[str, int]) -> None:
    found = {name: summary["result"][name] for name in planted}
    if found != planted:
        raise SystemExit(f"the report differs from what was planted: {found} != {planted}")
    print(f"  report matches what was planted: {planted}")


if __name__ == "__main__":
    sys.exit(main())
