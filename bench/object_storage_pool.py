"""Object storage customers in one region's pool: order time, S3 requests per usage sync, and
the purchases the pool needed.

The local stack runs in this process (moto, the Contabo simulator with its S3 endpoint). N
customers order object storage in one region through the signed API; the provisioning worker
makes each one a tenant (own user, keys, bucket, its own bucket policy). Figures:
- order answer time (the API's 202) and set-up time per customer (the worker's run that made
  it active: its user, its bucket and its bucket policy);
- bucket policies written per order (1 expected: policies name no other customer) and the
  largest policy's size (JSON bytes, the same for the first and the last customer);
- S3 requests one usage sync sends (metering every customer's bucket, the protection pass);
- Contabo purchases: object storages bought (the pool: 1 expected) and pool growth resizes
  (margin 1 TB, cap 10,000 TB for the run: each customer's 0.25 TB is sold from the pool).

    PYTHONPATH=layers/common:. python bench/object_storage_pool.py --customers 1000

Prints figures only; no timing is asserted anywhere.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from typing import Any

from _support import machine, quiet_output, stack_names

NAMES = stack_names("bench-object-storage")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=1000)
    parser.add_argument("--region", default="EU")
    args = parser.parse_args(argv)

    from local.signed_client import SignedClient
    from local.stack.aws import DEMO_SIGNING_KEY_ID, DEMO_SIGNING_SECRET
    from local.stack.runner import start_local_stack

    with (
        quiet_output(),
        start_local_stack(
            api_port=0,
            moto_port=0,
            sim_port=0,
            schedules=False,
            names=NAMES,
            sim_validate=False,
            provision_seconds=0,
        ) as stack,
    ):
        whmcs = SignedClient(stack.api_url, DEMO_SIGNING_KEY_ID, DEMO_SIGNING_SECRET)
        figures = _run(stack, whmcs, args.customers, args.region)
        whmcs.close()
    _report(args, figures)
    return 0


def _run(stack: Any, whmcs: Any, customers: int, region: str) -> dict[str, Any]:
    from contabo_reseller.domain.object_storage.pool import PoolSettings
    from contabo_reseller.services import provisioning
    from contabo_reseller.services.object_storage import tenancy as object_storage_tenancy

    object_storage_tenancy.save_settings(PoolSettings(growth_margin_tb=1, growth_cap_tb=1000))

    order_seconds: list[float] = []
    setup_seconds: list[float] = []
    policy_writes: list[int] = []
    state = stack.sim.state
    endpoint = stack.sim.s3.app
    for n in range(customers):
        sid = str(700000 + n)
        body = {
            "client_id": str(1000 + n),
            "client_email": f"customer{n}@example.com",
            "region": region,
            "size_tb": 0.25,
        }
        writes_before = len(endpoint.policy_writes)
        started = time.perf_counter()
        answer = whmcs.request("POST", f"/services/{sid}/object-storage", body)
        order_seconds.append(time.perf_counter() - started)
        if answer.status_code != 202:
            raise SystemExit(f"order {sid} answered {answer.status_code}: {answer.text}")
        for _ in range(200):  # the order's own wake-up of the worker may be running already
            if provisioning._advance_safely(sid) not in ("busy",) and _state(sid) == "active":
                break
            time.sleep(0.05)
        else:
            raise SystemExit(f"service {sid} did not become active")
        setup_seconds.append(time.perf_counter() - started)
        policy_writes.append(len(endpoint.policy_writes) - writes_before)
        _settle_pool_growth(stack)  # outside the timed part: the worker buys a queued growth
    requests_before = stack.sim.s3.app.requests
    started = time.perf_counter()
    outcome = stack.run_job("UsageSyncFunction")
    sync_seconds = time.perf_counter() - started
    return {
        "order": order_seconds,
        "setup": setup_seconds,
        "sync_s3_requests": stack.sim.s3.app.requests - requests_before,
        "sync_seconds": sync_seconds,
        "sync_outcome": outcome.get("result", {}).get("outcome"),
        "pools_bought": state.purchases["createObjectStorage"],
        "resizes_bought": state.purchases["upgradeObjectStorage"],
        "policy_writes": policy_writes,
        "policy_bytes": max(len(json.dumps(p)) for p in endpoint.policies.values()),
    }


def _settle_pool_growth(stack: Any) -> None:
    """What the worker does with a growth the order queued (the bench runs no schedules)."""
    from contabo_reseller.adapters.object_storage import pool_claims
    from contabo_reseller.services import provisioning

    for _ in range(10):
        pending = pool_claims.pending_resizes()
        if not pending:
            return
        stack.sim.state.clock.advance(120)
        for service_id in pending:
            provisioning._advance_safely(service_id)


def _state(service_id: str) -> str:
    from contabo_reseller.adapters import service_store

    return service_store.require(service_id).state


def _report(args: Any, figures: dict[str, Any]) -> None:
    def line(name: str, values: list[float]) -> str:
        ordered = sorted(values)
        p95 = ordered[int(len(ordered) * 0.95) - 1] if len(ordered) > 1 else ordered[0]
        return (
            f"{name}: median {statistics.median(values) * 1000:.0f} ms, "
            f"p95 {p95 * 1000:.0f} ms, last {values[-1] * 1000:.0f} ms"
        )

    print(f"object storage pool, {args.customers} customers in {args.region} ({machine()})")
    print(line("order answer (202)", figures["order"]))
    print(line("order to active (user, bucket, its policy)", figures["setup"]))
    writes = figures["policy_writes"]
    print(
        f"bucket policies written per order: max {max(writes)}, "
        f"mean {statistics.mean(writes):.2f} (first order {writes[0]}, last {writes[-1]})"
    )
    print(
        f"usage sync: {figures['sync_s3_requests']} S3 requests "
        f"({figures['sync_s3_requests'] / args.customers:.1f} per customer), "
        f"{figures['sync_seconds']:.1f} s, {figures['sync_outcome']}"
    )
    print(f"largest bucket policy: {figures['policy_bytes']} bytes")
    print(
        f"purchases: {figures['pools_bought']} object storage (the pool), "
        f"{figures['resizes_bought']} pool growth resizes"
    )


if __name__ == "__main__":
    sys.exit(main())
