"""Shapes of the secrets kept in Secrets Manager. Values are SecretStr so they never print."""

from __future__ import annotations

import ipaddress
from typing import Any
from urllib.parse import urlsplit

from pydantic import ConfigDict, Field, SecretStr, field_validator

from contabo_reseller.domain.errors import InvalidValue
from contabo_reseller.domain.installations import DEFAULT_INSTALLATION, INSTALLATION_PATTERN
from contabo_reseller.domain.model_base import DomainModel


class ContaboCredentials(DomainModel):
    """Contabo API credentials (Customer Control Panel > API)."""

    model_config = ConfigDict(frozen=True)

    client_id: str = Field(min_length=1)
    client_secret: SecretStr
    api_user: str = Field(min_length=1)
    api_password: SecretStr


class SigningKey(DomainModel):
    """One WHMCS signing key: its secret and the WHMCS installation it belongs to.

    In the secret a key is ``{"secret": ..., "installation": ..., "admin": ...}``; a plain
    string (the format before installations) is a module key of the default installation."""

    model_config = ConfigDict(frozen=True)

    secret: SecretStr
    installation: str = Field(default=DEFAULT_INSTALLATION, pattern=INSTALLATION_PATTERN.pattern)
    # Only admin keys reach /admin/*: a key leaked from a server module's config runs no admin tool.
    admin: bool = False


class SigningKeys(DomainModel):
    """WHMCS request-signing keys by key id; two may be active at once during rotation."""

    model_config = ConfigDict(frozen=True)

    keys: dict[str, SigningKey] = Field(min_length=1)

    @field_validator("keys", mode="before")
    @classmethod
    def _plain_secret_is_default_installation(cls, value: Any) -> Any:
        if not isinstance(value, dict):
            return value
        return {k: {"secret": v} if isinstance(v, str) else v for k, v in value.items()}


class WhmcsApiCredentials(DomainModel):
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
            raise InvalidValue(
                "the WHMCS API URL must start with https:// (http only for localhost)",
                message_code="whmcs_url_https",
            )
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
