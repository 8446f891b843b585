"""Object storage as a WHMCS product, end to end over signed HTTP: order, worker, resize,
usage, credentials, suspend, terminate, renew, ownership."""

from __future__ import annotations

import json
import threading

from contabo_reseller.adapters.tables import AuditEntry
from contabo_reseller.observability import logger
from tests.integration.object_storage.conftest import (
    contabo_storage,
    new_service_id,
    run_worker,
    settle,
    sim_state,
    storage_order,
    storage_purchases,
    tenant_keys,
)
from tests.log_scan import captured_logs, find_secrets


def _view(whmcs, sid: str) -> dict:
    response = whmcs.request("GET", f"/services/{sid}")
    assert response.status_code == 200, response.text
    return response.json()


def test_order_answers_at_once_then_the_worker_buys_once_and_activates(stack, whmcs, sim):
    sid = new_service_id()
    before = storage_purchases(stack)
    created = whmcs.request(
        "POST", f"/services/{sid}/object-storage", storage_order(auto_scaling_limit_tb=3)
    )
    assert created.status_code == 202, created.text
    body = created.json()
    assert body["kind"] == "object_storage" and body["state"] == "queued"
    assert body["object_storage"]["size_tb"] == 1 and body["instance_id"] is None

    settle(stack, whmcs, sid, "provisioning")
    assert storage_purchases(stack) == before + 1
    sim.post("/clock/advance", json={"seconds": 120})
    view = settle(stack, whmcs, sid, "active")
    storage = contabo_storage(stack, sid)
    shown = view["object_storage"]
    assert shown["object_storage_id"] == storage["objectStorageId"]
    assert shown["s3_url"] == storage["s3Url"] == stack.sim.s3.url
    assert shown["bucket"] and shown["bucket"].startswith(f"svc-{sid}-")
    assert shown["region_name"] == "European Union"
    assert shown["size_tb"] == 1 and shown["auto_scaling_limit_tb"] == 3
    assert shown["credentials_available"] is True
    assert storage["autoScaling"] == {"state": "enabled", "sizeLimitTB": 3.0}
    assert view["status_message"] == "Your object storage is ready."

    again = whmcs.request("POST", f"/services/{sid}/object-storage", storage_order())
    assert again.status_code == 202
    assert again.json()["object_storage"]["object_storage_id"] == storage["objectStorageId"]
    run_worker(stack)
    assert storage_purchases(stack) == before + 1


def test_invalid_orders_are_refused_with_the_field_named(whmcs):
    sid = new_service_id()
    for body, field in (
        (storage_order(region="UK"), "region"),
        (storage_order(size_tb=0.1), "size_tb"),
        (storage_order(size_tb=1.3), "size_tb"),
        (storage_order(size_tb=500), "size_tb"),
        (storage_order(size_tb=2, auto_scaling_limit_tb=1), "auto_scaling_limit_tb"),
        (storage_order(client_email="nope"), "client_email"),
    ):
        refused = whmcs.request("POST", f"/services/{sid}/object-storage", body)
        assert refused.status_code == 400, refused.text
        assert field in refused.json()["error"]["message"]
    assert whmcs.request("GET", f"/services/{sid}").status_code == 404


def test_a_storage_the_account_already_holds_becomes_the_regions_pool(stack, whmcs, sim):
    state = sim_state(stack)
    state.object_storages["outside"] = _outside_storage(stack.sim.s3.url)
    before = storage_purchases(stack)
    sid = new_service_id()
    ordered = whmcs.request(
        "POST", f"/services/{sid}/object-storage", storage_order(region="US-central")
    )
    assert ordered.status_code == 202, ordered.text
    view = settle(stack, whmcs, sid, "active")
    assert view["object_storage"]["object_storage_id"] == "outside"
    assert storage_purchases(stack) == before


def test_two_orders_racing_for_a_region_without_a_pool_buy_it_once(stack, whmcs):
    first, second = new_service_id(), new_service_id()
    before = storage_purchases(stack)
    answers: dict[str, int] = {}

    def order(sid: str) -> None:
        response = whmcs.request("POST", f"/services/{sid}/object-storage", storage_order())
        answers[sid] = response.status_code

    threads = [threading.Thread(target=order, args=(sid,)) for sid in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answers.values()) == [202, 202], answers
    for sid in (first, second):
        settle(stack, whmcs, sid, "provisioning", "active")
    assert storage_purchases(stack) == before + 1


