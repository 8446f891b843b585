"""Admin routes (audit search, order simulation) against the local stack: the lifecycle
fixtures, imported rather than copied, so every folder shares the one stack."""

from __future__ import annotations

from tests.integration.lifecycle.conftest import (  # noqa: F401 (fixtures)
    _service_ids,
    service_id,
    settle,
    sim,
    stack,
    whmcs,
)
