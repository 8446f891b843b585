"""Pushes a finished service into WHMCS through its API (UpdateClientProduct).

Optional: only when the reseller stored WHMCS API credentials; otherwise the module's cron
hook pulls the result. A failed push is logged and left to the hook, never retried blindly.
"""

from __future__ import annotations

from contabo_reseller.adapters import secrets
from contabo_reseller.observability import logger
from contabo_reseller.settings import get_settings


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
    import httpx  # only this path needs it; keeps httpx out of most cold starts

    credentials = secrets.whmcs_api_credentials()
    form = {
        "action": "UpdateClientProduct",
        "identifier": credentials.identifier,
        "secret": credentials.secret.get_secret_value(),
        "responsetype": "json",
        "serviceid": service_id,
        "dedicatedip": dedicated_ip,
        "assignedips": "\n".join(assigned_ips),
        "serviceusername": username,
    }
    if password:
        form["servicepassword"] = password
    url = credentials.url.rstrip("/") + "/includes/api.php"
    try:
        response = httpx.post(url, data=form, timeout=get_settings().contabo_timeout_seconds)
        result = response.json()
    except (httpx.HTTPError, ValueError):
        logger.warning("WHMCS API push failed; the module's cron hook will pick it up")
        return False
    if result.get("result") != "success":
        logger.warning("WHMCS API refused the push", extra={"whmcs_message": result.get("message")})
        return False
    return True
