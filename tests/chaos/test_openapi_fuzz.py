"""Fuzz the backend's own API (docs/openapi.json) with schemathesis, every request signed as
WHMCS signs it: no answer may be a 5xx, and every rejection is a 4xx whose body says what was
wrong (``{"error": {"code", "message"}}``).

For each operation schemathesis generates ``CHAOS_FUZZ_EXAMPLES`` cases (default 50), valid
and invalid ones (wrong types, missing fields, values outside the schema), reproducibly
(derandomized). Each case is built into the exact request httpx will send, then signed over
those bytes (method, decoded path, query, body), so the backend's checks past the signature
are what is exercised. Passwords the fuzzer sent join the secrets the whole suite's logs are
scanned for.

The fuzzer meets an empty audit log (the earlier tests' rows are kept for the secrets scan):
on moto, the admin's CSV export of a day with the suite's ~12,000 rows takes longer than the
function's 10 s timeout, which says more about moto than about the code (docs/reliability.md).
"""

from __future__ import annotations

import os
import time
from collections import Counter
from typing import Any
from urllib.parse import unquote, urlsplit

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode

from local.stack.template import REPO_ROOT
from tests.chaos.conftest import fresh_audit_log, record_figures

pytestmark = pytest.mark.slow

SCHEMA = schemathesis.openapi.from_path(str(REPO_ROOT / "docs" / "openapi.json"))
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]
EXAMPLES = int(os.environ.get("CHAOS_FUZZ_EXAMPLES", "50"))
SIGNATURE_HEADERS = (
    "x-whmcs-key-id",
    "x-whmcs-timestamp",
    "x-whmcs-nonce",
    "x-whmcs-signature",
    "x-whmcs-signature-version",
)
TOTALS: Counter[str] = Counter()
STARTED: list[float] = []


@pytest.fixture(scope="module")
def http() -> Any:
    with httpx.Client(timeout=60) as client:
        yield client


@pytest.fixture(scope="module", autouse=True)
def summary(stack, suite_output) -> Any:
    archived = fresh_audit_log(stack, suite_output)
    STARTED.append(time.monotonic())
    yield
    if TOTALS["requests"]:
        statuses = {k: v for k, v in sorted(TOTALS.items()) if k.isdigit()}
        record_figures(
            f"fuzz: {len(OPERATIONS)} operations x {EXAMPLES} examples, {TOTALS['requests']} "
            f"signed requests in {time.monotonic() - STARTED[0]:.0f} s; answers {statuses}; "
            f"5xx {TOTALS['server_errors']}, 4xx without an error message "
            f"{TOTALS['unexplained']}, not sendable {TOTALS['unsendable']} (audit log emptied "
            f"first: {archived} rows kept for the secrets scan)"
        )


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.label)
def test_fuzzed_requests_get_no_5xx_and_every_rejection_says_why(
    whmcs, http, known_secrets, operation
):
    problems: list[str] = []
    cases = st.one_of(
        operation.as_strategy(GenerationMode.POSITIVE),
        operation.as_strategy(GenerationMode.NEGATIVE),
    )

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.explicit, Phase.generate],  # no shrinking: each problem is reported
        suppress_health_check=list(HealthCheck),
    )
    @given(case=cases)
    def exercise(case: Any) -> None:
        request = signed_request(whmcs, http, case)
        if request is None:
            TOTALS["unsendable"] += 1
            return
        remember_passwords(known_secrets, case.body)
        response = http.send(request)
        TOTALS["requests"] += 1
        TOTALS[str(response.status_code)] += 1
        where = f"{request.method} {request.url.path}?{request.url.query.decode()}"
        if response.status_code >= 500:
            TOTALS["server_errors"] += 1
            sent = request.content[:300]
            problems.append(f"{where} {sent!r} -> {response.status_code} {response.text[:300]}")
        elif response.status_code >= 400 and not explains(response):
            TOTALS["unexplained"] += 1
            problems.append(f"{where} -> {response.status_code} unexplained: {response.text[:300]}")

    exercise()
    assert not problems, "\n".join(problems[:10])


def signed_request(whmcs, http: httpx.Client, case: Any) -> httpx.Request | None:
    """The request httpx will send for this case, signed over its own bytes; None when the
    case cannot travel over HTTP at all (e.g. a header value with a line break)."""
    kwargs = case.as_transport_kwargs(base_url=whmcs.api_url)
    headers = {
        name: value
        for name, value in (kwargs.get("headers") or {}).items()
        if name.lower() not in SIGNATURE_HEADERS
    }
    data, content = kwargs.get("data"), kwargs.get("content")
    if isinstance(data, str | bytes):  # a raw body (negative cases): httpx sends it as content
        data, content = None, data
    try:
        request = http.build_request(
            kwargs["method"],
            kwargs["url"],
            params=kwargs.get("params"),
            headers=headers,
            json=kwargs.get("json"),
            content=content,
            data=data,
        )
        body = request.read()
    except (httpx.HTTPError, TypeError, ValueError, UnicodeEncodeError):
        return None
    route = unquote(request.url.path).removeprefix(urlsplit(whmcs.api_url).path)
    signature = whmcs.signature_headers(request.method, route, request.url.query.decode(), body)
    request.headers.update(signature)
    return request


def explains(response: httpx.Response) -> bool:
    try:
        error = response.json()["error"]
    except (ValueError, KeyError, TypeError):
        return False
    return (
        isinstance(error, dict)
        and isinstance(error.get("code"), str)
        and bool(error["code"])
        and isinstance(error.get("message"), str)
        and bool(error["message"].strip())
    )


def remember_passwords(known_secrets, body: Any) -> None:
    """A password the fuzzer sent must not reach a log either (when it looks like one: short
    or repetitive strings would match ordinary log text by chance)."""
    if not isinstance(body, dict):
        return
    for key, value in body.items():
        if "password" in str(key).lower() and isinstance(value, str):
            if len(value) >= 10 and len(set(value)) >= 6:
                known_secrets.add(f"fuzzed {key}", value)
        elif isinstance(value, dict):
            remember_passwords(known_secrets, value)
