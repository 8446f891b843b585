"""Pushes a finished service into WHMCS through its API (UpdateClientProduct).

Optional: only when the reseller stored WHMCS API credentials; otherwise the module's cron
hook pulls the result. The push is best effort: a failure is logged (never with the request,
which carries the API secret and the server's password) and left to the hook, never retried
blindly, and never fails the provisioning that triggered it. Nothing is pushed unless WHMCS
says the service belongs to the client the backend ordered it for (a reused service id).
"""

from __future__ import annotations

from typing import Any

from contabo_reseller.adapters import secrets, trust_store
from contabo_reseller.domain.credentials import WhmcsApiCredentials
from contabo_reseller.observability import logger, trace_httpx
from contabo_reseller.settings import get_settings

API_PATH = "/includes/api.php"


def configured() -> bool:
    return secrets.whmcs_api_credentials().configured


def update_client_product(
    service_id: str,
    *,
    client_id: str,
    dedicated_ip: str,
    assigned_ips: list[str],
    username: str,
    password: str | None,
) -> bool:
    """True when WHMCS confirmed the update; False (nothing written) when it failed or the
    WHMCS service is not ``client_id``'s."""
    try:
        credentials = secrets.whmcs_api_credentials()
        owner = _post(credentials, {"action": "GetClientsProducts", "serviceid": service_id})
        products = ((owner or {}).get("products") or {}).get("product") or []
        if not any(str(p.get("clientid")) == client_id for p in products if isinstance(p, dict)):
            logger.warning("WHMCS service is not the backend's client's: nothing pushed")
            return False
        form = {
            "action": "UpdateClientProduct",
            "serviceid": service_id,
            "dedicatedip": dedicated_ip,
            "assignedips": "\n".join(assigned_ips),  # WHMCS keeps one IP per line
            "serviceusername": username,
        }
        if password:
            form["servicepassword"] = password
        result = _post(credentials, form)
    except _PushFailed:
        return False
    return result is not None


class _PushFailed(Exception):
    pass


def _post(credentials: WhmcsApiCredentials, fields: dict[str, str]) -> Any:
    """One API call; its decoded answer, None when WHMCS refused it, _PushFailed when it
    could not be made (logged either way, never with the form)."""
    import httpx  # only this path needs it; keeps httpx out of most cold starts

    trace_httpx()
    form = {
        "identifier": credentials.identifier,
        "secret": credentials.secret.get_secret_value(),
        "responsetype": "json",
        **fields,
    }
    if credentials.access_key.get_secret_value():
        form["accesskey"] = credentials.access_key.get_secret_value()
    try:
        response = httpx.post(
            _api_url(credentials.url),
            data=form,
            timeout=get_settings().contabo_timeout_seconds,
            verify=trust_store.tls_verification(),  # the same roots, not loaded whole per push
        )
        result: Any = response.json()
    except Exception as error:  # best effort by design: the cron hook pulls what was not pushed
        logger.warning(
            "WHMCS API push failed; the module's cron hook will pick it up",
            extra={"error_type": type(error).__name__},
        )
        raise _PushFailed from None
    if not isinstance(result, dict) or result.get("result") != "success":
        message = result.get("message") if isinstance(result, dict) else None
        logger.warning(
            "WHMCS API refused the push",
            extra={"whmcs_message": str(message)[:200], "status_code": response.status_code},
        )
        return None
    return result


def _api_url(url: str) -> str:
    url = url.rstrip("/")
    return url if url.endswith(API_PATH) else url + API_PATH
