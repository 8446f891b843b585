"""What the stack costs a reseller per month in AWS, at 0, 100, 1,000 and 10,000 services.

    .venv/bin/python bench/monthly_cost.py [--sizes 0,100,1000,10000] [--samples 20]

For each size N it starts the local stack in this process (moto, the Contabo simulator with
its spec validation off, every function of template.yaml at its deployed memory and log
level), seeds N active services (servers, with their instances in the simulator), and then
meters, as they happen, every billable unit of:

- every schedule of template.yaml, run as EventBridge Scheduler would run it;
- the WHMCS traffic of a month (below), sent as signed requests through the local gateway.

A month is time-compressed by sampling: each schedule and each kind of request is run a few
times on the seeded stack (up to ``--samples``), its units per run are measured, and they are
multiplied by how often it happens in a 30-day month (a schedule: from its expression; a
request: from the traffic model). The units are priced with AWS's public on-demand prices for
eu-central-1 in ``bench/data/aws_prices_eu-central-1.json`` (with the date they were read);
the always-free allowances are shown separately, because they are the account's, not ours.

What is measured, and how:
- Lambda: requests, and GB-seconds as billed (duration rounded up to the ms, deployed memory).
  Durations are local: moto is slower than DynamoDB, so GB-seconds are an upper bound.
- API Gateway: requests through the gateway. EventBridge Scheduler: scheduled invocations.
- DynamoDB: read/write request units from every call's item sizes (writes 1 KB, reads 4 KB,
  eventually consistent reads half, transactions twice), and stored GB at the end.
- Secrets Manager: API calls, and the template's secrets. KMS: none unless a key is set.
- CloudWatch Logs: the bytes every function really wrote (JSON logs and EMF metrics), plus
  Lambda's own START/END/REPORT lines. Custom metrics: every distinct metric (name and
  dimension values) the EMF lines carried, billed by the hours in which it is sent. Alarms
  and dashboards: counted from the template.
- X-Ray: one trace per API request and per scheduled invocation (Tracing: Active; the default
  sampling rule records the first request each second, so at this traffic nearly all).

Traffic model per month with N services (N > 0; a reseller with no services has no WHMCS
traffic): the module's cron hook every 5 minutes (one status call per run), 4 client-area
views per service (service + IP page), a renewal per service (monthly billing), a daily
UsageUpdate per service, 5% new orders, 3% suspensions, 2% unsuspensions, 3% terminations,
1% package changes and 10% restarts.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import math
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "layers" / "common")]

from bench._support import machine, seed_instances, service_row  # noqa: E402
from local.stack.runner import RunningStack, start_local_stack  # noqa: E402
from local.stack.template import LocalNames, load_template, resources_of_type  # noqa: E402

PRICES = json.loads((ROOT / "bench" / "data" / "aws_prices_eu-central-1.json").read_text())
MONTH_HOURS = 720
MONTH = timedelta(days=30)
# Lambda's START, END and REPORT lines per invocation (REPORT with X-Ray's trace id).
PLATFORM_LOG_BYTES = 360
SIZES = (0, 100, 1_000, 10_000)


# The month's WHMCS traffic ---------------------------------------------------------------


@dataclass
class Traffic:
    """One kind of WHMCS request: how many a month with N services, and how to send one."""

    name: str
    per_month: Callable[[int], float]
    send: Callable[[Any, str], Any]  # (client, service id) -> response


def _get(path: str) -> Callable[[Any, str], Any]:
    return lambda client, sid: client.request("GET", path.format(sid=sid))


def _post(path: str, body: dict[str, Any]) -> Callable[[Any, str], Any]:
    return lambda client, sid: client.request("POST", path.format(sid=sid), body)


TRAFFIC = [
    Traffic("cron hook status", lambda n: 8_640 if n else 0, _get("/services/{sid}")),
    Traffic("client area: service", lambda n: 4 * n, _get("/services/{sid}")),
    Traffic("client area: IPs", lambda n: 4 * n, _get("/services/{sid}/ips")),
    Traffic("daily UsageUpdate", lambda n: 30 * n, _get("/services/{sid}/usage")),
    Traffic("renew", lambda n: n, _post("/services/{sid}/renew", {})),
    Traffic("restart", lambda n: 0.10 * n, _post("/services/{sid}/power", {"action": "restart"})),
    Traffic("suspend", lambda n: 0.03 * n, _post("/services/{sid}/suspend", {"reason": "overdue"})),
    Traffic("unsuspend", lambda n: 0.02 * n, _post("/services/{sid}/unsuspend", {})),
    Traffic(
        "change package",
        lambda n: 0.01 * n,
        _post("/services/{sid}/change-package", {"add_ons": {"backup": True}}),
    ),
    Traffic("terminate", lambda n: 0.03 * n, _post("/services/{sid}/terminate", {})),
]
NEW_ORDER_SHARE = 0.05


# Metering ------------------------------------------------------------------------------------


@dataclass
class Units:
    """Billable units of one activity, summed over the runs measured."""

    counts: Counter[str] = field(default_factory=Counter)
    metrics: set[str] = field(default_factory=set)

    def per_run(self, runs: int) -> Units:
        return Units(Counter({k: v / runs for k, v in self.counts.items()}), set(self.metrics))


class Meter:
    """Counts Lambda, DynamoDB, Secrets Manager, log bytes and EMF metrics while active."""

    def __init__(self, stack: RunningStack) -> None:
        self.stack = stack
        self.units = Units()
        self._lock = threading.Lock()

    @contextlib.contextmanager
    def measuring(self) -> Iterator[Units]:
        self.units = Units()
        yield self.units

    def add(self, unit: str, amount: float) -> None:
        with self._lock:
            self.units.counts[unit] += amount

    def metric(self, identity: str) -> None:
        with self._lock:
            self.units.metrics.add(identity)

    @contextlib.contextmanager
    def installed(self) -> Iterator[Meter]:
        from botocore.client import BaseClient

        from local.stack.functions import LocalFunction

        meter = self
        make_api_call = BaseClient._make_api_call
        invoke = LocalFunction.invoke

        def metered_call(client: Any, operation: str, params: dict[str, Any]) -> Any:
            service = client.meta.service_model.service_name
            response = make_api_call(client, operation, params)
            if service == "dynamodb":
                for unit, amount in dynamodb_units(operation, params, response).items():
                    meter.add(unit, amount)
            elif service == "secretsmanager":
                meter.add("secrets_manager_api_calls", 1)
            return response

        def metered_invoke(function: Any, event: Any, limit_seconds: float | None = None) -> Any:
            started = time.perf_counter()
            try:
                return invoke(function, event, limit_seconds)
            finally:
                billed_ms = math.ceil((time.perf_counter() - started) * 1000)
                meter.add("lambda_requests", 1)
                meter.add("lambda_gb_seconds", billed_ms / 1000 * function.memory_mb / 1024)
                meter.add("log_bytes", PLATFORM_LOG_BYTES)

        BaseClient._make_api_call = metered_call  # type: ignore[method-assign]
        LocalFunction.invoke = metered_invoke  # type: ignore[method-assign]
        with _counted_output(meter):
            try:
                yield self
            finally:
                BaseClient._make_api_call = make_api_call  # type: ignore[method-assign]
                LocalFunction.invoke = invoke  # type: ignore[method-assign]


def dynamodb_units(operation: str, params: dict[str, Any], response: dict[str, Any]) -> Counter:
    """Request units as DynamoDB on-demand bills them, from the items' sizes."""
    units: Counter[str] = Counter()
    if operation in ("PutItem", "UpdateItem", "DeleteItem"):
        size = _item_size(params.get("Item") or {}) + _item_size(params.get("Key") or {})
        size += len(json.dumps(params.get("ExpressionAttributeValues") or {}))
        old = response.get("Attributes") or {}
        units["dynamodb_wru"] += max(1, math.ceil(max(size, _item_size(old)) / 1024))
    elif operation == "BatchWriteItem":
        for requests in params["RequestItems"].values():
            for request in requests:
                item = (request.get("PutRequest") or {}).get("Item") or {}
                units["dynamodb_wru"] += max(1, math.ceil(_item_size(item) / 1024))
    elif operation == "TransactWriteItems":
        units["dynamodb_wru"] += 2 * len(params["TransactItems"])
    elif operation == "GetItem":
        factor = 1 if params.get("ConsistentRead") else 0.5
        size = _item_size(response.get("Item") or {})
        units["dynamodb_rru"] += factor * max(1, math.ceil(size / 4096))
    elif operation in ("Query", "Scan"):
        factor = 1 if params.get("ConsistentRead") else 0.5
        size = sum(_item_size(item) for item in response.get("Items") or [])
        # DynamoDB bills what it read, before any filter: scanned items are at least returned.
        scanned, returned = response.get("ScannedCount", 0), response.get("Count", 0)
        if returned and scanned > returned:
            size = size * scanned / returned
        elif scanned and not returned:
            size = scanned * 200  # nothing returned: estimate ~200 bytes per scanned item
        units["dynamodb_rru"] += factor * max(1, math.ceil(size / 4096))
    elif operation == "BatchGetItem":
        for items in (response.get("Responses") or {}).values():
            units["dynamodb_rru"] += sum(
                0.5 * max(1, math.ceil(_item_size(item) / 4096)) for item in items
            )
    return units


