"""The access token: shared through the tokens table, refreshed single-flight, 401 once."""

from __future__ import annotations

import threading
import time

import httpx
import pytest

from contabo_reseller.adapters.contabo.errors import ContaboCredentialsRejected
from contabo_reseller.adapters.contabo.operations import OPERATIONS
from contabo_reseller.adapters.contabo.token import LOCK_ID, TOKEN_ID, AccessTokens
from contabo_reseller.adapters.contabo.transport import CallContext, ContaboTransport
from contabo_reseller.adapters.tables import TokenItem
from contabo_reseller.domain.errors import ConfigurationError
from tests.unit.contabo.conftest import API_PASSWORD, CLIENT_SECRET, FakeContabo, container

LIST_TAGS = OPERATIONS["retrieveTagList"]


class Clock:
    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_token_is_requested_with_the_password_grant(
    transport: ContaboTransport, contabo: FakeContabo
) -> None:
    transport.call(LIST_TAGS, CallContext())

    (request,) = contabo.token_requests
    form = dict(pair.split("=", 1) for pair in request.content.decode().split("&"))
    assert form == {
        "client_id": "unit-client",
        "client_secret": CLIENT_SECRET,
        "username": "unit%40reseller.example",
        "password": API_PASSWORD,
        "grant_type": "password",
    }
    assert contabo.requests[0].headers["Authorization"] == "Bearer access-token-1"


def test_token_is_kept_in_the_table_and_reused_by_other_containers(
    transport: ContaboTransport, contabo: FakeContabo
) -> None:
    transport.call(LIST_TAGS, CallContext())
    transport.call(LIST_TAGS, CallContext())
    container(transport).call(LIST_TAGS, CallContext())

    assert len(contabo.token_requests) == 1
    item = TokenItem.get(TOKEN_ID)
    assert item.value == "access-token-1"
    assert item.valid_until is not None and item.expires_at is not None
    assert item.valid_until < item.expires_at  # refreshed before Contabo expires it
    with pytest.raises(TokenItem.DoesNotExist):
        TokenItem.get(LOCK_ID)  # released


def test_token_is_refreshed_before_it_expires(aws: None) -> None:
    clock = Clock()
    fetched: list[int] = []

    def fetch() -> tuple[str, float]:
        fetched.append(1)
        return f"token-{len(fetched)}", 300

    tokens = AccessTokens(fetch, clock=clock)
    assert tokens.current() == "token-1"
    clock.now += 239  # 300 s lifetime, 60 s margin
    assert tokens.current() == "token-1"
    clock.now += 2
    assert tokens.current() == "token-2"


