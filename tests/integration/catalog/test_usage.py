"""Usage sync against the simulator and GET /services/{id}/usage over signed HTTP: a server's
additional IPv4 and snapshots, an object storage's used and purchased TB."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from contabo_reseller.adapters.contabo.client import get_contabo_client
from tests.integration.lifecycle.conftest import _service_ids, settle
from tests.integration.lifecycle.test_create_and_provision import order
from tests.integration.object_storage.conftest import (
    clear_account,
    settle_leftovers,
    storage_order,
)


@pytest.fixture
def active_server(stack, whmcs, sim, service_id) -> dict:
    assert whmcs.request("POST", f"/services/{service_id}/create", order()).status_code == 202
    settle(stack, whmcs, service_id, "provisioning")
    sim.post("/clock/advance", json={"seconds": 120})
    return settle(stack, whmcs, service_id, "active")


@pytest.fixture
def active_storage(stack, whmcs, sim):
    clear_account(stack)
    sid = str(next(_service_ids))
    created = whmcs.request("POST", f"/services/{sid}/object-storage", storage_order())
    assert created.status_code == 202, created.text
    settle(stack, whmcs, sid, "provisioning", "active")
    sim.post("/clock/advance", json={"seconds": 120})
    settle(stack, whmcs, sid, "active")
    yield sid
    settle_leftovers(stack)
    clear_account(stack)


def usage(whmcs, sid: str, query: str = "") -> dict[str, tuple[float, str, str]]:
    response = whmcs.request("GET", f"/services/{sid}/usage{query}")
    assert response.status_code == 200, response.text
    return {i["metric"]: (i["value"], i["unit"], i["day"]) for i in response.json()["items"]}


def test_a_servers_extra_ips_and_snapshots_are_recorded_per_day(stack, whmcs, active_server):
    sid = active_server["service_id"]
    assert usage(whmcs, sid) == {}  # not synced yet

    vip = next(
        v for v in stack.sim.state.vips.values() if v["region"] == "EU" and not v["resourceId"]
    )
    get_contabo_client().for_service(sid).assign_vip(
        vip["ipAddress"], "instances", active_server["instance_id"]
    )
    snapshot = whmcs.request("POST", f"/services/{sid}/snapshots", {"name": "before-upgrade"})
    assert snapshot.status_code == 201, snapshot.text

    outcome = stack.run_job("UsageSyncFunction")
    assert outcome["status"] == "ok", outcome
    assert outcome["result"]["outcome"] == "finished"

    today = datetime.now(UTC).date().isoformat()
    assert usage(whmcs, sid) == {
        "additional_ipv4": (1, "addresses", today),
        "snapshots": (1, "snapshots", today),
    }
    assert usage(whmcs, sid, f"?from={today}&to={today}")["snapshots"][0] == 1


def test_an_object_storages_used_and_purchased_space_is_recorded(
    stack, whmcs, active_storage, monkeypatch
):
    """Measured in the customer's own bucket (S3), against their quota."""
    import boto3

    from contabo_reseller.domain.object_storage import tenancy as domain
    from contabo_reseller.services.object_storage import tenancy as object_storage_tenancy

    monkeypatch.setattr(domain, "BYTES_PER_TB", 1000)  # 400 bytes read as 0.4 TB
    monkeypatch.setattr(object_storage_tenancy, "BYTES_PER_TB", 1000)
    keys = whmcs.request("GET", f"/services/{active_storage}/object-storage/credentials").json()
    boto3.client(
        "s3",
        endpoint_url=keys["endpoint"],
        aws_access_key_id=keys["access_key"],
        aws_secret_access_key=keys["secret_key"],
        region_name="us-east-1",
    ).put_object(Bucket=keys["bucket"], Key="data", Body=b"x" * 400)

    assert stack.run_job("UsageSyncFunction")["result"]["outcome"] == "finished"

    figures = usage(whmcs, active_storage)
    assert figures["object_storage_used_tb"][:2] == (0.4, "TB")
    assert figures["object_storage_size_tb"][:2] == (1, "TB")


def test_usage_of_an_unknown_service_is_not_found_and_bad_dates_are_refused(whmcs):
    assert whmcs.request("GET", "/services/987654321/usage").status_code == 404
    bad = whmcs.request("GET", "/services/987654321/usage?from=yesterday")
    assert bad.status_code == 400
