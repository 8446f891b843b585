"""Object storage as a WHMCS product, end to end over signed HTTP: order, worker, resize,
usage, credentials, suspend, terminate, renew, ownership."""

from __future__ import annotations

import json
import threading
from datetime import date

from contabo_reseller.adapters.tables import AuditEntry
from contabo_reseller.observability import logger
from local.contabo_sim.routes.object_storages import set_usage
from tests.integration.object_storage.conftest import (
    contabo_storage,
    new_service_id,
    run_worker,
    settle,
    sim_state,
    storage_order,
    storage_purchases,
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
    assert shown["s3_url"] == storage["s3Url"] and shown["s3_url"].startswith("https://")
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


def test_a_region_in_use_is_refused_at_order_time_without_buying(
    stack, whmcs, sim, active_storage, storage_factory
):
    before = storage_purchases(stack)
    second = new_service_id()
    refused = whmcs.request("POST", f"/services/{second}/object-storage", storage_order())
    assert refused.status_code == 422, refused.text
    error = refused.json()["error"]
    assert error["code"] == "action_refused"
    assert error["message"].startswith("Object storage in EU is already in use on this account;")
    assert whmcs.request("GET", f"/services/{second}").status_code == 404
    run_worker(stack)
    assert storage_purchases(stack) == before

    other_region = storage_factory(region="SIN")  # the account's other regions stay free
    assert _view(whmcs, other_region)["object_storage"]["region_name"] == "Asia (Singapore)"


def test_a_region_taken_at_contabo_outside_the_backend_is_refused(stack, whmcs):
    state = sim_state(stack)
    state.object_storages["outside"] = _outside_storage()
    sid = new_service_id()
    refused = whmcs.request(
        "POST", f"/services/{sid}/object-storage", storage_order(region="US-central")
    )
    assert refused.status_code == 422, refused.text
    assert "US-central is already in use" in refused.json()["error"]["message"]
    assert (
        whmcs.request(
            "POST", f"/services/{sid}/object-storage", storage_order(region="EU")
        ).status_code
        == 202
    )


def test_two_orders_racing_for_one_region_one_wins(whmcs):
    first, second = new_service_id(), new_service_id()
    answers: dict[str, int] = {}

    def order(sid: str) -> None:
        response = whmcs.request("POST", f"/services/{sid}/object-storage", storage_order())
        answers[sid] = response.status_code

    threads = [threading.Thread(target=order, args=(sid,)) for sid in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answers.values()) == [202, 422], answers


def test_resize_grows_once_and_refuses_to_shrink(stack, whmcs, active_storage):
    sid = active_storage
    before = storage_purchases(stack, "upgradeObjectStorage")
    grown = whmcs.request(
        "POST",
        f"/services/{sid}/object-storage/resize",
        {"size_tb": 2.5, "auto_scaling_limit_tb": 4},
    )
    assert grown.status_code == 202, grown.text
    assert grown.json()["object_storage"]["resize"]["status"] == "queued"
    busy = whmcs.request("POST", f"/services/{sid}/object-storage/resize", {"size_tb": 3})
    assert busy.status_code in (202, 409)  # 409 while the first one is still being completed
    run_worker(stack)
    run_worker(stack)
    view = _view(whmcs, sid)
    assert view["object_storage"]["resize"] is None
    storage = contabo_storage(stack, sid)
    assert storage["totalPurchasedSpaceTB"] >= 2.5
    assert storage["autoScaling"] == {"state": "enabled", "sizeLimitTB": 4.0}
    bought = storage_purchases(stack, "upgradeObjectStorage") - before
    assert bought == (2 if busy.status_code == 202 else 1)

    size_now = storage["totalPurchasedSpaceTB"]
    shrink = whmcs.request("POST", f"/services/{sid}/object-storage/resize", {"size_tb": 1})
    assert shrink.status_code == 422
    assert "cannot be made smaller" in shrink.json()["error"]["message"]
    same = whmcs.request("POST", f"/services/{sid}/object-storage/resize", {"size_tb": size_now})
    assert same.status_code == 202 and same.json()["object_storage"]["resize"] is None
    low_cap = whmcs.request(
        "POST",
        f"/services/{sid}/object-storage/resize",
        {"size_tb": size_now, "auto_scaling_limit_tb": 1},
    )
    assert low_cap.status_code == 400
    off = whmcs.request(
        "POST",
        f"/services/{sid}/object-storage/resize",
        {"size_tb": size_now, "auto_scaling_limit_tb": 0},
    )
    assert off.status_code == 202
    run_worker(stack)
    assert contabo_storage(stack, sid)["autoScaling"]["state"] == "disabled"
    assert _view(whmcs, sid)["object_storage"]["auto_scaling_limit_tb"] == 0


def test_usage_reports_contabo_stats(stack, whmcs, active_storage):
    sid = active_storage
    set_usage(sim_state(stack), contabo_storage(stack, sid)["objectStorageId"], 0.25, 1234)
    response = whmcs.request("GET", f"/services/{sid}/object-storage/usage")
    assert response.status_code == 200, response.text
    usage = response.json()
    assert usage["used_tb"] == 0.25 and usage["size_tb"] == 1
    assert usage["used_percent"] == 25 and usage["objects"] == 1234 and usage["as_of"]
    shown = _view(whmcs, sid)["object_storage"]
    assert shown["used_tb"] == 0.25 and shown["objects"] == 1234


def test_credentials_reveal_and_regenerate_without_logging_the_secret(
    stack, whmcs, active_storage, capfd
):
    sid = active_storage
    storage = contabo_storage(stack, sid)
    stored = next(
        c
        for c in sim_state(stack).credentials.values()
        if c["objectStorageId"] == storage["objectStorageId"]
    )
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
            }
            path = f"/services/{sid}/object-storage/credentials/regenerate"
            regenerated = whmcs.request("POST", path, {}, idempotency_key="regen-0000001")
            assert regenerated.status_code == 200, regenerated.text
            new = regenerated.json()
            assert new["secret_key"] != keys["secret_key"]
            assert new["secret_key"] == stored["secretKey"]
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


