"""Issue 15 item 4: any value in the four signature headers is a 401, never a 500 or a
LifecycleError metric (a superscript digit passed str.isdigit() and then broke int(); a
non-ASCII signature made hmac.compare_digest raise)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contabo_reseller import metrics
from contabo_reseller.domain import signing
from contabo_reseller.domain.errors import NotAuthenticated
from contabo_reseller.http.api import create_api
from contabo_reseller.services.request_auth import SignedRequest, verify_request
from local.signed_client import SignedClient
from local.stack.aws import DEMO_SIGNING_KEY_ID, DEMO_SIGNING_SECRET
from local.stack.functions import FakeLambdaContext

SIGNER = SignedClient("http://unused/Prod", DEMO_SIGNING_KEY_ID, DEMO_SIGNING_SECRET)
AUTH_HEADERS = (
    signing.KEY_ID_HEADER,
    signing.TIMESTAMP_HEADER,
    signing.NONCE_HEADER,
    signing.SIGNATURE_HEADER,
    signing.VERSION_HEADER,
)
MALFORMED = {
    signing.TIMESTAMP_HEADER: [
        "²",
        "\uff11\uff17\uff16\uff17\uff12\uff12\uff15\uff16\uff10\uff10"  # fullwidth digits,
        "1767225600\n",
        " 1767225600",
        "-1",
        "1e9",
    ],
    signing.SIGNATURE_HEADER: ["é" * 64, "\uff41" * 64, "0" * 63 + "\n", "zz", "0" * 65],
    signing.NONCE_HEADER: ["\uff4e" * 20, "abcdefghijklmnop\n", "x" * 65],
    signing.KEY_ID_HEADER: ["ключ", "\x00", "local-key\u200b"],
}


def signed_headers(path: str = "/ping") -> dict[str, str]:
    return {
        name.lower(): value
        for name, value in SIGNER.signature_headers("GET", path, "", b"").items()
    }


def request_with(headers: dict[str, str]) -> SignedRequest:
    return SignedRequest(
        method="GET",
        path="/ping",
        query=None,
        headers=headers,
        body=b"",
        host="unused",
        full_path="/Prod/ping",
    )


def never_remember(*_: Any) -> bool:
    raise AssertionError("an unauthenticated request must not spend a nonce")


def test_a_correctly_signed_request_still_passes(aws):
    assert verify_request(request_with(signed_headers())).key_id == DEMO_SIGNING_KEY_ID


@pytest.mark.parametrize(
    ("header", "value"), [(h, v) for h, values in MALFORMED.items() for v in values]
)
def test_a_malformed_header_is_not_authenticated(aws, header, value):
    headers = signed_headers() | {header: value}
    with pytest.raises(NotAuthenticated):
        verify_request(request_with(headers), remember_nonce=never_remember)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(header=st.sampled_from(AUTH_HEADERS), value=st.text(max_size=80))
def test_any_unicode_in_any_auth_header_is_not_authenticated(aws, header, value):
    headers = signed_headers() | {header: value}
    if value == headers.get(header) or (
        header == signing.KEY_ID_HEADER and value == DEMO_SIGNING_KEY_ID
    ):
        return  # the genuine value: not malformed
    with pytest.raises(NotAuthenticated):
        verify_request(request_with(headers), remember_nonce=never_remember)


def test_the_signature_compare_never_raises_on_non_hex():
    assert not signing.signature_matches("s", "canonical", "é" * 64)
    assert not signing.signature_matches("s", "canonical", "")


@pytest.mark.parametrize(
    ("header", "value"), [(signing.TIMESTAMP_HEADER, "²"), (signing.SIGNATURE_HEADER, "é" * 64)]
)
def test_the_api_answers_401_and_counts_no_error(aws, capsys, header, value):
    api = create_api()

    @api.get("/ping")
    def ping() -> dict[str, str]:
        return {"ok": "yes"}

    headers = signed_headers() | {header: value}
    event = {
        "resource": "/ping",
        "path": "/ping",
        "httpMethod": "GET",
        "headers": headers,
        "multiValueHeaders": {name: [v] for name, v in headers.items()},
        "queryStringParameters": None,
        "multiValueQueryStringParameters": None,
        "pathParameters": None,
        "requestContext": {
            "requestId": "r-1",
            "stage": "Prod",
            "path": "/Prod/ping",
            "domainName": "unused",
        },
        "body": None,
        "isBase64Encoded": False,
    }
    response = api.resolve(event, FakeLambdaContext("unit", 128, 10, "eu-central-1"))

    assert response["statusCode"] == 401
    assert json.loads(response["body"])["error"]["code"] == "not_authenticated"
    assert metrics.LIFECYCLE_ERROR not in capsys.readouterr().out
