"""EMF metrics: what a lifecycle action, a failed request and a flush write to stdout."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from contabo_reseller import metrics
from contabo_reseller.domain.errors import ActionRefused, UpstreamUnavailable
from contabo_reseller.http.api import create_api
from contabo_reseller.observability import metrics as shared_metrics
from contabo_reseller.services.actions import service_action

NAMESPACE = os.environ["POWERTOOLS_METRICS_NAMESPACE"]
SERVICE = os.environ["POWERTOOLS_SERVICE_NAME"]


@pytest.fixture(autouse=True)
def clean_metrics() -> Iterator[None]:
    shared_metrics.clear_metrics()  # other tests may have added values without a flush
    yield
    shared_metrics.clear_metrics()


def emf_blobs(out: str) -> list[dict[str, Any]]:
    """The EMF documents among stdout's lines (log lines are JSON too, without ``_aws``)."""
    blobs = []
    for line in out.splitlines():
        try:
            document = json.loads(line)
        except ValueError:
            continue
        if isinstance(document, dict) and "_aws" in document:
            blobs.append(document)
    return blobs


def values_of(blobs: list[dict[str, Any]], name: str) -> list[tuple[dict[str, str], Any]]:
    """(dimensions, value) of every blob declaring metric ``name``."""
    found = []
    for blob in blobs:
        for directive in blob["_aws"]["CloudWatchMetrics"]:
            if any(m["Name"] == name for m in directive["Metrics"]):
                keys = {key for dimension_set in directive["Dimensions"] for key in dimension_set}
                found.append(({key: blob[key] for key in keys}, blob[name]))
                assert directive["Namespace"] == NAMESPACE
    return found


def test_a_lifecycle_action_emits_a_call_with_its_action_dimension(aws, capsys) -> None:
    with service_action("4242", "suspend", actor="test"):
        pass

    blobs = emf_blobs(capsys.readouterr().out)
    assert values_of(blobs, metrics.LIFECYCLE_CALL) == [
        ({"Action": "suspend", "service": SERVICE}, [1.0])
    ]
    assert values_of(blobs, metrics.LIFECYCLE_ERROR) == []


def test_a_fault_in_an_action_is_one_error_even_when_the_api_counts_it_again(aws, capsys):
    with pytest.raises(UpstreamUnavailable) as raised, service_action("4243", "terminate", "t"):
        raise UpstreamUnavailable("Contabo is down")
    metrics.record_lifecycle_error("POST /services/{serviceId}/terminate", raised.value)

    blobs = emf_blobs(capsys.readouterr().out)
    assert values_of(blobs, metrics.LIFECYCLE_ERROR) == [
        ({"Action": "terminate", "service": SERVICE}, [1.0])
    ]
    assert values_of(blobs, metrics.LIFECYCLE_CALL) == [
        ({"Action": "terminate", "service": SERVICE}, [1.0])
    ]


def test_an_unexpected_error_counts_and_a_refusal_does_not(aws, capsys) -> None:
    with pytest.raises(ActionRefused), service_action("4244", "unsuspend", "t"):
        raise ActionRefused("The service is terminated.")
    with pytest.raises(KeyError), service_action("4244", "renew", "t"):
        raise KeyError("bug")

    errors = values_of(emf_blobs(capsys.readouterr().out), metrics.LIFECYCLE_ERROR)
    assert [dimensions["Action"] for dimensions, _ in errors] == ["renew"]


def test_an_action_leaves_no_log_keys_behind(aws) -> None:
    from contabo_reseller.observability import logger

    with service_action("4245", "suspend", "t"):
        assert logger.get_current_keys()["service_id"] == "4245"

    assert "service_id" not in logger.get_current_keys()


def test_a_failing_route_counts_its_route_and_the_resolver_flushes(capsys) -> None:
    api = create_api(signed=False)

    @api.get("/boom")
    def boom() -> dict:
        metrics.record(metrics.CONTABO_THROTTLED, 1)
        raise RuntimeError("bug")

    response = api.resolve(_event("GET", "/boom"), _Context())

    assert response["statusCode"] == 500
    blobs = emf_blobs(capsys.readouterr().out)
    assert values_of(blobs, metrics.LIFECYCLE_ERROR) == [
        ({"Action": "GET /boom", "service": SERVICE}, [1.0])
    ]
    # The invocation's shared metrics, flushed by the resolver: dimension service only.
    assert values_of(blobs, metrics.CONTABO_THROTTLED) == [({"service": SERVICE}, [1.0])]


def test_a_request_refused_for_bad_input_is_no_error(capsys) -> None:
    api = create_api(signed=False)

    @api.get("/refused")
    def refused() -> dict:
        raise ActionRefused("no")

    assert api.resolve(_event("GET", "/refused"), _Context())["statusCode"] == 422
    assert emf_blobs(capsys.readouterr().out) == []  # nothing recorded: nothing flushed


def test_provisioning_time_is_seconds_from_the_order(capsys) -> None:
    ordered = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    metrics.record_provisioning_time(ordered, now=ordered + timedelta(minutes=3))
    metrics.record_provisioning_time(None)
    metrics.flush()

    blob = emf_blobs(capsys.readouterr().out)[0]
    assert blob[metrics.PROVISIONING_SECONDS] == [180.0]
    definition = blob["_aws"]["CloudWatchMetrics"][0]["Metrics"]
    assert {"Name": metrics.PROVISIONING_SECONDS, "Unit": "Seconds"} in definition


def test_metrics_never_break_the_caller(monkeypatch, capsys) -> None:
    monkeypatch.delenv("POWERTOOLS_METRICS_NAMESPACE")
    metrics.record_lifecycle_call("suspend")  # no namespace: EMF refuses, we log and go on
    monkeypatch.setenv("POWERTOOLS_METRICS_DISABLED", "true")
    monkeypatch.setenv("POWERTOOLS_METRICS_NAMESPACE", NAMESPACE)
    metrics.record_lifecycle_call("suspend")
    metrics.record(metrics.QUEUE_DEPTH, 3)
    metrics.flush()

    assert emf_blobs(capsys.readouterr().out) == []


def test_an_empty_flush_writes_nothing(capsys) -> None:
    metrics.flush()
    assert emf_blobs(capsys.readouterr().out) == []


class _Context:
    function_name = "unit"
    memory_limit_in_mb = 128
    invoked_function_arn = "arn:aws:lambda:eu-central-1:123456789012:function:unit"
    aws_request_id = "req-unit"


def _event(method: str, path: str) -> dict[str, Any]:
    return {
        "resource": path,
        "path": path,
        "httpMethod": method,
        "headers": {},
        "multiValueHeaders": {},
        "queryStringParameters": None,
        "multiValueQueryStringParameters": None,
        "pathParameters": None,
        "requestContext": {"requestId": "req-1", "resourcePath": path, "stage": "Prod"},
        "body": None,
        "isBase64Encoded": False,
    }