def test_suspended_storage_can_be_read_but_keys_are_replaced_and_hidden(
    stack, whmcs, active_storage
):
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
    assert after.json()["secret_key"] != before["secret_key"]  # the old keys stopped working
    assert _view(whmcs, sid)["object_storage"]["credentials_available"] is True


def test_terminate_cancels_frees_the_region_when_contabo_ends_it(stack, whmcs, sim, active_storage):
    sid = active_storage
    done = whmcs.request("POST", f"/services/{sid}/terminate", {})
    assert done.status_code == 200, done.text
    view = done.json()
    assert view["state"] == "terminated" and view["cancel_date"]
    assert contabo_storage(stack, sid)["cancelDate"] == view["cancel_date"]
    assert whmcs.request("POST", f"/services/{sid}/terminate", {}).status_code == 200
    assert whmcs.request("GET", f"/services/{sid}/object-storage/credentials").status_code == 422
    assert whmcs.request("POST", f"/services/{sid}/renew", {}).status_code == 422

    successor = new_service_id()
    early = whmcs.request("POST", f"/services/{successor}/object-storage", storage_order())
    assert early.status_code == 422
    assert view["cancel_date"] in early.json()["error"]["message"]
    days = (date.fromisoformat(view["cancel_date"]) - date.today()).days + 1
    sim.post("/clock/advance", json={"seconds": days * 86400})
    later = whmcs.request("POST", f"/services/{successor}/object-storage", storage_order())
    assert later.status_code == 202, later.text


def test_terminate_counts_an_already_cancelled_storage_as_done(stack, whmcs, active_storage):
    sid = active_storage
    storage = contabo_storage(stack, sid)
    storage["cancelDate"] = "2099-01-31"
    done = whmcs.request("POST", f"/services/{sid}/terminate", {})
    assert done.status_code == 200, done.text
    assert done.json()["cancel_date"] == "2099-01-31"


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
        storage_id = contabo_storage(stack, sid)["objectStorageId"]
        stored = next(
            c for c in sim_state(stack).credentials.values() if c["objectStorageId"] == storage_id
        )
        assert keys[sid]["access_key"] == stored["accessKey"]
    assert keys[mine]["access_key"] != keys[theirs]["access_key"]
    assert keys[mine]["endpoint"] != keys[theirs]["endpoint"]

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


def _outside_storage() -> dict:
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
        "s3Url": "https://usc1.contabostorage.com",
        "s3TenantId": "0" * 32,
        "status": "READY",
        "region": "United States (Central)",
        "displayName": "bought in the control panel",
        "_regionSlug": "US-central",
        "_readyAt": datetime(2026, 1, 1, tzinfo=UTC),
        "_usedSpaceTB": 0.0,
        "_numberOfObjects": 0,
    }
