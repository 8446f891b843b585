"""Simulator settings, read once from the environment (or built directly in tests)."""

import json
import os
from dataclasses import dataclass, field
from typing import Any

from local.ports import SIM_PORT


@dataclass(frozen=True)
class SimulatorConfig:
    host: str = "127.0.0.1"
    port: int = SIM_PORT
    client_id: str = "demo-client-id"
    client_secret: str = "demo-client-secret"
    api_user: str = "demo@reseller.example"
    api_password: str = "demo-password"
    provision_seconds: float = 30.0
    token_ttl_seconds: int = 300
    latency_ms: int = 0
    seed: int = 0
    validate: bool = True
    faults: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> "SimulatorConfig":
        env = dict(os.environ if env is None else env)
        defaults = cls()
        return cls(
            host=env.get("SIM_HOST", defaults.host),
            port=int(env.get("SIM_PORT", defaults.port)),
            client_id=env.get("SIM_CLIENT_ID", defaults.client_id),
            client_secret=env.get("SIM_CLIENT_SECRET", defaults.client_secret),
            api_user=env.get("SIM_API_USER", defaults.api_user),
            api_password=env.get("SIM_API_PASSWORD", defaults.api_password),
            provision_seconds=float(env.get("SIM_PROVISION_SECONDS", defaults.provision_seconds)),
            token_ttl_seconds=int(env.get("SIM_TOKEN_TTL_SECONDS", defaults.token_ttl_seconds)),
            latency_ms=int(env.get("SIM_LATENCY_MS", defaults.latency_ms)),
            seed=int(env.get("SIM_SEED", defaults.seed)),
            validate=env.get("SIM_VALIDATE", "1") != "0",
            faults=json.loads(env.get("SIM_FAULTS", "{}")),
        )
