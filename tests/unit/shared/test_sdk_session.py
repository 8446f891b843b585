"""A cold request that touches several tables, the idempotency store and a secret parses each
AWS service model once, not once per table or per thread (adapters/sdk_session.py;
docs/performance.md, "Cold call")."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

import boto3
import botocore.session
import pytest
from aws_lambda_powertools.utilities.parameters.base import DEFAULT_PROVIDERS
from botocore.loaders import JSONFileLoader

from contabo_reseller.adapters import sdk_session, secrets, worker_trigger
from contabo_reseller.adapters.tables import AuditEntry, JobRecord, ServiceRecord, TokenItem
from contabo_reseller.http import idempotency


@pytest.fixture
def new_container(monkeypatch: pytest.MonkeyPatch) -> None:
    """No session yet, as in a cold container."""
    monkeypatch.setattr(sdk_session, "_botocore", None)
    monkeypatch.setattr(sdk_session, "_boto3", None)


@pytest.fixture
def sessions_opened(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    opened: list[object] = []
    original = botocore.session.Session.__init__

    def counting(self: botocore.session.Session, *args: Any, **kwargs: Any) -> None:
        opened.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(botocore.session.Session, "__init__", counting)
    return opened


def _in_a_fresh_thread(work: Callable[[], Any]) -> Any:
    """A thread of its own, as the local stack serves each call and a parallel check runs."""
    result: dict[str, Any] = {}

    def run() -> None:
        try:
            result["value"] = work()
        except BaseException as error:  # re-raised in the test's thread
            result["error"] = error

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in result:
        raise result["error"]
    return result["value"]


@pytest.fixture
def service_model_loads(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    loads: Counter[str] = Counter()
    original = JSONFileLoader.load_file

    def counting(self: JSONFileLoader, file_path: str) -> Any:
        if file_path.endswith("service-2") or file_path.endswith("service-2.json"):
            loads[file_path.split("/")[-3]] += 1
        return original(self, file_path)

    monkeypatch.setattr(JSONFileLoader, "load_file", counting)
    return loads


def test_every_table_and_the_idempotency_store_share_one_dynamodb_model(
    aws, new_container, service_model_loads
):
    def first_request() -> None:
        for model in (ServiceRecord, JobRecord, AuditEntry, TokenItem):
            model._connection = None  # as in a new container
            model._get_connection().connection.client  # noqa: B018 - creates the client
        idempotency._persistence.cache_clear()
        idempotency._persistence().client  # noqa: B018

    _in_a_fresh_thread(first_request)
    assert service_model_loads["dynamodb"] == 1


def test_a_cold_request_opens_one_sdk_session(aws, monkeypatch, new_container, sessions_opened):
    """Tables, the idempotency store, the secrets provider and the worker wake-up all use the
    container's session."""

    def first_request() -> None:
        DEFAULT_PROVIDERS.clear()
        secrets.signing_keys()
        ServiceRecord._connection = None
        ServiceRecord._get_connection().connection.client  # noqa: B018
        idempotency._persistence.cache_clear()
        idempotency._persistence().client  # noqa: B018
        worker_trigger._lambda_client()  # CreateService wakes the provisioning worker

    monkeypatch.setattr(worker_trigger, "_clients", {})
    monkeypatch.setattr(boto3, "DEFAULT_SESSION", None)  # a client on it would open one more
    _in_a_fresh_thread(first_request)
    assert len(sessions_opened) == 1


def test_a_table_first_used_on_another_thread_opens_no_session(
    aws, new_container, sessions_opened, service_model_loads
):
    """A parallel check's thread makes its client on the container's session: a session of
    its own would parse DynamoDB's model again (tens of ms of CPU per thread)."""
    ServiceRecord._connection = None
    ServiceRecord._get_connection().connection.client  # noqa: B018 - on this thread
    AuditEntry._connection = None
    _in_a_fresh_thread(lambda: AuditEntry._get_connection().connection.client)
    assert len(sessions_opened) == 1
    assert service_model_loads["dynamodb"] == 1


