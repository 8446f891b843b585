"""Starts a background function at once (asynchronous Lambda invoke): wake-ups and "run now".

Wake-ups are best effort by design: if the invoke fails, the function's own schedule picks
the work up anyway, so the caller is never failed for it. ``run_now`` is the admin asking
for a run, so it says what happened (invoked, not deployed, or could not be invoked).
"""

from __future__ import annotations

import json
import os
from typing import Any, Literal

from contabo_reseller.observability import logger
from contabo_reseller.settings import get_settings

Invoked = Literal["invoked", "not_deployed", "failed"]

_clients: dict[str, Any] = {}


def trigger_provisioning(service_id: str) -> None:
    _wake(get_settings().provisioning_worker_function, {"service_id": service_id})


def trigger_action_queue(job_id: str) -> None:
    _wake(get_settings().action_queue_worker_function, {"job_id": job_id})


def invoke_async(function_name: str, payload: dict[str, Any]) -> Invoked:
    """An ``Event`` invoke of ``function_name``; "not_deployed" when it does not exist."""
    if not function_name:
        return "not_deployed"
    try:
        _lambda_client().invoke(
            FunctionName=function_name,
            InvocationType="Event",
            Payload=json.dumps(payload).encode(),
        )
    except Exception as error:
        if type(error).__name__ == "ResourceNotFoundException":
            return "not_deployed"
        logger.warning("could not invoke a function", extra={"function": function_name})
        return "failed"
    return "invoked"


def _lambda_client() -> Any:
    """One client per endpoint: the local stack points Lambda at its own port, anew per stack."""
    endpoint = os.environ.get("AWS_ENDPOINT_URL_LAMBDA", "")
    if endpoint not in _clients:
        from contabo_reseller.adapters import sdk_session

        _clients[endpoint] = sdk_session.boto3_session().client("lambda")
    return _clients[endpoint]


def _wake(function_name: str, payload: dict[str, Any]) -> None:
    if function_name and invoke_async(function_name, payload) == "failed":
        logger.warning("wake-up failed; the function's schedule will run it")
