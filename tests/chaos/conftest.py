"""The reliability and security suite (`make chaos`), on the same local stack as the lifecycle
tests (their fixtures imported, not copied). Not part of `make test`: it takes minutes.

What every chaos test shares:

- ``ledger``: what the simulated Contabo really did, counted where it happens (its operation
  handlers): purchases per instance/storage, cancellations per instance. A double purchase or
  a lost one shows here whatever the backend believes.
- ``known_secrets``: every secret the suite met (generated root passwords and S3 keys as the
  simulator stored them, Contabo tokens as issued, passwords the tests or the fuzzer sent);
  ``test_no_secrets_in_logs`` scans the whole suite's log output for them, last.
- ``active_services(n)``: n servers ordered through the API, bought and installed.
- ``CHAOS_RUNS`` (default 200) sets the randomized runs per operation; lower it while
  developing a test, never for the recorded figures.
"""

from __future__ import annotations

import io
import json
import logging
import os
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, TextIO

import pytest

from contabo_reseller.adapters import service_store
from contabo_reseller.adapters.tables import ServiceRecord
from contabo_reseller.observability import logger  # noqa: F401 (its handler exists before capture)
from local.signed_client import SignedClient
from local.stack.aws import DEMO_CONTABO_CREDENTIALS, DEMO_SIGNING_SECRET
from local.stack.runner import RunningStack
from tests.integration.lifecycle.conftest import (  # noqa: F401 (fixtures)
    _service_ids,
    run_worker,
    service_id,
    settle,
    sim,
    stack,
    whmcs,
)
from tests.integration.lifecycle.test_create_and_provision import order
from tests.log_scan import MIN_SECRET_LENGTH