def test_resize_changes_the_customers_quota_and_buys_nothing(stack, whmcs, active_storage):
    sid = active_storage
    before = storage_purchases(stack, "upgradeObjectStorage")
    grown = whmcs.request("POST", f"/services/{sid}/object-storage/resize", {"size_tb": 2.5})
    assert grown.status_code == 202, grown.text
    assert grown.json()["object_storage"]["size_tb"] == 2.5
    assert whmcs.request("GET", f"/services/{sid}/object-storage/usage").json()["size_tb"] == 2.5
    smaller = whmcs.request("POST", f"/services/{sid}/object-storage/resize", {"size_tb": 1})
    assert smaller.status_code == 202  # a quota, not bought space: it may go down
    assert _view(whmcs, sid)["object_storage"]["size_tb"] == 1
    bad = whmcs.request("POST", f"/services/{sid}/object-storage/resize", {"size_tb": 1.3})
    assert bad.status_code == 400
    run_worker(stack)
    assert storage_purchases(stack, "upgradeObjectStorage") == before


def test_usage_is_measured_in_the_customers_bucket(stack, whmcs, active_storage):
    import boto3

    sid = active_storage
    keys = whmcs.request("GET", f"/services/{sid}/object-storage/credentials").json()
    s3 = boto3.client(
        "s3",
        endpoint_url=keys["endpoint"],
        aws_access_key_id=keys["access_key"],
        aws_secret_access_key=keys["secret_key"],
        region_name="us-east-1",
    )
    for n in range(3):
        s3.put_object(Bucket=keys["bucket"], Key=f"f{n}", Body=b"x" * 1000)
    response = whmcs.request("GET", f"/services/{sid}/object-storage/usage")
    assert response.status_code == 200, response.text
    usage = response.json()
    assert usage["used_tb"] == 3000 / 1000**4 and usage["size_tb"] == 1
    assert usage["objects"] == 3 and usage["as_of"] and usage["quota_message"] == ""
    shown = _view(whmcs, sid)["object_storage"]
    assert shown["objects"] == 3


def test_credentials_reveal_and_regenerate_without_logging_the_secret(
    stack, whmcs, active_storage, capfd
):
    sid = active_storage
    storage = contabo_storage(stack, sid)
    stored = tenant_keys(stack, sid)
    level = logger.log_level
    logger.setLevel("DEBUG")  # our debug lines must be clean too
    try:
        with captured_logs() as logs:
            revealed = whmcs.request("GET", f"/services/{sid}/object-storage/credentials")
            assert revealed.status_code == 200, revealed.text
            keys = revealed.json()
            assert keys == {
                "endpoint": storage["s3Url"],
                "access_key": stored["accessKey"],
                "secret_key": stored["secretKey"],
                "bucket": _view(whmcs, sid)["object_storage"]["bucket"],
            }
            path = f"/services/{sid}/object-storage/credentials/regenerate"
            regenerated = whmcs.request("POST", path, {}, idempotency_key="regen-0000001")
            assert regenerated.status_code == 200, regenerated.text
            new = regenerated.json()
            assert new["secret_key"] != keys["secret_key"]
            assert new["secret_key"] == tenant_keys(stack, sid)["secretKey"]
            replay = whmcs.request("POST", path, {}, idempotency_key="regen-0000001")
            assert replay.json() == new  # no second rotation for the same request
            again = whmcs.request("GET", f"/services/{sid}/object-storage/credentials")
            assert again.json() == new
    finally:
        logger.setLevel(level)
    printed = capfd.readouterr()
    secrets = {"old secret key": keys["secret_key"], "new secret key": new["secret_key"]}
    output = logs.text + printed.out + printed.err
    assert "object_storage_credentials_regenerate" in output  # the capture saw the calls
    assert find_secrets(output, secrets) == []
    audit_rows = "\n".join(
        json.dumps(row.attribute_values, default=str) for row in AuditEntry.query(sid)
    )
    assert find_secrets(audit_rows, secrets) == [], "a secret key reached the audit table"


def test_suspended_storage_hides_its_keys_until_reactivated(stack, whmcs, active_storage):
    sid = active_storage
    before = whmcs.request("GET", f"/services/{sid}/object-storage/credentials").json()
    suspended = whmcs.request("POST", f"/services/{sid}/suspend", {"reason": "overdue"})
    assert suspended.status_code == 200, suspended.text
    assert suspended.json()["suspended"] is True
    assert suspended.json()["object_storage"]["credentials_available"] is False
    assert whmcs.request("POST", f"/services/{sid}/suspend", {}).status_code == 200

    for method, path, body in (
        ("GET", "credentials", None),
        ("POST", "credentials/regenerate", {}),
        ("POST", "resize", {"size_tb": 2}),
    ):
        refused = whmcs.request(method, f"/services/{sid}/object-storage/{path}", body)
        assert refused.status_code == 422, (path, refused.text)
        assert refused.json()["error"]["message"].startswith("This service is suspended.")
    assert whmcs.request("GET", f"/services/{sid}/object-storage/usage").status_code == 200
    assert _view(whmcs, sid)["state"] == "active"

    assert whmcs.request("POST", f"/services/{sid}/unsuspend", {}).status_code == 200
    after = whmcs.request("GET", f"/services/{sid}/object-storage/credentials")
    assert after.status_code == 200
    assert after.json() == before  # the user was disabled meanwhile, its keys kept
    assert _view(whmcs, sid)["object_storage"]["credentials_available"] is True