@pytest.mark.usefixtures("atomic_conditional_writes")
def test_fifty_containers_make_one_token_request_per_lifetime(aws: None) -> None:
    clock = Clock()
    fetched: list[str] = []
    guard = threading.Lock()

    def slow_fetch() -> tuple[str, float]:
        time.sleep(0.05)  # long enough for every other container to find the lock taken
        with guard:
            fetched.append("x")
            return f"token-{len(fetched)}", 300

    containers = [
        AccessTokens(slow_fetch, clock=clock, sleep=lambda _: time.sleep(0.005), max_polls=400)
        for _ in range(50)
    ]
    for lifetime in range(1, 4):
        seen: list[str] = []
        start = threading.Barrier(50)

        threads = [
            threading.Thread(target=_call_together, args=(tokens, start, seen))
            for tokens in containers
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(fetched) == lifetime
        assert set(seen) == {f"token-{lifetime}"}
        clock.now += 300  # the next lifetime


def _call_together(tokens: AccessTokens, start: threading.Barrier, seen: list[str]) -> None:
    start.wait()
    seen.append(tokens.current())


def test_threads_of_one_container_share_one_refresh(aws: None) -> None:
    fetched: list[int] = []

    def slow_fetch() -> tuple[str, float]:
        time.sleep(0.05)
        fetched.append(1)
        return "token", 300

    tokens = AccessTokens(slow_fetch)
    threads = [threading.Thread(target=tokens.current) for _ in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(fetched) == 1


def test_an_expired_lock_is_taken_over(aws: None) -> None:
    clock = Clock()
    TokenItem(LOCK_ID, lock_owner="crashed", lock_expires_at=clock.now - 1).save()
    tokens = AccessTokens(lambda: ("fresh", 300), clock=clock, sleep=lambda _: None)
    assert tokens.current() == "fresh"


def test_a_401_refreshes_the_token_once_then_retries(
    transport: ContaboTransport, contabo: FakeContabo
) -> None:
    transport.call(LIST_TAGS, CallContext())
    contabo.rejected_tokens.add("access-token-1")  # revoked at Contabo

    transport.call(LIST_TAGS, CallContext())

    assert len(contabo.token_requests) == 2
    assert [r.headers["Authorization"] for r in contabo.requests] == [
        "Bearer access-token-1",
        "Bearer access-token-1",
        "Bearer access-token-2",
    ]
    assert TokenItem.get(TOKEN_ID).value == "access-token-2"


def test_a_second_401_means_the_credentials_are_wrong(
    transport: ContaboTransport, contabo: FakeContabo
) -> None:
    contabo.rejected_tokens.update({"access-token-1", "access-token-2"})

    with pytest.raises(ContaboCredentialsRejected) as raised:
        transport.call(LIST_TAGS, CallContext())

    assert isinstance(raised.value, ConfigurationError)
    assert "Contabo rejected the API credentials" in raised.value.message
    assert len(contabo.token_requests) == 2
    assert len(contabo.requests) == 2


def test_wrong_credentials_at_the_token_endpoint_are_a_configuration_error(
    transport: ContaboTransport,
) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        return httpx.Response(401, json={"error": "invalid_grant"})

    transport.http = httpx.Client(transport=httpx.MockTransport(refuse))
    with pytest.raises(ContaboCredentialsRejected) as raised:
        transport.call(LIST_TAGS, CallContext())

    assert CLIENT_SECRET not in str(raised.value.details) + raised.value.message


def test_waiting_for_another_invocations_refresh_stops_when_no_call_fits_the_budget(
    aws: None,
) -> None:
    """The container fetching the token is slow; a WHMCS request waiting for it gets a clear
    OutOfTime once a Contabo call would no longer fit, not the poll limit's ten seconds."""
    from types import SimpleNamespace

    from contabo_reseller import invocation
    from contabo_reseller.domain.errors import OutOfTime

    clock = Clock()
    TokenItem(LOCK_ID, lock_owner="another container", lock_expires_at=clock.now + 15).save()
    polls: list[float] = []
    tokens = AccessTokens(lambda: ("never", 300), clock=clock, sleep=polls.append)
    lambda_context = SimpleNamespace(get_remaining_time_in_millis=lambda: 10_000)
    with invocation.running(lambda_context, budget_seconds=4.5), pytest.raises(OutOfTime):
        invocation.note_call(5.0)  # Contabo's calls take 5 s in this request
        tokens.current()
    assert polls == []


def test_a_long_wait_for_another_invocations_token_counts_as_a_slow_call(aws: None) -> None:
    """Another container's sign-in took 3 s: a WHMCS request that waited for it expects its
    own Contabo call to be as slow, so it does not start one that would end past the budget
    (TestConnection answered in 6.1 s at +3 s before)."""
    from types import SimpleNamespace

    from contabo_reseller import invocation
    from contabo_reseller.domain.errors import OutOfTime

    clock = Clock()
    TokenItem(LOCK_ID, lock_owner="another container", lock_expires_at=clock.now + 15).save()
    polls: list[float] = []

    def sleep(seconds: float) -> None:
        polls.append(seconds)
        if len(polls) == 3:  # the other container has its token now
            TokenItem(TOKEN_ID, value="theirs", valid_until=clock.now + 300).save()

    tokens = AccessTokens(lambda: ("never", 300), clock=clock, sleep=sleep, poll_seconds=1.0)
    lambda_context = SimpleNamespace(get_remaining_time_in_millis=lambda: 10_000)
    with invocation.running(lambda_context, budget_seconds=4.5):
        assert tokens.current() == "theirs"
        assert invocation.slowest_call() >= 3.0  # 3 polls of 1 s: the wait it really was
        with pytest.raises(OutOfTime):  # once the wait has used 2 s of the 4.5 s
            invocation.require_time_for_call(extra_seconds=2.0)


def test_forgetting_a_refused_token_never_waits_for_another_threads_sign_in(aws: None) -> None:
    """A 401 answered at +3 s left GetService waiting 3 s more for the container's token lock
    while another thread signed in (6.1 s in the latency chaos run): forgetting takes no lock."""
    tokens = AccessTokens(lambda: ("fresh", 300))
    assert tokens.current() == "fresh"
    tokens._local.acquire()  # another thread of this container is signing in
    try:
        forgetting = threading.Thread(target=tokens.invalidate, args=("fresh",), daemon=True)
        forgetting.start()
        forgetting.join(timeout=2)
        assert not forgetting.is_alive(), "waited for the other thread's sign-in"
    finally:
        tokens._local.release()
    assert TokenItem.count(TOKEN_ID) == 0  # forgotten in the table too


def test_a_whmcs_request_waits_for_another_threads_sign_in_only_within_its_budget(
    aws: None,
) -> None:
    from types import SimpleNamespace

    from contabo_reseller import invocation
    from contabo_reseller.domain.errors import OutOfTime

    tokens = AccessTokens(lambda: ("never", 300))
    lambda_context = SimpleNamespace(get_remaining_time_in_millis=lambda: 10_000)
    outcome: list[BaseException] = []

    def whmcs_request() -> None:
        with invocation.running(lambda_context, budget_seconds=0.5):
            try:
                tokens.current()
            except OutOfTime as error:
                outcome.append(error)

    tokens._local.acquire()  # a sign-in that does not end in time
    try:
        request = threading.Thread(target=whmcs_request, daemon=True)
        request.start()
        request.join(timeout=3)
        assert not request.is_alive(), "waited past the budget for the other sign-in"
    finally:
        tokens._local.release()
    assert len(outcome) == 1 and isinstance(outcome[0], OutOfTime)


def test_a_wait_for_another_threads_sign_in_counts_as_a_slow_call(aws: None) -> None:
    from types import SimpleNamespace

    from contabo_reseller import invocation

    tokens = AccessTokens(lambda: ("signed-in", 300))
    lambda_context = SimpleNamespace(get_remaining_time_in_millis=lambda: 10_000)
    tokens._local.acquire()
    threading.Timer(0.4, tokens._local.release).start()  # the other sign-in ends at 0.4 s
    with invocation.running(lambda_context, budget_seconds=4.5):
        assert tokens.current() == "signed-in"
        assert invocation.slowest_call() >= 0.3  # about the 0.4 s it waited