RUNS = int(os.environ.get("CHAOS_RUNS", "200"))
# The order tests run in: the fuzzer and the load test leave services behind (and the fuzzer
# random admin settings), so they come after the exactly-once and crash tests; the scan of
# the whole suite's logs comes last.
MODULE_ORDER = (
    "test_exactly_once",
    "test_exactly_once_compute_purchases",
    "test_exactly_once_domains",
    "test_object_storage_pool_growth",
    "test_crash_consistency",
    "test_terminate_any_step",
    "test_billing_wins",
    "test_latency_budget",
    "test_auth_every_route",
    "test_auth_header_fuzz",
    "test_ownership",
    "test_reused_ids",
    "test_load",
    "test_openapi_fuzz",
    "test_no_secrets_in_logs",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        module = item.module.__name__.rpartition(".")[2] if item.module else ""
        return MODULE_ORDER.index(module) if module in MODULE_ORDER else len(MODULE_ORDER) - 1

    items.sort(key=rank)  # stable: a module's own order is kept


# ---------------------------------------------------------------- what Contabo really did


@dataclass
class Ledger:
    """Successful purchases and cancellations at the simulator, by the resource they were for."""

    purchases: Counter[tuple[str, str]] = field(default_factory=Counter)
    cancellations: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def bought(self, operation: str, resource: Any) -> int:
        with self.lock:
            return self.purchases[(operation, str(resource))]

    def cancelled(self, instance_id: Any) -> int:
        with self.lock:
            return self.cancellations[str(instance_id)]

    def total(self, operation: str) -> int:
        with self.lock:
            return sum(n for (op, _), n in self.purchases.items() if op == operation)


def _resource_of(operation: str, ctx: Any, reply: Any) -> str:
    if operation == "createInstance":
        return str(ctx.body.get("displayName", ""))
    if operation == "createObjectStorage":
        return str(ctx.body.get("displayName", ""))
    if operation in ("upgradeInstance", "requestRegionChange"):
        return str(ctx.path["instanceId"])
    return str(ctx.path.get("objectStorageId", ""))


@pytest.fixture(scope="session")
def ledger(stack: RunningStack) -> Iterator[Ledger]:  # noqa: F811
    """Wraps the simulator's purchase and cancel handlers for the whole suite."""
    from local.contabo_sim.routes import HANDLERS

    book = Ledger()
    originals = {
        name: HANDLERS[name]
        for name in (
            "createInstance",
            "upgradeInstance",
            "createObjectStorage",
            "upgradeObjectStorage",
            "requestRegionChange",
            "cancelInstance",
        )
    }

    def counted(name: str, handler: Callable[[Any], Any]) -> Callable[[Any], Any]:
        def run(ctx: Any) -> Any:
            reply = handler(ctx)  # raises when Contabo refuses: nothing happened
            with book.lock:
                if name == "cancelInstance":
                    book.cancellations[str(ctx.path["instanceId"])] += 1
                else:
                    book.purchases[(name, _resource_of(name, ctx, reply))] += 1
            return reply

        return run

    for name, handler in originals.items():
        HANDLERS[name] = counted(name, handler)
    yield book
    HANDLERS.update(originals)


# ---------------------------------------------------------------- secrets and log capture


class KnownSecrets:
    """Every secret value the suite met, by a name saying what it is."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {
            "WHMCS signing secret": DEMO_SIGNING_SECRET,
            "Contabo client secret": DEMO_CONTABO_CREDENTIALS["client_secret"],
            "Contabo API password": DEMO_CONTABO_CREDENTIALS["api_password"],
        }
        self._lock = threading.Lock()

    def add(self, name: str, value: Any) -> None:
        if isinstance(value, str) and len(value) >= MIN_SECRET_LENGTH:
            with self._lock:
                if value not in self.values.values():
                    taken = name in self.values
                    self.values[f"{name} #{len(self.values)}" if taken else name] = value

    def snapshot(self) -> dict[str, str]:
        with self._lock:
            return dict(self.values)


class _RecordingDict(dict):  # type: ignore[type-arg]
    """A simulator table that tells ``KnownSecrets`` about every secret stored in it."""

    def __init__(self, original: dict, remember: Callable[[Any, Any], None]) -> None:  # type: ignore[type-arg]
        super().__init__(original)
        self._remember = remember
        for key, value in original.items():
            remember(key, value)

    def __setitem__(self, key: Any, value: Any) -> None:
        self._remember(key, value)
        super().__setitem__(key, value)


@pytest.fixture(scope="session")
def known_secrets(stack: RunningStack) -> Iterator[KnownSecrets]:  # noqa: F811
    """Records every password secret, S3 secret key and access token the simulator keeps."""
    known = KnownSecrets()
    state = stack.sim.state

    def secret(_: Any, value: dict) -> None:  # type: ignore[type-arg]
        if value.get("type") == "password":
            known.add(f"Contabo password secret {value.get('name')}", value.get("value"))

    def credential(key: Any, value: dict) -> None:  # type: ignore[type-arg]
        known.add(f"S3 secret key of user {key}", value.get("secretKey"))

    issue_token = state.issue_token

    def recorded_token() -> str:
        token: str = issue_token()
        known.add(f"Contabo access token {token[:6]}", token)
        return token

    from local.contabo_sim.routes import HANDLERS

    update_secret = HANDLERS["updateSecret"]

    def recorded_update(ctx: Any) -> Any:  # a new root password set in place
        reply = update_secret(ctx)
        secret(None, state.secrets.get(int(ctx.path["secretId"]), {}))
        return reply

    with state.lock:
        state.secrets = _RecordingDict(state.secrets, secret)
        state.s3_keys = _RecordingDict(state.s3_keys, credential)  # one key pair per user
    for token in list(state.tokens):
        known.add(f"Contabo access token {token[:6]}", token)
    state.issue_token = recorded_token
    HANDLERS["updateSecret"] = recorded_update
    yield known
    state.issue_token = issue_token
    HANDLERS["updateSecret"] = update_secret


class _QuietTee(io.TextIOBase):
    """Writes everything into the suite's capture; the terminal gets only what is not a
    function's JSON log line or metric (``-s`` shows the tallies, not thousands of logs)."""

    def __init__(self, stream: TextIO, sink: Callable[[str], None]) -> None:
        self.stream = stream
        self._sink = sink
        self._swallowed_line = False

    def write(self, text: str) -> int:
        self._sink(text)
        if text.startswith('{"'):
            self._swallowed_line = not text.endswith("\n")  # print() sends its "\n" apart
            return len(text)
        if self._swallowed_line and text == "\n":
            self._swallowed_line = False
            return len(text)
        self._swallowed_line = False
        return self.stream.write(text)

    def flush(self) -> None:
        self.stream.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


class SuiteOutput:
    """Everything the suite logged or printed, and audit rows archived on the way, for
    test_no_secrets_in_logs."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._lock = threading.Lock()
        self.archived_audit_rows: list[str] = []

    def sink(self, text: str) -> None:
        with self._lock:
            self._parts.append(text)

    @property
    def text(self) -> str:
        with self._lock:
            return "".join(self._parts)


@pytest.fixture(scope="session", autouse=True)
def suite_output(stack: RunningStack, known_secrets: KnownSecrets) -> Iterator[SuiteOutput]:  # noqa: F811
    """Every log line (every logging stream handler, Powertools' included: it keeps the stdout
    it found at import) and everything printed, for the whole suite."""
    output = SuiteOutput()
    known = logging.root.manager.loggerDict.values()
    loggers = [logging.getLogger(), *(item for item in known if isinstance(item, logging.Logger))]
    swapped = [
        (handler, handler.setStream(_QuietTee(handler.stream, output.sink)))  # type: ignore[arg-type]
        for log in loggers
        for handler in log.handlers
        if isinstance(handler, logging.StreamHandler)
    ]
    real_out, real_err = sys.stdout, sys.stderr
    sys.stdout = _QuietTee(real_out, output.sink)  # type: ignore[assignment]
    sys.stderr = _QuietTee(real_err, output.sink)  # type: ignore[assignment]
    try:
        yield output
    finally:
        sys.stdout, sys.stderr = real_out, real_err
        for handler, original in swapped:
            handler.setStream(original)


FIGURES: list[str] = []


def record_figures(*lines: str) -> None:
    """Printed now and again at the end of the run (make chaos's summary)."""
    for line in lines:
        print(line)
    FIGURES.extend(lines)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if FIGURES:
        terminalreporter.section("chaos figures")
        for line in FIGURES:
            terminalreporter.write_line(line)


# ---------------------------------------------------------------- services and WHMCS habits


def new_service_id() -> str:
    return str(next(_service_ids))


def active_services(
    stack: RunningStack,  # noqa: F811
    whmcs: SignedClient,  # noqa: F811
    count: int,
    **overrides: Any,
) -> list[str]:
    """``count`` servers ordered through the API, bought and installed (the worker runs in
    batches: an order's own wake-up buys it, one worker run finishes them all)."""
    sids = [new_service_id() for _ in range(count)]
    for sid in sids:
        created = whmcs.request("POST", f"/services/{sid}/create", order(**overrides))
        assert created.status_code == 202, created.text
    pending = set(sids)
    for _ in range(20):
        stack.sim.state.clock.advance(120)
        run_worker(stack)
        pending = {sid for sid in pending if _state(sid) != "active"}
        if not pending:
            return sids
        time.sleep(0.2)  # wake-ups still buying hold their services' locks
    raise AssertionError(f"services not active: { {sid: _state(sid) for sid in pending} }")


def _state(sid: str) -> str | None:
    record = service_store.get(sid)
    return record.state if record else None


def ask(
    whmcs: SignedClient,  # noqa: F811
    method: str,
    path: str,
    body: dict[str, Any] | None = None,
    attempts: int = 8,
) -> Any:
    """What the WHMCS module and an admin do on a 5xx or a 409: ask again a moment later."""
    response = None
    for attempt in range(attempts):
        response = whmcs.request(method, path, body)
        if response.status_code < 500 and response.status_code != 409:
            return response
        time.sleep(min(0.1 * 2**attempt, 1.0))
    return response


def fresh_audit_log(stack: RunningStack, output: SuiteOutput) -> int:  # noqa: F811
    """Moves the audit table's rows into ``output`` (still scanned for secrets at the end) and
    starts an empty table: moto reads an index in time proportional to the whole table, so
    the suite's thousands of rows would make the admin's audit export time out locally."""
    import boto3

    from contabo_reseller.adapters.tables import AuditEntry
    from local.stack.aws import create_tables

    rows = [json.dumps(row.attribute_values, default=str) for row in AuditEntry.scan()]
    output.archived_audit_rows.extend(rows)
    dynamodb = boto3.client("dynamodb")
    dynamodb.delete_table(TableName=stack.names.physical("AuditTable"))
    create_tables(dynamodb, stack.names, stack.template)
    return len(rows)


def lock_holder(sid: str) -> str | None:
    """Who holds the service's lock now (an expired lock holds nobody out)."""
    record = ServiceRecord.get(sid, consistent_read=True)
    if record.lock_owner and (record.lock_expires_at or 0) > time.time():
        return record.lock_owner
    return None


def expire_lock(sid: str) -> None:
    """Time passes until a dead invocation's service lock has expired (nothing else changes)."""
    ServiceRecord(service_id=sid).update(
        actions=[ServiceRecord.lock_expires_at.set(time.time() - 1)],
        condition=ServiceRecord.lock_owner.exists(),
    )
