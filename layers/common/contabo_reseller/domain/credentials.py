"""Shapes of the secrets kept in Secrets Manager. Values are SecretStr so they never print."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, SecretStr


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

    @property
    def configured(self) -> bool:
        return bool(self.url and self.identifier and self.secret.get_secret_value())
