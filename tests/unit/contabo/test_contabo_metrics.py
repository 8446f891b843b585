"""The Contabo metrics: latency per attempt, 429 / 5xx / no answer, token failures."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from contabo_reseller import metrics
from contabo_reseller.adapters.contabo.errors import ContaboUnavailable
from contabo_reseller.adapters.contabo.operations import OPERATIONS
from contabo_reseller.adapters.contabo.token import AccessTokens
from contabo_reseller.adapters.contabo.transport import CallContext, ContaboTransport
from contabo_reseller.observability import metrics as shared_metrics
from tests.unit.contabo.conftest import FakeContabo, contabo_error, ok

GET_INSTANCE = OPERATIONS["retrieveInstance"]


@pytest.fixture(autouse=True)
def clean_metrics() -> Iterator[None]:
    shared_metrics.clear_metrics()
    yield
    shared_metrics.clear_metrics()


def recorded(name: str) -> list[float]:
    entry = shared_metrics.metric_set.get(name)
    return list(entry["Value"]) if entry else []


def get_instance(transport: ContaboTransport) -> None:
    transport.call(GET_INSTANCE, CallContext(), path_params={"instanceId": 1})


def test_each_attempt_records_its_latency_and_throttles_and_server_errors_count(
    transport: ContaboTransport, contabo: FakeContabo
) -> None:
    contabo.replies = [
        contabo_error(429, "Too Many Requests", {"Retry-After": "0"}),
        contabo_error(503, "Service Unavailable"),
        httpx.ConnectTimeout("no answer"),
        ok({"data": [{"instanceId": 1}]}),
    ]

    get_instance(transport)

    # Four attempts at the API plus the token request, each with a latency.
    assert len(recorded(metrics.CONTABO_LATENCY)) == 5
    assert shared_metrics.metric_set[metrics.CONTABO_LATENCY]["Unit"] == "Milliseconds"
    assert recorded(metrics.CONTABO_THROTTLED) == [1.0]
    assert recorded(metrics.CONTABO_SERVER_ERROR) == [1.0]
    assert recorded(metrics.CONTABO_UNREACHABLE) == [1.0]


def test_a_failed_token_request_counts_as_a_token_failure(
    transport: ContaboTransport, contabo: FakeContabo
) -> None:
    def sign_in_down(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/openid-connect/token"):
            return httpx.Response(503, json={"error": "down"})
        return contabo.handler(request)

    with httpx.Client(transport=httpx.MockTransport(sign_in_down)) as http:
        transport.http = http
        with pytest.raises(ContaboUnavailable):
            get_instance(transport)

    assert recorded(metrics.TOKEN_REFRESH_FAILED) == [1.0]
    assert recorded(metrics.CONTABO_SERVER_ERROR) == [1.0]  # the token endpoint's 503


def test_waiting_in_vain_for_another_container_s_refresh_counts_too(aws: None) -> None:
    tokens = AccessTokens(lambda: ("never", 300), sleep=lambda _: None, max_polls=2)
    tokens._acquire_lock = lambda: None  # type: ignore[method-assign]  # another holds it

    with pytest.raises(ContaboUnavailable):
        tokens.current()

    assert recorded(metrics.TOKEN_REFRESH_FAILED) == [1.0]
