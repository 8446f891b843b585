"""The Contabo access token, shared by every container through the tokens table.

One token serves all concurrent Lambdas: each container keeps a copy in memory and reads the
table when it has none. Refreshing is single-flight: only the holder of a conditional-write
lock item asks Contabo for a token; the others wait briefly and read the table again. The
token value is a secret: it is never logged nor put in an error.
"""

from __future__ import annotations

import contextlib
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from pynamodb.exceptions import DeleteError, PutError, PynamoDBException

from contabo_reseller import invocation, metrics
from contabo_reseller.adapters.contabo.errors import ContaboUnavailable
from contabo_reseller.adapters.tables import TokenItem
from contabo_reseller.domain.errors import OutOfTime
from contabo_reseller.observability import logger

TOKEN_ID = "contabo-access-token"  # noqa: S105 (an item key, not a secret)
LOCK_ID = "contabo-access-token#refresh-lock"

# (access token, lifetime in seconds) from Contabo's token endpoint.
TokenFetcher = Callable[[], tuple[str, float]]


@dataclass(frozen=True, slots=True)
class _Token:
    value: str
    use_until: float


class AccessTokens:
    """``current()`` returns a token good for at least ``margin_seconds`` more."""

    def __init__(
        self,
        fetch: TokenFetcher,
        *,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
        margin_seconds: float = 60.0,
        lock_seconds: float = 15.0,
        poll_seconds: float = 0.1,
        max_polls: int = 100,
    ) -> None:
        self._fetch = fetch
        self._clock = clock
        self._sleep = sleep
        self._margin = margin_seconds
        self._lock_seconds = lock_seconds
        self._poll = poll_seconds
        self._max_polls = max_polls
        self._memory: _Token | None = None
        # Threads of one container queue here instead of all polling the table.
        self._local = threading.Lock()

    def current(self) -> str:
        token = self._memory
        if token and token.use_until > self._clock():
            return token.value
        with self._own_turn():
            token = self._memory
            if token and token.use_until > self._clock():
                return token.value
            self._memory = self._shared_or_refreshed()
            return self._memory.value

    @contextlib.contextmanager
    def _own_turn(self) -> Iterator[None]:
        """This container's single flight. Another thread of it may be signing in (a check of
        TestConnection that outlived its answer, or any function of the local stack, which
        share one process): a WHMCS request waits for it only while a call still fits its
        budget, and a long wait counts as a slow call, as a wait for another container does."""
        started = time.monotonic()
        left = invocation.budget_left()
        if not self._local.acquire(timeout=-1 if left is None else max(0.0, left)):
            raise OutOfTime("the provider's sign-in made by another call did not end in time")
        try:
            waited = time.monotonic() - started
            if waited >= self._poll:
                invocation.note_call(waited)
                invocation.require_time_for_call()
            yield
        finally:
            self._local.release()

    def invalidate(self, rejected: str) -> None:
        """Forget a token Contabo refused, here and in the table (unless already replaced).
        Takes no lock: a request must not wait here for another thread's sign-in (at worst a
        token fetched meanwhile is forgotten and read back from the table)."""
        token = self._memory
        if token and token.value == rejected:
            self._memory = None
        with contextlib.suppress(DeleteError):  # already replaced or gone
            TokenItem(TOKEN_ID).delete(condition=TokenItem.value == rejected)

    def _shared_or_refreshed(self) -> _Token:
        started = time.monotonic()
        for polls in range(self._max_polls):
            shared = self._read_table()
            if shared:
                if polls:
                    # Another invocation's sign-in took about this long: the calls this request
                    # still makes are expected to be as slow (WHMCS's budget, invocation.py).
                    invocation.note_call(max(time.monotonic() - started, polls * self._poll))
                return shared
            owner = self._acquire_lock()
            if owner:
                try:
                    return self._read_table() or self._refresh()
                finally:
                    self._release_lock(owner)
            # Another invocation is fetching: WHMCS is not kept waiting past its budget for it.
            invocation.require_time_for_call()
            self._sleep(self._poll)
        metrics.record(metrics.TOKEN_REFRESH_FAILED, 1)
        raise ContaboUnavailable(
            "Timed out waiting for the access token to be refreshed.",
            request_id="-",
            message_code="provider_unavailable",
        )

    def _read_table(self) -> _Token | None:
        try:
            item = TokenItem.get(TOKEN_ID, consistent_read=True)
        except TokenItem.DoesNotExist:
            return None
        except PynamoDBException:
            logger.warning("Reading the shared Contabo token failed", exc_info=True)
            return None
        if item.value and item.valid_until and item.valid_until > self._clock():
            return _Token(item.value, float(item.valid_until))
        return None

    def _refresh(self) -> _Token:
        try:
            value, lifetime = self._fetch()
        except Exception:
            metrics.record(metrics.TOKEN_REFRESH_FAILED, 1)
            raise
        obtained = self._clock()
        # Short lifetimes (tests, simulators) keep at least three quarters of their life.
        margin = min(self._margin, lifetime / 4)
        token = _Token(value, obtained + lifetime - margin)
        try:
            TokenItem(
                TOKEN_ID,
                value=value,
                valid_until=token.use_until,
                expires_at=int(obtained + lifetime) + 60,
            ).save()
        except PynamoDBException:
            logger.warning("Sharing the Contabo token failed; kept in memory", exc_info=True)
        return token

    def _acquire_lock(self) -> str | None:
        owner = str(uuid.uuid4())
        now = self._clock()
        try:
            TokenItem(
                LOCK_ID,
                lock_owner=owner,
                lock_expires_at=now + self._lock_seconds,
                expires_at=int(now + self._lock_seconds) + 3600,
            ).save(
                condition=TokenItem.token_id.does_not_exist() | (TokenItem.lock_expires_at < now)
            )
        except PutError as error:
            if error.cause_response_code == "ConditionalCheckFailedException":
                return None
            logger.warning("Taking the token refresh lock failed; refreshing alone", exc_info=True)
        return owner

    def _release_lock(self, owner: str) -> None:
        with contextlib.suppress(DeleteError):  # expired and taken over: not ours to free
            TokenItem(LOCK_ID).delete(condition=TokenItem.lock_owner == owner)
