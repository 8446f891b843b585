"""A scripted Contabo behind httpx.MockTransport, and a transport wired to it (no sockets)."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from contabo_reseller.adapters.contabo.client import ContaboClient
from contabo_reseller.adapters.contabo.token import AccessTokens
from contabo_reseller.adapters.contabo.transport import Backoff, ContaboTransport
from contabo_reseller.domain.credentials import ContaboCredentials
from contabo_reseller.settings import get_settings

CLIENT_SECRET = "unit-client-secret-value"
API_PASSWORD = "unit-api-password-value"
CREDENTIALS = ContaboCredentials(
    client_id="unit-client",
    client_secret=SecretStr(CLIENT_SECRET),
    api_user="unit@reseller.example",
    api_password=SecretStr(API_PASSWORD),
)
Reply = httpx.Response | Exception
Route = Callable[[httpx.Request], Reply]


@dataclass
class FakeContabo:
    """Answers the token endpoint itself; API calls are answered by ``replies`` in order, then
    by ``default``. Every request is kept in ``requests`` (token requests in ``token_requests``)."""

    token_lifetime: int = 300
    replies: list[Reply] = field(default_factory=list)
    default: Route | None = None
    requests: list[httpx.Request] = field(default_factory=list)
    token_requests: list[httpx.Request] = field(default_factory=list)
    issued: list[str] = field(default_factory=list)
    rejected_tokens: set[str] = field(default_factory=set)

    def handler(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/openid-connect/token"):
            self.token_requests.append(request)
            token = f"access-token-{len(self.issued) + 1}"
            self.issued.append(token)
            return httpx.Response(
                200, json={"access_token": token, "expires_in": self.token_lifetime}
            )
        self.requests.append(request)
        if request.headers["Authorization"].removeprefix("Bearer ") in self.rejected_tokens:
            return httpx.Response(401, json={"statusCode": 401, "message": "Unauthorized"})
        reply: Reply | None = self.replies.pop(0) if self.replies else None
        if reply is None:
            reply = self.default(request) if self.default else ok({"data": []})
        if isinstance(reply, Exception):
            raise reply
        return reply


def ok(body: dict[str, Any] | None = None, status: int = 200) -> httpx.Response:
    return httpx.Response(status, json=body) if body is not None else httpx.Response(status)


def contabo_error(
    status: int, message: Any, headers: dict[str, str] | None = None
) -> httpx.Response:
    return httpx.Response(
        status, json={"statusCode": status, "message": message}, headers=headers or {}
    )


def sent_json(request: httpx.Request) -> Any:
    return json.loads(request.content) if request.content else None


@pytest.fixture
def atomic_conditional_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    """DynamoDB checks a condition and writes atomically; in-process moto does not (no lock),
    so 50 threads can both "win" a conditional put. Give moto DynamoDB's guarantee."""
    from moto.dynamodb.models import DynamoDBBackend

    lock = threading.Lock()
    for name in ("put_item", "delete_item", "update_item"):
        original = getattr(DynamoDBBackend, name)

        def atomic(*args: Any, __original: Any = original, **kwargs: Any) -> Any:
            with lock:
                return __original(*args, **kwargs)

        monkeypatch.setattr(DynamoDBBackend, name, atomic)


@pytest.fixture
def contabo() -> FakeContabo:
    return FakeContabo()


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def transport(aws: None, contabo: FakeContabo, sleeps: list[float]) -> Iterator[ContaboTransport]:
    http = httpx.Client(transport=httpx.MockTransport(contabo.handler))
    built = ContaboTransport(
        settings=get_settings(),
        http=http,
        credentials=lambda: CREDENTIALS,
        backoff=Backoff(sleep=sleeps.append, random=lambda: 1.0),
    )
    yield built
    http.close()


@pytest.fixture
def client(transport: ContaboTransport) -> ContaboClient:
    return ContaboClient(transport)


def container(transport: ContaboTransport, **token_options: Any) -> ContaboTransport:
    """Another Lambda container: same HTTP fake, its own memory, the shared table."""
    other = ContaboTransport(
        settings=transport.settings,
        http=transport.http,
        credentials=transport.credentials,
        backoff=transport.backoff,
    )
    other.tokens = AccessTokens(other.fetch_token, **token_options)
    return other
