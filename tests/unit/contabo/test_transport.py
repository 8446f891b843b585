"""One call: headers, retries for safe calls only, purchases never repeated, errors, audit."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from contabo_reseller.adapters.contabo.errors import (
    ContaboConflict,
    ContaboInvalidInput,
    ContaboNotFound,
    ContaboQuotaExceeded,
    ContaboRejected,
    ContaboUnavailable,
)
from contabo_reseller.adapters.contabo.operations import OPERATIONS
from contabo_reseller.adapters.contabo.transport import CallContext, ContaboTransport
from contabo_reseller.adapters.tables import AuditEntry
from contabo_reseller.domain import errors
from tests.unit.contabo.conftest import (
    API_PASSWORD,
    CLIENT_SECRET,
    FakeContabo,
    contabo_error,
    ok,
    sent_json,
)

GET_INSTANCE = OPERATIONS["retrieveInstance"]
CREATE_INSTANCE = OPERATIONS["createInstance"]
CREATE_SECRET = OPERATIONS["createSecret"]
CONTEXT = CallContext(service_id="svc-1", trace_id="trace-1")


def get_instance(transport: ContaboTransport) -> dict[str, Any] | None:
    return transport.call(GET_INSTANCE, CONTEXT, path_params={"instanceId": 12345})


def buy(transport: ContaboTransport, request_id: str) -> dict[str, Any] | None:
    return transport.call(CREATE_INSTANCE, CONTEXT, request_id=request_id)


def test_every_request_carries_a_uuid4_request_id_and_the_trace_id(
    transport: ContaboTransport, contabo: FakeContabo
) -> None:
    get_instance(transport)
    get_instance(transport)

    first, second = contabo.requests
    assert uuid.UUID(first.headers["x-request-id"]).version == 4
    assert first.headers["x-request-id"] != second.headers["x-request-id"]
    assert first.headers["x-trace-id"] == "trace-1"
    assert first.url.path == "/v1/compute/instances/12345"


def test_a_get_is_retried_after_429_honouring_retry_after(
    transport: ContaboTransport, contabo: FakeContabo, sleeps: list[float]
) -> None:
    contabo.replies = [
        contabo_error(429, "Too Many Requests", {"Retry-After": "7"}),
        contabo_error(503, "Service Unavailable"),
        ok({"data": [{"instanceId": 12345}]}),
    ]

    assert get_instance(transport) == {"data": [{"instanceId": 12345}]}

    assert sleeps == [7.0, 1.0]  # Retry-After, then jittered backoff (random()=1 -> 0.5*2**1)
    request_ids = {r.headers["x-request-id"] for r in contabo.requests}
    assert len(contabo.requests) == 3 and len(request_ids) == 1  # one call, one request id


def test_a_get_gives_up_after_the_allowed_retries(
    transport: ContaboTransport, contabo: FakeContabo, sleeps: list[float]
) -> None:
    contabo.default = lambda _: contabo_error(502, "Bad Gateway")

    with pytest.raises(ContaboUnavailable) as raised:
        get_instance(transport)

    assert isinstance(raised.value, errors.UpstreamUnavailable)
    assert len(contabo.requests) == 4
    assert sleeps == [0.5, 1.0, 2.0]


def test_transport_errors_on_a_get_are_retried(
    transport: ContaboTransport, contabo: FakeContabo
) -> None:
    contabo.replies = [httpx.ReadTimeout("slow"), ok({"data": [{}]})]
    assert get_instance(transport) == {"data": [{}]}
    assert len(contabo.requests) == 2


@pytest.mark.parametrize(
    "reply",
    [
        contabo_error(500, "Internal Server Error"),
        contabo_error(503, "Service Unavailable"),
        httpx.ReadTimeout("no answer"),
        httpx.RemoteProtocolError("connection closed"),
    ],
    ids=["500", "503", "read-timeout", "dropped"],
)
def test_a_purchase_with_an_unknown_outcome_is_never_repeated(
    transport: ContaboTransport, contabo: FakeContabo, sleeps: list[float], reply: Any
) -> None:
    contabo.replies = [reply]
    request_id = str(uuid.uuid4())

    with pytest.raises(errors.PurchaseOutcomeUnknown) as raised:
        buy(transport, request_id)

    assert raised.value.request_id == request_id
    assert len(contabo.requests) == 1
    assert contabo.requests[0].headers["x-request-id"] == request_id
    assert sleeps == []


def test_a_purchase_that_could_not_connect_was_not_made(
    transport: ContaboTransport, contabo: FakeContabo
) -> None:
    contabo.replies = [httpx.ConnectError("refused")]
    with pytest.raises(ContaboUnavailable):
        buy(transport, str(uuid.uuid4()))
    assert len(contabo.requests) == 1


def test_a_throttled_purchase_is_not_repeated(
    transport: ContaboTransport, contabo: FakeContabo
) -> None:
    contabo.replies = [contabo_error(429, "Too Many Requests", {"Retry-After": "1"})]
    with pytest.raises(ContaboUnavailable):
        buy(transport, str(uuid.uuid4()))
    assert len(contabo.requests) == 1


def test_a_purchase_refused_with_401_is_retried_once_with_the_same_request_id(
    transport: ContaboTransport, contabo: FakeContabo
) -> None:
    transport.call(OPERATIONS["retrieveTagList"], CONTEXT)
    contabo.rejected_tokens.add("access-token-1")
    request_id = str(uuid.uuid4())

    buy(transport, request_id)

    assert [r.headers["x-request-id"] for r in contabo.requests[1:]] == [request_id] * 2


def test_a_clean_4xx_on_a_purchase_is_a_definite_no(
    transport: ContaboTransport, contabo: FakeContabo
) -> None:
    contabo.replies = [contabo_error(400, ["productId must be a valid product", "region bad"])]
    with pytest.raises(ContaboInvalidInput) as raised:
        buy(transport, "3f1c2a9e-3c7b-4a8e-9d2f-2b1e8c7d6a5f")

    assert isinstance(raised.value, errors.InvalidInput)
    assert raised.value.message == "productId must be a valid product; region bad"
    assert raised.value.request_id == "3f1c2a9e-3c7b-4a8e-9d2f-2b1e8c7d6a5f"
    assert raised.value.details["status_code"] == 400


def test_non_purchase_creates_are_not_retried_either(
    transport: ContaboTransport, contabo: FakeContabo
) -> None:
    contabo.replies = [contabo_error(500, "Internal Server Error")]
    with pytest.raises(ContaboUnavailable):
        transport.call(CREATE_SECRET, CONTEXT)
    assert len(contabo.requests) == 1


@pytest.mark.parametrize(
    ("status", "message", "error_class", "domain_class"),
    [
        (400, "name must be shorter", ContaboInvalidInput, errors.InvalidInput),
        (422, ["instance is not running"], ContaboRejected, errors.UpstreamRejected),
        (402, "Payment required", ContaboQuotaExceeded, errors.QuotaExceeded),
        (404, "Entry Instance not found by instanceId: 1", ContaboNotFound, errors.NotFound),
        (409, ["snapshot limit reached", "delete one"], ContaboConflict, errors.Conflict),
    ],
)
def test_error_bodies_become_typed_errors_with_contabos_message(
    transport: ContaboTransport,
    contabo: FakeContabo,
    status: int,
    message: Any,
    error_class: type,
    domain_class: type,
) -> None:
    contabo.replies = [contabo_error(status, message)]

    with pytest.raises(error_class) as raised:
        get_instance(transport)

    expected = "; ".join(message) if isinstance(message, list) else message
    assert isinstance(raised.value, domain_class)
    assert raised.value.contabo_message == expected
    assert raised.value.status_code == status
    assert raised.value.request_id == contabo.requests[0].headers["x-request-id"]
    if status != 402:
        assert raised.value.message == expected


def test_an_error_without_a_json_body_still_maps(
    transport: ContaboTransport, contabo: FakeContabo
) -> None:
    contabo.replies = [httpx.Response(404, text="<html>not found</html>")]
    with pytest.raises(ContaboNotFound):
        get_instance(transport)


def test_pages_are_followed_until_total_pages_keeping_the_filters(
    transport: ContaboTransport, contabo: FakeContabo
) -> None:
    def page(request: httpx.Request) -> httpx.Response:
        number = int(request.url.params["page"])
        return ok(
            {
                "_pagination": {"size": 100, "totalElements": 250, "totalPages": 3, "page": number},
                "data": [{"n": (number - 1) * 100 + i} for i in range(100 if number < 3 else 50)],
                "_links": {"first": "/x?page=1", "self": f"/x?page={number}", "last": "/x?page=3"},
            }
        )

    contabo.default = page
    bodies = list(
        transport.pages(
            OPERATIONS["retrieveInstancesList"],
            CONTEXT,
            params={"displayName": "svc-1", "status": None, "instanceIds": [1, 2]},
        )
    )

    assert [len(body["data"]) for body in bodies] == [100, 100, 50]
    for number, request in enumerate(contabo.requests, start=1):
        assert dict(request.url.params) == {
            "displayName": "svc-1",
            "instanceIds": "1,2",
            "page": str(number),
            "size": "100",
        }


def test_an_empty_list_is_one_request(transport: ContaboTransport, contabo: FakeContabo) -> None:
    contabo.default = lambda _: ok(
        {"_pagination": {"totalPages": 0, "page": 1}, "data": [], "_links": {}}
    )
    assert list(transport.pages(OPERATIONS["retrieveTagList"], CONTEXT)) == [
        {"_pagination": {"totalPages": 0, "page": 1}, "data": [], "_links": {}}
    ]
    assert len(contabo.requests) == 1


def test_every_call_is_audited_without_secrets(
    transport: ContaboTransport, contabo: FakeContabo
) -> None:
    contabo.replies = [contabo_error(404, "not found")]
    with pytest.raises(ContaboNotFound):
        transport.call(
            OPERATIONS["retrieveSnapshot"],
            CONTEXT,
            path_params={"instanceId": 7, "snapshotId": "snap-1"},
        )
    transport.call(OPERATIONS["retrieveTagList"], CallContext(), params={"name": "x"})

    rows = sorted(AuditEntry.scan(), key=lambda row: row.entry_id)
    calls = {row.action: row for row in rows}
    assert set(calls) == {"accessToken", "retrieveSnapshot", "retrieveTagList"}
    snapshot = calls["retrieveSnapshot"]
    assert (snapshot.service_id, snapshot.trace_id, snapshot.kind) == (
        "svc-1",
        "trace-1",
        "contabo_call",
    )
    assert (snapshot.method, snapshot.path) == ("GET", "/v1/compute/instances/7/snapshots/snap-1")
    assert (snapshot.status_code, snapshot.outcome, snapshot.message) == (404, "error", "not found")
    assert snapshot.request_id == contabo.requests[0].headers["x-request-id"]
    assert snapshot.duration_ms is not None and snapshot.expires_at is not None
    assert calls["retrieveTagList"].service_id == "-"
    assert calls["retrieveTagList"].path == "/v1/tags"  # no query string
    dumped = " ".join(str(row.attribute_values) for row in rows)
    for secret in (CLIENT_SECRET, API_PASSWORD, *contabo.issued):
        assert secret not in dumped


def test_a_failing_audit_write_does_not_break_the_call(
    transport: ContaboTransport, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_save(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("DynamoDB is down")

    monkeypatch.setattr(AuditEntry, "save", broken_save)
    assert get_instance(transport) == {"data": []}


def test_request_bodies_use_contabos_field_names(
    transport: ContaboTransport, contabo: FakeContabo
) -> None:
    from contabo_reseller.adapters.contabo import generated_models as gm

    contabo.replies = [ok({"data": [{}]}, status=201)]
    order = gm.CreateInstanceRequest(product_id="V92", region="EU", display_name="svc-1", period=1)
    transport.call(CREATE_INSTANCE, CONTEXT, body=order, request_id=str(uuid.uuid4()))

    body = sent_json(contabo.requests[0])
    assert body["productId"] == "V92" and body["displayName"] == "svc-1"
    assert "display_name" not in body and "sshKeys" not in body


def test_a_call_that_no_longer_fits_after_fetching_its_token_is_not_sent(
    transport: ContaboTransport, contabo: FakeContabo
) -> None:
    """Contabo's sign-in is as slow as its API: a token fetch taking 3 s leaves too little of
    WHMCS's budget for the call it was for, which is then not started (not cut off midway)."""
    from types import SimpleNamespace

    from contabo_reseller import invocation

    readings = iter([0.0])  # the token request starts at 0 s and is answered at 3 s
    transport.monotonic = lambda: next(readings, 3.0)
    lambda_context = SimpleNamespace(get_remaining_time_in_millis=lambda: 10_000)
    # 2 s of budget (the clock above is the transport's; the budget's own clock stands still)
    with invocation.running(lambda_context, budget_seconds=2.0), pytest.raises(errors.OutOfTime):
        get_instance(transport)
    assert len(contabo.token_requests) == 1
    assert contabo.requests == []


