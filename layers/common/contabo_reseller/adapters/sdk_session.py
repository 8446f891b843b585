"""One AWS SDK session per container, shared by every table, AWS client and thread of a function.

Each botocore session loads its service models and endpoint data anew, and pynamodb opens one
session per table (Powertools one per utility): a cold Suspend that touched four tables parsed
DynamoDB's model four times, about 60 ms of CPU each (docs/performance.md, "Cold call"). A
session per thread paid the same again on every thread that made a client (ConnectionTest's
parallel checks, the activity page's provider history). botocore clients are thread-safe once
made; making one is not (it fills the session's lazy caches and copies its handlers), so the
shared session makes its clients, and takes new handlers, one at a time.
"""

from __future__ import annotations

import os
import threading
from typing import Any

import boto3
import botocore.config
import botocore.session
from pynamodb.connection import base as pynamodb_connection

from contabo_reseller.adapters import trust_store

# Held while the shared session changes: a client made, a handler registered (boto3 registers
# its own, and a data path, when its face of the session is made).
_lock = threading.RLock()
_botocore: botocore.session.Session | None = None
_boto3: boto3.session.Session | None = None


class _OneChangeAtATime(botocore.session.Session):
    """Also one client per service and settings: pynamodb makes a client per table (four
    DynamoDB clients in a cold Suspend, each parsing the endpoint rules again and, against
    DynamoDB's HTTPS endpoint, opening a pool and loading the CA bundle of its own). Asked
    again with the same arguments, the session hands back the client it made."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[Any, Any] = {}

    def create_client(self, *args: Any, **kwargs: Any) -> Any:
        key = _client_key(args, kwargs)
        with _lock:
            if key is None:
                return self._new_client(*args, **kwargs)
            client = self._clients.get(key)
            if client is None or not _has_credentials(client):
                client = self._clients[key] = self._new_client(*args, **kwargs)
            return client

    def _new_client(self, *args: Any, **kwargs: Any) -> Any:
        client = super().create_client(*args, **kwargs)
        trust_store.read_aws_roots_lazily(client)
        return client

    def register(self, *args: Any, **kwargs: Any) -> None:
        with _lock:
            super().register(*args, **kwargs)

    def unregister(self, *args: Any, **kwargs: Any) -> None:
        with _lock:
            super().unregister(*args, **kwargs)


def _client_key(args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    """What makes two clients the same, or None when a setting cannot be compared. The AWS_*
    environment is part of it: botocore reads endpoints, region and credentials from there
    too (fixed for a Lambda container's life; a new local stack or test changes them)."""
    try:
        return (_frozen(args), _frozen(kwargs), _aws_environment())
    except TypeError:
        return None


def _aws_environment() -> tuple[tuple[str, str], ...]:
    return tuple(sorted((k, v) for k, v in os.environ.items() if k.startswith("AWS_")))


def _frozen(value: Any) -> Any:
    if isinstance(value, botocore.config.Config):
        # What the caller set (botocore keeps it there; the rest are defaults).
        return ("Config", _frozen(value._user_provided_options))  # type: ignore[attr-defined]
    if isinstance(value, dict):
        return tuple(sorted((key, _frozen(item)) for key, item in value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(_frozen(item) for item in value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"not comparable: {type(value).__name__}")


def _has_credentials(client: Any) -> bool:
    """pynamodb's own rule: a client made while credentials could not be read keeps none
    for good, so it is made again rather than handed out."""
    signer = getattr(client, "_request_signer", None)
    return signer is None or bool(getattr(signer, "_credentials", True))


def botocore_session() -> botocore.session.Session:
    global _botocore
    if _botocore is None:
        with _lock:
            if _botocore is None:
                _botocore = _OneChangeAtATime()
    return _botocore


def boto3_session() -> boto3.session.Session:
    """The boto3 face of the container's session (boto3 registers its handlers on it once)."""
    global _boto3
    if _boto3 is None:
        with _lock:
            if _boto3 is None:
                _boto3 = boto3.session.Session(botocore_session=botocore_session())
    return _boto3


def share_with_pynamodb() -> None:
    """pynamodb's connections take their session from ``get_session`` in its connection
    module (no setting for it): every table's connection then uses the container's session.
    Safe while no table sets credentials of its own (pynamodb would set them on the session)."""
    pynamodb_connection.get_session = botocore_session  # type: ignore[assignment] # called bare
