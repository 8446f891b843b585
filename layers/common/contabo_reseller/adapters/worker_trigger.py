"""Wakes the provisioning worker at once (asynchronous Lambda invoke) after an order.

Best effort by design: if the invoke fails, the worker's one-minute schedule picks the
order up anyway, so the caller is never failed for it.
"""

from __future__ import annotations

import json

from contabo_reseller.observability import logger
from contabo_reseller.settings import get_settings

_client = None


def trigger_provisioning(service_id: str) -> None:
    function_name = get_settings().provisioning_worker_function
    if not function_name:
        return
    global _client
    try:
        if _client is None:
            import boto3

            _client = boto3.client("lambda")
        _client.invoke(
            FunctionName=function_name,
            InvocationType="Event",
            Payload=json.dumps({"service_id": service_id}).encode(),
        )
    except Exception:
        logger.warning("could not wake the provisioning worker; the schedule will run it")