def test_threads_share_the_session_and_make_clients_one_at_a_time(new_container, monkeypatch):
    """Making a botocore client fills the session's lazy caches, which is not thread-safe."""
    active, most = [0], [0]
    guard = threading.Lock()

    def slow_create_client(self: botocore.session.Session, *args: Any, **kwargs: Any) -> object:
        with guard:
            active[0] += 1
            most[0] = max(most[0], active[0])
        time.sleep(0.05)
        with guard:
            active[0] -= 1
        return object()

    monkeypatch.setattr(botocore.session.Session, "create_client", slow_create_client)
    sessions: list[object] = []

    def make_client() -> None:
        session = sdk_session.botocore_session()
        sessions.append(session)
        session.create_client("dynamodb", region_name="eu-central-1")

    threads = [threading.Thread(target=make_client) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(sessions) == 4 and all(session is sessions[0] for session in sessions)
    assert most[0] == 1


def test_boto3_registers_its_handlers_only_between_client_creations(new_container, monkeypatch):
    """Making a client copies the session's handlers; boto3 adds its own when its face of the
    session is made, which once raised "dictionary changed size during iteration" in a thread
    making a client meanwhile (50 threads' first Contabo sign-in, tests/contract)."""
    creating = threading.Event()
    overlaps: list[str] = []
    original_register = botocore.session.Session.register

    def slow_create_client(self: botocore.session.Session, *args: Any, **kwargs: Any) -> object:
        creating.set()
        time.sleep(0.2)
        creating.clear()
        return object()

    def register(self: botocore.session.Session, *args: Any, **kwargs: Any) -> None:
        if creating.is_set():
            overlaps.append(str(args[0]))
        original_register(self, *args, **kwargs)

    monkeypatch.setattr(botocore.session.Session, "create_client", slow_create_client)
    monkeypatch.setattr(botocore.session.Session, "register", register)
    session = sdk_session.botocore_session()
    maker = threading.Thread(target=lambda: session.create_client("dynamodb"))
    maker.start()
    assert creating.wait(timeout=5)
    sdk_session.boto3_session()
    maker.join()
    assert overlaps == []


def test_every_table_and_the_idempotency_store_share_one_dynamodb_client(aws, new_container):
    """One client per service and settings: each more would parse the endpoint rules again
    and open a connection pool (a TLS set-up against DynamoDB) of its own."""
    clients = []
    for model in (ServiceRecord, JobRecord, AuditEntry, TokenItem):
        model._connection = None  # as in a new container
        clients.append(model._get_connection().connection.client)
    idempotency._persistence.cache_clear()
    clients.append(idempotency._persistence().client)
    assert all(client is clients[0] for client in clients)
    session = sdk_session.botocore_session()
    other = session.create_client("dynamodb", region_name="eu-west-1")
    assert other is not clients[0]  # other settings, another client
    assert session.create_client("dynamodb", region_name="eu-west-1") is other


def test_a_client_made_without_credentials_is_made_again(aws, new_container, monkeypatch):
    session = sdk_session.botocore_session()
    first = session.create_client("dynamodb", region_name="eu-central-1")
    monkeypatch.setattr(first._request_signer, "_credentials", None)
    assert session.create_client("dynamodb", region_name="eu-central-1") is not first


def test_a_client_is_not_handed_out_once_the_aws_environment_changed(
    aws, new_container, monkeypatch
):
    """A new local stack (another moto port in AWS_ENDPOINT_URL) gets clients of its own."""
    session = sdk_session.botocore_session()
    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:40001")
    first = session.create_client("dynamodb", region_name="eu-central-1")
    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:40002")
    second = session.create_client("dynamodb", region_name="eu-central-1")
    assert second is not first
    assert second.meta.endpoint_url == "http://127.0.0.1:40002"