def _item_size(item: dict[str, Any]) -> int:
    """DynamoDB's item size: attribute names plus values (JSON length approximates values)."""
    return sum(len(name) + len(json.dumps(value)) - 8 for name, value in item.items())


class _CountingStream(io.TextIOBase):
    """Counts what functions write (by the invoking thread) and reads EMF metric lines."""

    def __init__(self, meter: Meter) -> None:
        self.meter = meter

    def write(self, text: str) -> int:
        if threading.current_thread().name.startswith("invoke-"):
            self.meter.add("log_bytes", len(text.encode()))
            for line in text.splitlines():
                if line.startswith('{"_aws"'):
                    for identity in _emf_metrics(line):
                        self.meter.metric(identity)
        return len(text)


def _emf_metrics(line: str) -> list[str]:
    """Each metric an EMF line defines, named with its dimension values (CloudWatch's unit)."""
    document = json.loads(line)
    found = []
    for directive in document["_aws"]["CloudWatchMetrics"]:
        for dimension_set in directive["Dimensions"] or [[]]:
            dimensions = ",".join(f"{d}={document.get(d)}" for d in dimension_set)
            for metric in directive["Metrics"]:
                found.append(f"{metric['Name']}[{dimensions}]")
    return found


@contextlib.contextmanager
def _counted_output(meter: Meter) -> Iterator[None]:
    """Every logging stream handler and stdout write into the counter, and nowhere else."""
    import logging

    counting = _CountingStream(meter)
    loggers = [logging.getLogger(), *logging.root.manager.loggerDict.values()]
    swapped = []
    for item in loggers:
        for handler in getattr(item, "handlers", []):
            if isinstance(handler, logging.StreamHandler):
                swapped.append((handler, handler.stream))
                handler.stream = counting
    with contextlib.redirect_stdout(counting):
        try:
            yield
        finally:
            for handler, stream in swapped:
                handler.stream = stream


