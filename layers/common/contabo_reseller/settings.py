"""Typed settings, read once per container from the environment.

A plain pydantic model (not pydantic-settings) keeps cold start low; SAM sets these variables
from template.yaml's Globals, and the local stack sets them from the same template.
"""

from __future__ import annotations

import os
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True)

    stage: str = "local"
    services_table: str = Field(min_length=1)
    jobs_table: str = Field(min_length=1)
    audit_table: str = Field(min_length=1)
    tokens_table: str = Field(min_length=1)
    catalog_table: str = Field(min_length=1)
    usage_table: str = Field(min_length=1)
    idempotency_table: str = Field(min_length=1)
    contabo_secret_id: str = Field(min_length=1)
    signing_keys_secret_id: str = Field(min_length=1)
    whmcs_api_secret_id: str = ""
    contabo_api_url: str = "https://api.contabo.com"
    contabo_auth_url: str = (
        "https://auth.contabo.com/auth/realms/contabo/protocol/openid-connect/token"
    )
    contabo_timeout_seconds: float = 8.0
    # The template's WhmcsEgressIps (comma-separated); empty: the API is open to any address.
    api_allowed_source_ips: str = ""
    provisioning_worker_function: str = ""
    # Scheduled functions "run now" (POST /admin/schedules/{job}/run) and wake-ups can invoke.
    action_queue_worker_function: str = ""
    status_sync_function: str = ""
    catalog_sync_function: str = ""
    usage_sync_function: str = ""
    automatic_snapshots_function: str = ""
    # Contabo's product-list id of the Additional IPv4 add-on ("" = not set: one per order).
    additional_ipv4_addon_id: str = Field(default="", pattern=r"^[0-9]{0,9}$")
    domain_sync_function: str = ""
    action_queue_max_attempts: int = Field(default=5, ge=1, le=50)
    audit_retention_days: int = 400
    secrets_cache_seconds: int = 300
    signature_max_age_seconds: int = 300

    @classmethod
    def from_environ(cls, environ: dict[str, str] | None = None) -> Settings:
        source = os.environ if environ is None else environ
        values = {name: source[name.upper()] for name in cls.model_fields if name.upper() in source}
        return cls.model_validate(values)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings.from_environ()
