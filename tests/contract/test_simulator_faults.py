"""Fault injection: commit-then-fail purchases, 429 bursts, error rates, admin endpoints."""

import httpx
import pytest

from .conftest import new_instance

CREATE = {"productId": "V92", "region": "EU", "period": 1}


def test_commit_then_500_really_purchases(sim, api):
    sim.state.faults.configure({"commit_then_fail": {"count": 1, "mode": "500"}})
    api.call("POST", "/v1/compute/instances", json=CREATE, expect=500)
    assert sim.state.purchases["createInstance"] == 1
    assert len(sim.state.instances) == 1
    new_instance(api)  # the fault was used up


def test_commit_then_drop_closes_the_socket_after_purchasing(sim, api):
    httpx.post(
        sim.base_url + "/__sim/faults", json={"commit_then_fail": {"count": 1, "mode": "drop"}}
    )
    with pytest.raises(httpx.TransportError):
        api.call("POST", "/v1/compute/instances", json=CREATE, expect=201)
    assert sim.state.purchases["createInstance"] == 1
    assert len(sim.state.instances) == 1


def test_fail_before_commit_buys_nothing(sim, api):
    sim.state.faults.configure({"fail_before_commit": 1})
    api.call(
        "POST", "/v1/object-storages", json={"region": "EU", "totalPurchasedSpaceTB": 1}, expect=500
    )
    assert sim.state.purchases["createObjectStorage"] == 0
    assert sim.state.object_storages == {}


def test_429_burst_with_retry_after(sim, api):
    sim.state.faults.configure({"throttle_next": 2, "retry_after_seconds": 3})
    for _ in range(2):
        response = api.call("GET", "/v1/compute/instances", expect=429)
        assert response.headers["Retry-After"] == "3"
    api.call("GET", "/v1/compute/instances", expect=200)


def test_error_rate_is_seeded_per_operation(sim, api):
    sim.state.faults.configure({"error_rates": {"retrieveDataCenterList": 1.0}})
    api.call("GET", "/v1/data-centers", expect=503)
    api.call("GET", "/v1/compute/instances", expect=200)


def test_admin_endpoints(sim, api):
    new_instance(api)
    state = httpx.get(sim.base_url + "/__sim/state").json()
    assert state["purchases"] == {"createInstance": 1} and state["tokenRequests"] == 1
    assert len(state["instances"]) == 1 and state["validationFailures"] == []
    httpx.post(sim.base_url + "/__sim/clock/advance", json={"seconds": 30})
    assert httpx.get(sim.base_url + "/__sim/state").json()["instances"][0]["status"] == "running"
    httpx.post(sim.base_url + "/__sim/tokens/expire")
    api.call("GET", "/v1/compute/instances", expect=401)
    httpx.post(sim.base_url + "/__sim/reset")
    assert httpx.get(sim.base_url + "/__sim/state").json()["instances"] == []