# One size ------------------------------------------------------------------------------------


@dataclass
class Activity:
    name: str
    per_month: float
    per_run: Units
    kind: str  # schedule | traffic


def measure_size(count: int, samples: int) -> tuple[list[Activity], float]:
    # One name for every size: each size gets a fresh stack (its own moto), and the shared
    # package fixes its table names when first imported, so a second name in the same process
    # would seed and read the first size's tables.
    names = LocalNames(stack_name="cost")
    with (
        start_local_stack(
            api_port=0, moto_port=0, sim_port=0, schedules=False, names=names, sim_validate=False
        ) as stack,
        contextlib.redirect_stderr(io.StringIO()),
    ):
        service_ids = seed_services(stack, count)
        meter = Meter(stack)
        activities = []
        with meter.installed():
            for schedule in stack.scheduler.schedules:  # type: ignore[union-attr]
                per_month = fires_per_month(schedule.expression)
                runs = max(1, min(samples, math.ceil(per_month)))
                function = stack.functions[schedule.function_id]
                with meter.measuring() as units:
                    for _ in range(runs):
                        function.invoke(schedule.event(datetime.now(UTC)))
                    _settle_background()
                    units.counts["scheduler_invocations"] += runs
                    if traced_when_scheduled(stack.template, schedule.function_id):
                        units.counts["xray_traces"] += runs
                label = f"schedule {schedule.name.removeprefix(names.stack_name + '-')}"
                activities.append(Activity(label, per_month, units.per_run(runs), "schedule"))
            if count:
                activities.extend(_traffic(stack, meter, service_ids, count, samples))
        stored_gb = _stored_gb(stack)
    return activities, stored_gb


