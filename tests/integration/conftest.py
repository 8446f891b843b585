"""Integration tests: the whole local stack in this process, on free ports.

The stack uses the test names (tests/conftest.py) so the tables match what the shared package,
once imported here, expects. One stack per module: two stacks cannot run at once in one
process (they share its environment).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from local.stack import RunningStack, start_local_stack
from tests.conftest import TEST_NAMES


@pytest.fixture(scope="module")
def local_stack() -> Iterator[RunningStack]:
    """The stack with schedules off (tests run jobs with ``run_job``); fast provisioning."""
    with start_local_stack(
        api_port=0,
        moto_port=0,
        sim_port=0,
        schedules=False,
        provision_seconds=1,
        names=TEST_NAMES,
    ) as stack:
        yield stack
