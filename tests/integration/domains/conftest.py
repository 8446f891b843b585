"""Domain routes against the local stack: the lifecycle fixtures (imported, not copied)."""

from tests.integration.lifecycle.conftest import (  # noqa: F401 (fixtures)
    sim,
    stack,
    whmcs,
)
