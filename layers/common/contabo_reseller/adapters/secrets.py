"""Reads the deployment's secrets from Secrets Manager, cached per container.

Powertools parameters caches each value for ``secrets_cache_seconds`` so a warm function does
not call Secrets Manager on every request, yet a rotated key is picked up within minutes.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from aws_lambda_powertools.utilities import parameters
from aws_lambda_powertools.utilities.parameters.base import DEFAULT_PROVIDERS
from botocore.exceptions import BotoCoreError, ClientError
from pydantic import ValidationError

from contabo_reseller.adapters import sdk_session
from contabo_reseller.domain.credentials import ContaboCredentials, SigningKeys, WhmcsApiCredentials
from contabo_reseller.domain.errors import ConfigurationError, UpstreamUnavailable
from contabo_reseller.settings import get_settings


def _read_json(secret_id: str, what: str) -> dict[str, Any]:
    if "secrets" not in DEFAULT_PROVIDERS:  # get_secret's own provider, on the shared session
        DEFAULT_PROVIDERS["secrets"] = parameters.SecretsProvider(
            boto3_session=sdk_session.boto3_session()
        )
    try:
        value = parameters.get_secret(
            secret_id, transform="json", max_age=get_settings().secrets_cache_seconds
        )
    except parameters.exceptions.TransformParameterError as error:
        raise ConfigurationError(
            f"The {what} secret is not valid JSON.",
            message_code="secret_invalid",
            params={"secret": what},
        ) from error
    except parameters.exceptions.GetParameterError as error:
        raise UpstreamUnavailable(
            f"The {what} secret could not be read.",
            message_code="secret_unreadable",
            params={"secret": what},
        ) from error
    if not isinstance(value, dict):
        raise ConfigurationError(
            f"The {what} secret must be a JSON object.",
            message_code="secret_invalid",
            params={"secret": what},
        )
    return value


def _parse(model: type[Any], raw: dict[str, Any], what: str) -> Any:
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        # Name the missing fields only; the values may be secret.
        fields = sorted({".".join(str(p) for p in e["loc"]) for e in error.errors()})
        raise ConfigurationError(
            f"The {what} secret is incomplete or invalid (check: {', '.join(fields)}).",
            message_code="secret_invalid",
            params={"secret": what},
        ) from None


def contabo_credentials() -> ContaboCredentials:
    raw = _read_json(get_settings().contabo_secret_id, "Contabo credentials")
    return _parse(ContaboCredentials, raw, "Contabo credentials")


def signing_keys() -> SigningKeys:
    raw = _read_json(get_settings().signing_keys_secret_id, "WHMCS signing keys")
    return _parse(SigningKeys, {"keys": raw}, "WHMCS signing keys")


def whmcs_api_credentials() -> WhmcsApiCredentials:
    secret_id = get_settings().whmcs_api_secret_id
    if not secret_id:
        return WhmcsApiCredentials()
    return _parse(WhmcsApiCredentials, _read_json(secret_id, "WHMCS API"), "WHMCS API")


def exists(secret_id: str) -> bool:
    """Whether the secret exists and is reachable, from its metadata: its value is not read
    (the unsigned /health may describe secrets, never read them)."""
    if not secret_id:
        return False
    try:
        _secrets_manager().describe_secret(SecretId=secret_id)
    except (BotoCoreError, ClientError):
        return False
    return True


@cache
def _secrets_manager() -> Any:
    return sdk_session.boto3_session().client("secretsmanager")
