"""Catalog, pricing and usage routes against the local stack: the lifecycle fixtures
(imported, not copied) and a helper that runs a scheduled function."""

from __future__ import annotations

from tests.integration.lifecycle.conftest import (  # noqa: F401 (fixtures)
    _service_ids,
    service_id,
    settle,
    sim,
    stack,
    whmcs,
)
