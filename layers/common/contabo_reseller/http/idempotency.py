"""Powertools idempotency for mutating lifecycle calls, keyed on the caller's X-Idempotency-Key.

A retry with the same key (the PHP client retries a transport failure with the key it used)
gets the first answer instead of running the action again; the same key with a different body
is refused. Errors are not remembered, so a refused or failed call can be retried.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from aws_lambda_powertools.utilities.idempotency import (
    DynamoDBPersistenceLayer,
    IdempotencyConfig,
    idempotent_function,
)
from aws_lambda_powertools.utilities.idempotency.exceptions import (
    IdempotencyAlreadyInProgressError,
    IdempotencyValidationError,
)

from contabo_reseller.domain.errors import Conflict, InvalidInput, ServiceBusy
from contabo_reseller.settings import get_settings

KEY_PATTERN_CHARS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.:-")
_running = threading.local()  # the local stack runs handlers on threads; Lambda on one


@lru_cache(maxsize=1)
def _persistence() -> DynamoDBPersistenceLayer:
    # The tables' own client: one DynamoDB connection pool (one TLS set-up) per container.
    from contabo_reseller.adapters.tables import dynamodb_client

    return DynamoDBPersistenceLayer(
        table_name=get_settings().idempotency_table, boto3_client=dynamodb_client()
    )


_CONFIG = IdempotencyConfig(
    event_key_jmespath="[route, key]",
    payload_validation_jmespath="body_sha256",
    expires_after_seconds=3600,
    raise_on_no_idempotency_key=True,
)


def run_once(
    route: str,
    key: str | None,
    body: bytes,
    action: Callable[[], dict[str, Any]],
    lambda_context: Any = None,
) -> dict[str, Any]:
    if not key:
        return action()
    if not (8 <= len(key) <= 128 and set(key) <= KEY_PATTERN_CHARS):
        raise InvalidInput(
            "X-Idempotency-Key must be 8-128 characters of A-Z a-z 0-9 _ . : -",
            message_code="idempotency_key_invalid",
        )
    if lambda_context is not None:
        # An in-progress record then expires with the invocation: a call cut by the Lambda
        # timeout can be retried at once instead of answering "busy" until the record expires.
        _CONFIG.register_lambda_context(lambda_context)
    call = {"route": route, "key": key, "body_sha256": hashlib.sha256(body).hexdigest()}
    _running.action = action
    try:
        return _execute_once(call=call)
    except IdempotencyAlreadyInProgressError:
        raise ServiceBusy(
            "The same request is still being processed; try again shortly.",
            message_code="request_in_progress",
        ) from None
    except IdempotencyValidationError:
        raise Conflict(
            "This idempotency key was already used for a different request.",
            message_code="idempotency_key_reused",
        ) from None
    finally:
        _running.action = None


def _execute_once(call: dict[str, Any]) -> dict[str, Any]:
    return _decorated()(call=call)


@lru_cache(maxsize=1)
def _decorated() -> Callable[..., dict[str, Any]]:
    @idempotent_function(
        data_keyword_argument="call", persistence_store=_persistence(), config=_CONFIG
    )
    def execute(call: dict[str, Any]) -> dict[str, Any]:
        # Round-trip through JSON so a first answer and a replayed one are identical.
        return json.loads(json.dumps(_running.action()))

    return execute
