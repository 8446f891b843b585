"""Issue 15 item 4 on the local stack: arbitrary Unicode in any of the four signature headers
(the rest of the request correctly signed) is a 401 with the error body, never a 500."""

from __future__ import annotations

import os

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contabo_reseller.domain import signing

HEADERS = (
    signing.KEY_ID_HEADER,
    signing.TIMESTAMP_HEADER,
    signing.NONCE_HEADER,
    signing.SIGNATURE_HEADER,
    signing.VERSION_HEADER,
)
RUNS = int(os.environ.get("CHAOS_RUNS", "200"))
# HTTP cannot carry control characters in a header (the client library refuses them);
# everything else of Unicode is fair game, sent as UTF-8 bytes as a misbehaving client would.
HEADER_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")),
    min_size=1,
    max_size=80,
).filter(lambda text: text.strip() == text)

fuzzed: list[int] = []


@settings(
    max_examples=RUNS,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(header=st.sampled_from(HEADERS), value=HEADER_TEXT)
def test_any_unicode_in_an_auth_header_is_a_401(whmcs, header, value):
    path = "/services/999990001"
    headers = {
        name.lower(): text for name, text in whmcs.signature_headers("GET", path, "", b"").items()
    }
    if headers[header] == value:
        return
    sent = {name: text.encode() for name, text in (headers | {header: value}).items()}

    response = httpx.get(whmcs.api_url + path, headers=sent)

    fuzzed.append(response.status_code)
    assert response.status_code == 401, (
        f"{header}={value!r}: {response.status_code} {response.text}"
    )
    assert response.json()["error"]["code"] == "not_authenticated"


def test_the_fuzz_ran():
    assert len(fuzzed) >= RUNS // 2
