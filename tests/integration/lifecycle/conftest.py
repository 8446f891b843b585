"""The lifecycle functions in-process behind the local gateway, on a moto server and the
Contabo simulator, reached over HTTP with WHMCS-style signed requests."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import httpx
import pytest

from local.signed_client import SignedClient
from local.stack.aws import DEMO_SIGNING_KEY_ID, DEMO_SIGNING_SECRET
from local.stack.runner import RunningStack, start_local_stack
from tests.conftest import TEST_NAMES

_service_ids = itertools.count(1000)
# Other test folders import these fixtures, and pytest then keeps one session fixture per
# conftest: they must all share one stack, since a second stack in the process would leave
# clients cached by the first (functions are imported once) talking to the wrong simulator.
_shared: dict[str, RunningStack] = {}
_users = [0]


@pytest.fixture(scope="session")
def stack() -> Iterator[RunningStack]:
    if not _shared:
        _shared["stack"] = start_local_stack(
            api_port=0,
            moto_port=0,
            sim_port=0,
            schedules=False,
            provision_seconds=60,
            names=TEST_NAMES,
        )
    _users[0] += 1
    try:
        yield _shared["stack"]
    finally:
        _users[0] -= 1
        if _users[0] == 0:  # the last conftest using it is done
            _shared.pop("stack").stop()


@pytest.fixture(scope="session")
def whmcs(stack: RunningStack) -> Iterator[SignedClient]:
    client = SignedClient(stack.api_url, DEMO_SIGNING_KEY_ID, DEMO_SIGNING_SECRET)
    yield client
    client.close()


@pytest.fixture
def sim(stack: RunningStack) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=stack.sim.base_url + "/__sim") as admin:
        yield admin
        admin.post("/faults/reset")


@pytest.fixture
def service_id() -> str:
    return str(next(_service_ids))


def purchases(sim: httpx.Client) -> int:
    return sim.get("/state").json()["purchases"].get("createInstance", 0)


def run_worker(stack: RunningStack) -> dict:
    return stack.run_job("ProvisioningWorkerFunction")


def settle(stack: RunningStack, whmcs: SignedClient, service_id: str, *states: str) -> dict:
    """Runs the worker until the service reaches one of ``states`` (the order's own async
    wake-up may already be running it), and returns its view."""
    view: dict = {}
    for _ in range(6):
        run_worker(stack)
        view = whmcs.request("GET", f"/services/{service_id}").json()
        if view.get("state") in states:
            # The wake-up may still hold the service's lock: a test's next call on the
            # service would be refused as busy (truthfully, but not what it tests).
            assert stack.wait_for_background(), "a background invoke did not end in 30 s"
            return view
    raise AssertionError(f"service {service_id} stuck in {view}")