def _traffic(
    stack: RunningStack, meter: Meter, service_ids: list[str], count: int, samples: int
) -> list[Activity]:
    from local.signed_client import SignedClient
    from local.stack.runner import DEMO_SIGNING_KEY_ID, DEMO_SIGNING_SECRET

    client = SignedClient(stack.api_url, DEMO_SIGNING_KEY_ID, DEMO_SIGNING_SECRET)
    activities = []
    pool = iter(service_ids)
    for traffic in [*TRAFFIC, _new_orders(count)]:
        per_month = traffic.per_month(count)
        if not per_month:
            continue
        runs = max(1, min(samples, math.ceil(per_month), len(service_ids)))
        with meter.measuring() as units:
            for _ in range(runs):
                sid = next(pool, None) or service_ids[0]
                response = traffic.send(client, sid)
                if response.status_code >= 500:
                    raise RuntimeError(f"{traffic.name}: {response.status_code} {response.text}")
                units.counts["api_requests"] += 1
                units.counts["xray_traces"] += 1
            _settle_background()
        activities.append(Activity(traffic.name, per_month, units.per_run(runs), "traffic"))
    return activities


def _settle_background(timeout: float = 30.0) -> None:
    """Waits for invocations a request started in the background (the worker after an order),
    so their units count to the activity that caused them."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and any(
        t.name.startswith("invoke-") and t is not threading.current_thread()
        for t in threading.enumerate()
    ):
        time.sleep(0.05)


def _new_orders(count: int) -> Traffic:
    """A new order: CreateAccount (the worker that buys it is invoked by the create)."""
    ids = iter(range(5_000_000, 6_000_000))

    def send(client: Any, _: str) -> Any:
        sid = str(next(ids))
        return client.request(
            "POST",
            f"/services/{sid}/create",
            {
                "client_id": "7",
                "client_email": "ada@example.com",
                "product_id": "V92",
                "region": "EU",
                "image_id": "ubuntu-22.04",
                "hostname": f"s{sid}.example.com",
            },
        )

    return Traffic("new order", lambda n: NEW_ORDER_SHARE * n, send)


def traced_when_scheduled(template: dict[str, Any], function_id: str) -> bool:
    """Tracing Active records a trace per scheduled run; PassThrough none (nothing upstream)."""
    tracing = template["Resources"][function_id]["Properties"].get("Tracing") or template[
        "Globals"
    ]["Function"].get("Tracing", "PassThrough")
    if isinstance(tracing, dict):  # !If [Condition, Active, PassThrough] on a parameter
        condition, when_true, when_false = tracing["Fn::If"]
        equals = template["Conditions"][condition]["Fn::Equals"]
        default = template["Parameters"][equals[0]["Ref"]]["Default"]
        tracing = when_true if default == equals[1] else when_false
    return tracing == "Active"


def fires_per_month(expression: Any) -> float:
    if expression.period is not None:
        return MONTH / expression.period
    moment, end, fired = datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 1, 31, tzinfo=UTC), 0
    while (moment := expression.next_after(moment)) is not None and moment <= end:
        fired += 1
    return fired


def seed_services(stack: RunningStack, count: int) -> list[str]:
    """N active servers: an instance in the simulator and the row the worker would write."""
    from contabo_reseller.adapters.tables import ServiceRecord

    service_ids = [str(1_000 + n) for n in range(count)]
    names = [f"whmcs-service-{sid}" for sid in service_ids]
    instance_ids = seed_instances(stack, names, "seed")
    order = {"client_id": "7", "product_id": "V92", "region": "EU"}
    with ServiceRecord.batch_write() as batch:
        for sid, instance_id in zip(service_ids, instance_ids, strict=True):
            instance = stack.sim.state.instances[instance_id]
            batch.save(service_row(sid, instance, "7", client_email="ada@example.com", order=order))
    return service_ids


def _stored_gb(stack: RunningStack) -> float:
    import boto3

    client = boto3.client("dynamodb")
    total = 0
    for table in client.list_tables()["TableNames"]:
        for page in client.get_paginator("scan").paginate(TableName=table):
            total += sum(_item_size(item) + 100 for item in page["Items"])  # +100: overhead
    return total / 1024**3


# Pricing -------------------------------------------------------------------------------------


@dataclass
class Bill:
    lines: dict[str, float]  # cost per line, before free tier
    free: dict[str, float]  # what the always-free tier takes off each line
    units: Counter[str]
    metric_hours: dict[str, float]


def monthly_bill(activities: list[Activity], stored_gb: float) -> Bill:
    price, free = PRICES["prices"], PRICES["free_tier"]
    units: Counter[str] = Counter()
    metric_hours: dict[str, float] = {}
    for activity in activities:
        for unit, amount in activity.per_run.counts.items():
            units[unit] += amount * activity.per_month
        # A metric is billed for each hour it is sent in; an activity at least hourly sends
        # it every hour, a rarer one at most once per run.
        hours = min(MONTH_HOURS, activity.per_month)
        for metric in activity.per_run.metrics:
            metric_hours[metric] = min(MONTH_HOURS, metric_hours.get(metric, 0) + hours)
    template = load_template()
    architecture = template["Globals"]["Function"].get("Architectures", ["x86_64"])[0]
    gb_second = price[
        "lambda_gb_second_arm64" if architecture == "arm64" else "lambda_gb_second_x86"
    ]
    secrets = len(resources_of_type(template, "AWS::SecretsManager::Secret"))
    alarms = len(resources_of_type(template, "AWS::CloudWatch::Alarm"))
    dashboards = len(resources_of_type(template, "AWS::CloudWatch::Dashboard"))
    metric_months = sum(metric_hours.values()) / MONTH_HOURS
    log_gb = units["log_bytes"] / 1024**3
    lines = {
        "Lambda requests": units["lambda_requests"] / 1e6 * price["lambda_request_per_million"],
        "Lambda compute": units["lambda_gb_seconds"] * gb_second,
        "API Gateway": units["api_requests"] / 1e6 * price["api_gateway_rest_request_per_million"],
        "DynamoDB writes": units["dynamodb_wru"]
        / 1e6
        * price["dynamodb_on_demand_write_request_unit_per_million"],
        "DynamoDB reads": units["dynamodb_rru"]
        / 1e6
        * price["dynamodb_on_demand_read_request_unit_per_million"],
        "DynamoDB storage": stored_gb * price["dynamodb_storage_gb_month"],
        "Secrets Manager secrets": secrets * price["secrets_manager_secret_month"],
        "Secrets Manager API": units["secrets_manager_api_calls"]
        / 1e4
        * price["secrets_manager_api_calls_per_10k"],
        "Scheduler": units["scheduler_invocations"]
        / 1e6
        * price["scheduler_invocations_per_million"],
        "CloudWatch Logs": log_gb * price["cloudwatch_logs_ingested_gb"]
        + log_gb * price["cloudwatch_logs_stored_gb_month"],
        "Custom metrics": metric_months * price["cloudwatch_custom_metric_month"],
        "Alarms": alarms * price["cloudwatch_alarm_standard_month"],
        "Dashboard": dashboards * price["cloudwatch_dashboard_month"],
        "X-Ray traces": units["xray_traces"] / 1e6 * price["xray_traces_recorded_per_million"],
    }
    free_lines = {
        "Lambda requests": min(units["lambda_requests"], free["lambda_requests"])
        / 1e6
        * price["lambda_request_per_million"],
        "Lambda compute": min(units["lambda_gb_seconds"], free["lambda_gb_seconds"]) * gb_second,
        "DynamoDB storage": min(stored_gb, free["dynamodb_storage_gb"])
        * price["dynamodb_storage_gb_month"],
        "Scheduler": min(units["scheduler_invocations"], free["scheduler_invocations"])
        / 1e6
        * price["scheduler_invocations_per_million"],
        "CloudWatch Logs": lines["CloudWatch Logs"] * min(1.0, free["cloudwatch_logs_gb"] / log_gb)
        if log_gb
        else 0.0,
        "Custom metrics": min(metric_months, free["cloudwatch_custom_metrics"])
        * price["cloudwatch_custom_metric_month"],
        "Alarms": min(alarms, free["cloudwatch_alarms"]) * price["cloudwatch_alarm_standard_month"],
        "Dashboard": min(dashboards, free["cloudwatch_dashboards"])
        * price["cloudwatch_dashboard_month"],
        "X-Ray traces": min(units["xray_traces"], free["xray_traces_recorded"])
        / 1e6
        * price["xray_traces_recorded_per_million"],
    }
    units["metrics"] = len(metric_hours)
    units["log_gb"] = log_gb
    units["stored_gb"] = stored_gb
    return Bill(lines, free_lines, units, metric_hours)


def print_bill(count: int, bill: Bill, activities: list[Activity]) -> None:
    total = sum(bill.lines.values())
    free = sum(bill.free.values())
    print(f"\n### {count:,} services: ${total:,.2f} a month (${total - free:,.2f} after free tier)")
    print("\n| line | $ / month | always-free part | units |")
    print("|---|---:|---:|---|")
    u = bill.units
    described = {
        "Lambda requests": f"{u['lambda_requests']:,.0f} requests",
        "Lambda compute": f"{u['lambda_gb_seconds']:,.0f} GB-s",
        "API Gateway": f"{u['api_requests']:,.0f} requests",
        "DynamoDB writes": f"{u['dynamodb_wru']:,.0f} WRU",
        "DynamoDB reads": f"{u['dynamodb_rru']:,.0f} RRU",
        "DynamoDB storage": f"{u['stored_gb'] * 1024:,.1f} MB",
        "Secrets Manager API": f"{u['secrets_manager_api_calls']:,.0f} calls",
        "Scheduler": f"{u['scheduler_invocations']:,.0f} invocations",
        "CloudWatch Logs": f"{u['log_gb'] * 1024:,.1f} MB ingested",
        "Custom metrics": f"{u['metrics']} metrics",
        "X-Ray traces": f"{u['xray_traces']:,.0f} traces",
    }
    for line, cost in sorted(bill.lines.items(), key=lambda item: -item[1]):
        print(f"| {line} | {cost:.2f} | {bill.free.get(line, 0):.2f} | {described.get(line, '')} |")
    print("\nWhere it comes from (top activities by Lambda GB-s and log bytes):")
    for activity in sorted(activities, key=lambda a: -a.per_run.counts["log_bytes"] * a.per_month)[
        :6
    ]:
        logs_mb = activity.per_run.counts["log_bytes"] * activity.per_month / 1024**2
        gbs = activity.per_run.counts["lambda_gb_seconds"] * activity.per_month
        print(
            f"- {activity.name}: {activity.per_month:,.0f} a month, {logs_mb:,.1f} MB logs, "
            f"{gbs:,.0f} GB-s, {len(activity.per_run.metrics)} metrics"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES))
    parser.add_argument("--samples", type=int, default=20)
    args = parser.parse_args()
    print(f"Machine: {machine()}")
    print(f"Prices: {PRICES['region']}, read on {PRICES['read_on']} ({PRICES['currency']})")
    totals = {}
    for count in (int(s) for s in args.sizes.split(",")):
        started = time.monotonic()
        activities, stored_gb = measure_size(count, args.samples)
        bill = monthly_bill(activities, stored_gb)
        print_bill(count, bill, activities)
        print(f"(measured in {time.monotonic() - started:.0f} s)")
        totals[count] = sum(bill.lines.values()) - sum(bill.free.values())
    if 0 in totals:
        print("\nGoal: idle at most $3, and at most $5 more at 1,000 services (after free tier).")
        print(f"- idle: ${totals[0]:.2f}")
        if 1_000 in totals:
            print(f"- 1,000 services: ${totals[1_000] - totals[0]:.2f} more than idle")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
