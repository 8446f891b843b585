"""The client on Contabo's bad days, against the simulator: shared token, retries, purchases."""
# ruff: noqa: F811 (the fixtures are imported from test_client_methods)

from __future__ import annotations

import threading
import uuid

import httpx
import pytest

from contabo_reseller.adapters.contabo import generated_models as gm
from contabo_reseller.adapters.contabo.client import ContaboClient
from contabo_reseller.adapters.contabo.token import AccessTokens
from contabo_reseller.adapters.contabo.transport import ContaboTransport
from contabo_reseller.domain.errors import PurchaseOutcomeUnknown
from local.contabo_sim import RunningSimulator
from tests.contract.test_client_methods import (  # noqa: F401 (fixtures)
    RecordingTransport,
    client,
    sleeps,
    transport,
)
from tests.unit.contabo.conftest import atomic_conditional_writes  # noqa: F401 (fixture)

ORDER = gm.CreateInstanceRequest(product_id="V92", region="EU", display_name="svc-f", period=1)


def admin(sim: RunningSimulator, path: str, body: dict | None = None) -> dict:
    return httpx.post(f"{sim.base_url}/__sim/{path}", json=body or {}).json()


def sim_state(sim: RunningSimulator) -> dict:
    return httpx.get(f"{sim.base_url}/__sim/state").json()


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.usefixtures("atomic_conditional_writes")
def test_fifty_containers_make_one_token_request_per_lifetime(
    transport: ContaboTransport, sim: RunningSimulator
) -> None:
    clock = Clock()
    containers = []
    for _ in range(50):
        container = RecordingTransport(
            settings=transport.settings, http=transport.http, backoff=transport.backoff
        )
        # What is counted is sign-ins, not how long a wait may last: 50 threads polling one
        # in-process moto table on a loaded 2-core CI machine can pass the 100 polls (10 s)
        # a container waits in Lambda (CI failed on that once), so these wait longer.
        container.tokens = AccessTokens(container.fetch_token, clock=clock, max_polls=1000)
        containers.append(ContaboClient(container))
    for lifetime in range(1, 4):
        start = threading.Barrier(50)
        failures: list[BaseException] = []
        threads = [
            threading.Thread(target=_list_data_centers, args=(c, start, failures))
            for c in containers
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert failures == []
        assert sim_state(sim)["tokenRequests"] == lifetime
        clock.now += 300  # our clock and the simulator's move to the next lifetime together
        admin(sim, "clock/advance", {"seconds": 300})


def _list_data_centers(
    client: ContaboClient, start: threading.Barrier, failures: list[BaseException]
) -> None:
    start.wait()
    try:
        list(client.list_data_centers())
    except BaseException as error:  # collected for the main thread's assert
        failures.append(error)


def test_an_expired_token_is_refreshed_once(client: ContaboClient, sim: RunningSimulator) -> None:
    list(client.list_data_centers())
    admin(sim, "tokens/expire")
    list(client.list_data_centers())
    assert sim_state(sim)["tokenRequests"] == 2


def test_a_get_is_retried_through_a_429_burst_honouring_retry_after(
    client: ContaboClient, sim: RunningSimulator, sleeps: list[float]
) -> None:
    list(client.list_data_centers())
    admin(sim, "faults", {"throttle_next": 2, "retry_after_seconds": 3})

    assert list(client.list_instances()) == []
    assert sleeps == [3.0, 3.0]


def test_a_get_is_retried_through_5xx(
    client: ContaboClient, sim: RunningSimulator, sleeps: list[float]
) -> None:
    sim.state.faults.configure({"error_rates": {"retrieveDataCenterList": 1.0}})
    with pytest.raises(Exception, match="busy or unavailable"):
        list(client.list_data_centers())
    assert len(sleeps) == 3  # three retries, then UpstreamUnavailable
    sim.state.faults.reset()
    assert list(client.list_data_centers())


@pytest.mark.parametrize("mode", ["500", "drop"])
def test_a_purchase_committed_then_failed_is_unknown_and_never_repeated(
    client: ContaboClient, sim: RunningSimulator, sleeps: list[float], mode: str
) -> None:
    admin(sim, "faults", {"commit_then_fail": {"count": 1, "mode": mode}})
    request_id = str(uuid.uuid4())

    with pytest.raises(PurchaseOutcomeUnknown) as raised:
        client.create_instance(ORDER, request_id=request_id)

    assert raised.value.request_id == request_id
    assert sim_state(sim)["purchases"] == {"createInstance": 1}
    assert sleeps == []
    (audit,) = client.instance_audits(request_id=request_id)  # how the lifecycle reconciles
    assert audit.instance_id in {i.instance_id for i in client.list_instances()}


def test_a_purchase_failed_before_commit_bought_nothing(
    client: ContaboClient, sim: RunningSimulator
) -> None:
    admin(sim, "faults", {"fail_before_commit": 1})
    request_id = str(uuid.uuid4())
    with pytest.raises(PurchaseOutcomeUnknown):  # a 500 cannot tell the two cases apart
        client.create_instance(ORDER, request_id=request_id)
    assert list(client.instance_audits(request_id=request_id)) == []
    assert sim_state(sim)["purchases"].get("createInstance", 0) == 0
