"""Pushes a finished service into WHMCS through its API (UpdateClientProduct).

Optional: only when the reseller stored WHMCS API credentials; otherwise the module's cron
hook pulls the result. The push is best effort: a failure is logged (never with the request,
which carries the API secret and the server's password) and left to the hook, never retried
blindly, and never fails the provisioning that triggered it.
"""

from __future__ import annotations

from typing import Any

from contabo_reseller.adapters import secrets
from contabo_reseller.observability import logger, trace_httpx
from contabo_reseller.settings import get_settings

API_PATH = "/includes/api.php"


def configured() -> bool:
    return secrets.whmcs_api_credentials().configured


def update_client_product(
    service_id: str,
    *,
    dedicated_ip: str,
    assigned_ips: list[str],
    username: str,
    password: str | None,
) -> bool:
    """True when WHMCS confirmed the update."""
    import httpx  # only this path needs it; keeps httpx out of most cold starts

    trace_httpx()

    try:
        credentials = secrets.whmcs_api_credentials()
        form = {
            "action": "UpdateClientProduct",
            "identifier": credentials.identifier,
            "secret": credentials.secret.get_secret_value(),
            "responsetype": "json",
            "serviceid": service_id,
            "dedicatedip": dedicated_ip,
            "assignedips": "\n".join(assigned_ips),  # WHMCS keeps one IP per line
            "serviceusername": username,
        }
        if credentials.access_key.get_secret_value():
            form["accesskey"] = credentials.access_key.get_secret_value()
        if password:
            form["servicepassword"] = password
        response = httpx.post(
            _api_url(credentials.url), data=form, timeout=get_settings().contabo_timeout_seconds
        )
        result: Any = response.json()
    except Exception as error:  # best effort by design: the cron hook pulls what was not pushed
        logger.warning(
            "WHMCS API push failed; the module's cron hook will pick it up",
            extra={"error_type": type(error).__name__},
        )
        return False
    if not isinstance(result, dict) or result.get("result") != "success":
        message = result.get("message") if isinstance(result, dict) else None
        logger.warning(
            "WHMCS API refused the push",
            extra={"whmcs_message": str(message)[:200], "status_code": response.status_code},
        )
        return False
    return True


def _api_url(url: str) -> str:
    url = url.rstrip("/")
    return url if url.endswith(API_PATH) else url + API_PATH
