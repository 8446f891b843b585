"""Shapes of the secrets kept in Secrets Manager. Values are SecretStr so they never print."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator


class ContaboCredentials(BaseModel):
    """Contabo API credentials (Customer Control Panel > API)."""

    model_config = ConfigDict(frozen=True)

    client_id: str = Field(min_length=1)
    client_secret: SecretStr
    api_user: str = Field(min_length=1)
    api_password: SecretStr


class SigningKeys(BaseModel):
    """WHMCS request-signing keys by key id; two may be active at once during rotation."""

    model_config = ConfigDict(frozen=True)

    keys: dict[str, SecretStr] = Field(min_length=1)


class WhmcsApiCredentials(BaseModel):
    """Optional: lets the backend push results into WHMCS with its API (UpdateClientProduct)."""

    model_config = ConfigDict(frozen=True)

    url: str = ""  # the WHMCS root (…/includes/api.php is added) or the api.php URL itself
    identifier: str = ""
    secret: SecretStr = SecretStr("")
    # WHMCS's $api_access_key: lets calls from Lambda's changing IPs past the API IP allow-list.
    access_key: SecretStr = SecretStr("")

    @field_validator("url")
    @classmethod
    def _https_unless_loopback(cls, url: str) -> str:
        """The push carries the WHMCS API secret and root passwords: https, or plain http only
        to this machine (a WHMCS on the same host, tests)."""
        if url and not is_https_or_loopback(url):
            raise ValueError("the WHMCS API URL must start with https:// (http only for localhost)")
        return url

    @property
    def configured(self) -> bool:
        return bool(self.url and self.identifier and self.secret.get_secret_value())


def is_https_or_loopback(url: str) -> bool:
    parts = urlsplit(url.strip())
    if parts.scheme.lower() == "https" and parts.hostname:
        return True
    return parts.scheme.lower() == "http" and _is_loopback(parts.hostname or "")


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