def test_terminate_ends_access_keeps_the_pool_and_schedules_the_data_deletion(
    stack, whmcs, active_storage
):
    sid = active_storage
    done = whmcs.request("POST", f"/services/{sid}/terminate", {})
    assert done.status_code == 200, done.text
    view = done.json()
    assert view["state"] == "terminated" and view["object_storage"]["data_deleted_after"]
    assert not contabo_storage(stack, sid)["cancelDate"]  # the pool serves the others
    assert whmcs.request("POST", f"/services/{sid}/terminate", {}).status_code == 200
    assert whmcs.request("GET", f"/services/{sid}/object-storage/credentials").status_code == 422
    assert whmcs.request("POST", f"/services/{sid}/renew", {}).status_code == 422

    successor = new_service_id()
    again = whmcs.request("POST", f"/services/{successor}/object-storage", storage_order())
    assert again.status_code == 202, again.text


def test_renew_checks_the_storage(stack, whmcs, active_storage):
    sid = active_storage
    renewed = whmcs.request("POST", f"/services/{sid}/renew", {"next_due_date": "2027-03-01"})
    assert renewed.status_code == 200, renewed.text
    assert renewed.json()["next_due_date"] == "2027-03-01"
    contabo_storage(stack, sid)["cancelDate"] = "2099-01-31"
    refused = whmcs.request("POST", f"/services/{sid}/renew", {})
    assert refused.status_code == 422
    assert "2099-01-31" in refused.json()["error"]["message"]


def test_each_service_reaches_only_its_own_storage(stack, whmcs, storage_factory):
    mine, theirs = storage_factory(region="EU"), storage_factory(region="SIN")
    keys = {
        sid: whmcs.request("GET", f"/services/{sid}/object-storage/credentials").json()
        for sid in (mine, theirs)
    }
    for sid in (mine, theirs):
        assert keys[sid]["access_key"] == tenant_keys(stack, sid)["accessKey"]
    assert keys[mine]["access_key"] != keys[theirs]["access_key"]
    assert keys[mine]["bucket"] != keys[theirs]["bucket"]

    unknown = new_service_id()
    missing = whmcs.request("GET", f"/services/{unknown}/object-storage/credentials")
    assert missing.status_code == 404
    # Server actions on an object storage service are refused, never a 500.
    for method, path, body in (
        ("POST", "power/start", {}),
        ("POST", "change-password", {"password": "N3w!Pass#word"}),
        ("POST", "change-package", {"product_id": "V92"}),
        ("POST", "refresh", {}),
        ("POST", "snapshots", {"name": "before-upgrade"}),
        ("GET", "snapshots", None),
        ("GET", "ips", None),
    ):
        refused = whmcs.request(method, f"/services/{mine}/{path}", body)
        assert refused.status_code == 422, (path, refused.text)


def test_server_services_have_no_object_storage_routes(whmcs, stack):
    from tests.integration.lifecycle.test_create_and_provision import order

    sid = new_service_id()
    assert whmcs.request("POST", f"/services/{sid}/create", order()).status_code == 202
    settle(stack, whmcs, sid, "provisioning", "active")
    refused = whmcs.request("GET", f"/services/{sid}/object-storage/credentials")
    assert refused.status_code == 422
    assert "not object storage" in refused.json()["error"]["message"]
    clash = whmcs.request("POST", f"/services/{sid}/object-storage", storage_order())
    assert clash.status_code == 409


def _outside_storage(s3_url: str) -> dict:
    """An object storage the account holds that no service of this backend ordered."""
    from datetime import UTC, datetime

    return {
        "tenantId": "DE",
        "customerId": "54321",
        "objectStorageId": "outside",
        "createdDate": "2026-01-01T00:00:00.000Z",
        "cancelDate": "",
        "autoScaling": {"state": "disabled", "sizeLimitTB": 0.0},
        "dataCenter": "United States Central 1",
        "totalPurchasedSpaceTB": 1.0,
        "s3Url": s3_url,
        "s3TenantId": "0" * 32,
        "status": "READY",
        "region": "United States (Central)",
        "displayName": "bought in the control panel",
        "_regionSlug": "US-central",
        "_readyAt": datetime(2026, 1, 1, tzinfo=UTC),
        "_usedSpaceTB": 0.0,
        "_numberOfObjects": 0,
    }
