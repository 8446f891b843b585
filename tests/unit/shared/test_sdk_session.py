"""A cold request that touches several tables, the idempotency store and a secret parses each
AWS service model once, not once per table (adapters/sdk_session.py; docs/performance.md,
"Cold call")."""

from __future__ import annotations

import threading
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


def _in_a_fresh_thread(work: Callable[[], Any]) -> Any:
    """A new thread has no session yet, as a cold container has none."""
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


def test_every_table_and_the_idempotency_store_share_one_dynamodb_model(aws, service_model_loads):
    def first_request() -> None:
        for model in (ServiceRecord, JobRecord, AuditEntry, TokenItem):
            model._connection = None  # as in a new container
            model._get_connection().connection.client  # noqa: B018 - creates the client
        idempotency._persistence.cache_clear()
        idempotency._persistence().client  # noqa: B018

    _in_a_fresh_thread(first_request)
    assert service_model_loads["dynamodb"] == 1


def test_a_cold_request_opens_one_sdk_session(aws, monkeypatch):
    """Tables, the idempotency store, the secrets provider and the worker wake-up all use the
    thread's session."""
    opened: list[object] = []
    original = botocore.session.Session.__init__

    def counting(self: botocore.session.Session, *args: Any, **kwargs: Any) -> None:
        opened.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(botocore.session.Session, "__init__", counting)

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
    assert len(opened) == 1


def test_each_thread_has_its_own_session():
    """botocore sessions are not thread-safe; the local stack serves calls on threads."""
    here = sdk_session.botocore_session()
    there = _in_a_fresh_thread(sdk_session.botocore_session)
    assert here is sdk_session.botocore_session() and there is not here