def test_a_refused_token_is_not_replaced_when_the_call_again_would_end_past_the_budget(
    transport: ContaboTransport, contabo: FakeContabo
) -> None:
    """A 401 costs two more calls (a new token, the call again): with Contabo answering in
    2.5 s they do not fit WHMCS's 4.5 s, so the request stops now instead of after both."""
    from types import SimpleNamespace

    from contabo_reseller import invocation

    contabo.rejected_tokens.add("access-token-1")
    lambda_context = SimpleNamespace(get_remaining_time_in_millis=lambda: 10_000)
    with invocation.running(lambda_context, budget_seconds=4.5), pytest.raises(errors.OutOfTime):
        invocation.note_call(2.5)  # Contabo's calls take 2.5 s in this request
        get_instance(transport)
    assert len(contabo.requests) == 1  # the refused call, not asked again
    assert len(contabo.token_requests) == 1


def test_a_get_that_timed_out_is_not_retried_when_a_retry_would_end_past_the_budget(
    transport: ContaboTransport, contabo: FakeContabo
) -> None:
    """A timeout is a slow call too: Contabo gave no answer for 3 s, so a retry is expected to
    take as long and is not started with 2.5 s of WHMCS's budget left."""
    from types import SimpleNamespace

    from contabo_reseller import invocation

    assert transport.tokens is not None
    transport.tokens.current()  # signed in before: only the call is timed here
    readings = iter([0.0])  # the call starts at 0 s ...
    transport.monotonic = lambda: next(readings, 3.0)  # ... and times out at 3 s
    contabo.replies = [httpx.ReadTimeout("no answer"), ok({"data": [{}]})]
    lambda_context = SimpleNamespace(get_remaining_time_in_millis=lambda: 10_000)
    with invocation.running(lambda_context, budget_seconds=2.5), pytest.raises(errors.OutOfTime):
        get_instance(transport)
    assert len(contabo.requests) == 1  # the call that timed out, not asked again
