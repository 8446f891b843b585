"""Object storage customers sharing a region's pool, proven with real S3 requests signed with
each customer's own keys through the local S3 endpoint (which checks signatures per key and
enforces bucket policies and Contabo's default visibility: every user reaches every bucket
unless denied)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from contabo_reseller.adapters import config_items
from contabo_reseller.domain.object_storage import tenancy as domain
from contabo_reseller.services.object_storage import tenancy as object_storage_tenancy
from contabo_reseller.services.object_storage.port import object_storage_port_for
from local.contabo_sim.state import USER_ID
from tests.integration.object_storage.conftest import run_worker, sim_state, storage_purchases


def _credentials(whmcs, sid: str) -> dict[str, Any]:
    answer = whmcs.request("GET", f"/services/{sid}/object-storage/credentials")
    assert answer.status_code == 200, answer.text
    return answer.json()


def _s3(endpoint: str, access_key: str, secret_key: str) -> Any:
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id=access_key,
        aws_secret_access_key=secret_key,
        region_name="us-east-1",
        config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1}),
    )


def _client_of(credentials: dict[str, Any]) -> Any:
    return _s3(credentials["endpoint"], credentials["access_key"], credentials["secret_key"])


def _refused(call: Callable[[], Any]) -> str:
    with pytest.raises(ClientError) as raised:
        call()
    code = str(raised.value.response["Error"]["Code"])
    return "AccessDenied" if code == "403" else code  # a HEAD answer has no body, as in S3


def _every_operation_on(s3: Any, bucket: str, own_bucket: str) -> dict[str, Callable[[], Any]]:
    return {
        "list": lambda: s3.list_objects_v2(Bucket=bucket),
        "read": lambda: s3.get_object(Bucket=bucket, Key="secret.txt"),
        "head": lambda: s3.head_object(Bucket=bucket, Key="secret.txt"),
        "write": lambda: s3.put_object(Bucket=bucket, Key="planted.txt", Body=b"x"),
        "delete": lambda: s3.delete_object(Bucket=bucket, Key="secret.txt"),
        "delete many": lambda: s3.delete_objects(
            Bucket=bucket, Delete={"Objects": [{"Key": "secret.txt"}]}
        ),
        "copy out": lambda: s3.copy_object(
            Bucket=own_bucket, Key="stolen", CopySource={"Bucket": bucket, "Key": "secret.txt"}
        ),
        "policy read": lambda: s3.get_bucket_policy(Bucket=bucket),
        "policy lift": lambda: s3.delete_bucket_policy(Bucket=bucket),
        "delete bucket": lambda: s3.delete_bucket(Bucket=bucket),
    }


@pytest.fixture
def two_customers(stack, whmcs, storage_factory) -> tuple[str, str]:
    before = storage_purchases(stack)
    first = storage_factory(region="EU", client_id="7")
    second = storage_factory(region="EU", client_id="8")
    assert storage_purchases(stack) == before + 1  # one pool for both
    return first, second


def test_each_customer_gets_own_user_keys_and_bucket_and_cannot_reach_the_other(
    stack, whmcs, two_customers
):
    first, second = two_customers
    a, b = _credentials(whmcs, first), _credentials(whmcs, second)
    state = sim_state(stack)
    api_user_keys = state.s3_keys[USER_ID]
    assert a["endpoint"] == b["endpoint"] == stack.sim.s3.url
    assert a["bucket"] and b["bucket"] and a["bucket"] != b["bucket"]
    assert len({a["access_key"], b["access_key"], api_user_keys["accessKey"]}) == 3
    for user_id in {
        u
        for u, keys in state.s3_keys.items()
        if keys["accessKey"] in (a["access_key"], b["access_key"])
    }:
        user = state.users[user_id]
        assert not user["owner"] and [r for r in user["roles"]] == [2]  # S3 role, never admin

    s3_a, s3_b = _client_of(a), _client_of(b)
    s3_a.put_object(Bucket=a["bucket"], Key="secret.txt", Body=b"A's data")
    s3_b.put_object(Bucket=b["bucket"], Key="secret.txt", Body=b"B's data")
    assert s3_a.get_object(Bucket=a["bucket"], Key="secret.txt")["Body"].read() == b"A's data"

    for me, theirs, mine in ((s3_a, b, a), (s3_b, a, b)):
        for name, call in _every_operation_on(me, theirs["bucket"], mine["bucket"]).items():
            assert _refused(call) == "AccessDenied", name
    # The account's main user (whose keys services of the first design hold) is kept out too.
    main = _s3(a["endpoint"], api_user_keys["accessKey"], api_user_keys["secretKey"])
    for name, call in _every_operation_on(main, a["bucket"], b["bucket"]).items():
        assert _refused(call) in ("AccessDenied", "NoSuchBucket"), name
    assert s3_b.get_object(Bucket=b["bucket"], Key="secret.txt")["Body"].read() == b"B's data"
    assert s3_a.get_object(Bucket=a["bucket"], Key="secret.txt")["Body"].read() == b"A's data"
    # A customer cannot lift the policy protecting their own bucket from the others.
    assert _refused(lambda: s3_a.delete_bucket_policy(Bucket=a["bucket"])) == "AccessDenied"


def test_buckets_that_are_no_customers_own_are_closed_to_every_customer(
    stack, whmcs, storage_factory
):
    main_keys = sim_state(stack).s3_keys[USER_ID]
    endpoint = stack.sim.s3.url
    reseller = _s3(endpoint, main_keys["accessKey"], main_keys["secretKey"])
    reseller.create_bucket(Bucket="reseller-backups")  # the reseller's own, before any tenant
    reseller.put_object(Bucket="reseller-backups", Key="db.sql", Body=b"private")
    first = storage_factory(region="EU", client_id="7")
    second = storage_factory(region="EU", client_id="8")
    a, b = _credentials(whmcs, first), _credentials(whmcs, second)
    s3_a, s3_b = _client_of(a), _client_of(b)
    for name, call in _every_operation_on(s3_a, "reseller-backups", a["bucket"]).items():
        assert _refused(call) == "AccessDenied", name
    assert reseller.get_object(Bucket="reseller-backups", Key="db.sql")["Body"].read()

    # A bucket a customer creates is no product of theirs: closed to every customer (its
    # creator too) at the next sync. Customers get exactly one bucket per service.
    s3_a.create_bucket(Bucket="a-extra")
    stack.run_job("UsageSyncFunction")
    assert _refused(lambda: s3_b.list_objects_v2(Bucket="a-extra")) == "AccessDenied"
    assert _refused(lambda: s3_a.put_object(Bucket="a-extra", Key="k", Body=b"1")) == (
        "AccessDenied"
    )


def test_suspend_disables_only_that_customer_and_unsuspend_restores_it(stack, whmcs, two_customers):
    first, second = two_customers
    a, b = _credentials(whmcs, first), _credentials(whmcs, second)
    s3_a, s3_b = _client_of(a), _client_of(b)
    s3_a.put_object(Bucket=a["bucket"], Key="kept.txt", Body=b"kept")

    suspended = whmcs.request("POST", f"/services/{first}/suspend", {"reason": "overdue"})
    assert suspended.status_code in (200, 202), suspended.text
    assert _refused(lambda: s3_a.list_objects_v2(Bucket=a["bucket"])) == "UserSuspended"
    assert whmcs.request("GET", f"/services/{first}/object-storage/credentials").status_code == 422
    s3_b.put_object(Bucket=b["bucket"], Key="still.txt", Body=b"fine")  # B untouched
    assert s3_b.list_objects_v2(Bucket=b["bucket"])["KeyCount"] == 1

    restored = whmcs.request("POST", f"/services/{first}/unsuspend", {})
    assert restored.status_code in (200, 202), restored.text
    assert s3_a.get_object(Bucket=a["bucket"], Key="kept.txt")["Body"].read() == b"kept"
    assert _credentials(whmcs, first)["access_key"] == a["access_key"]


def test_regenerating_keys_changes_only_that_customers_keys(stack, whmcs, two_customers):
    first, second = two_customers
    a, b = _credentials(whmcs, first), _credentials(whmcs, second)
    renewed = whmcs.request("POST", f"/services/{first}/object-storage/credentials/regenerate", {})
    assert renewed.status_code == 200, renewed.text
    new_a = renewed.json()
    assert new_a["access_key"] != a["access_key"] and new_a["bucket"] == a["bucket"]
    assert _refused(lambda: _client_of(a).list_objects_v2(Bucket=a["bucket"])) in (
        "InvalidAccessKeyId",
    )
    _client_of(new_a).list_objects_v2(Bucket=a["bucket"])
    assert _credentials(whmcs, second) == b
    _client_of(b).list_objects_v2(Bucket=b["bucket"])


def test_terminate_removes_access_at_once_and_data_after_the_grace_period(
    stack, whmcs, two_customers
):
    first, second = two_customers
    a, b = _credentials(whmcs, first), _credentials(whmcs, second)
    s3_a = _client_of(a)
    s3_a.put_object(Bucket=a["bucket"], Key="file.txt", Body=b"A")
    ended = whmcs.request("POST", f"/services/{first}/terminate", {})
    assert ended.status_code in (200, 202), ended.text
    view = whmcs.request("GET", f"/services/{first}").json()
    assert view["state"] == "terminated"
    assert _refused(lambda: s3_a.get_object(Bucket=a["bucket"], Key="file.txt")) == "UserSuspended"
    _client_of(b).list_objects_v2(Bucket=b["bucket"])  # the pool and B stay
    assert sim_state(stack).object_storages  # the pool is not cancelled

    port = object_storage_port_for(first, "test")
    due = datetime.fromisoformat(view["object_storage"]["data_deleted_after"])
    assert due - datetime.now(UTC) > timedelta(days=6, hours=23)  # default: 7 days
    assert object_storage_tenancy.purge_due(port, due - timedelta(minutes=1)) == []
    assert a["bucket"] in _bucket_names(stack)
    assert object_storage_tenancy.purge_due(port, due + timedelta(minutes=1)) == [first]
    assert a["bucket"] not in _bucket_names(stack)
    assert b["bucket"] in _bucket_names(stack)
    assert not any(
        keys["accessKey"] == a["access_key"] for keys in sim_state(stack).s3_keys.values()
    )
    _client_of(b).list_objects_v2(Bucket=b["bucket"])


def test_a_grace_period_of_zero_deletes_at_the_next_sync(stack, whmcs, storage_factory):
    config_items.put(object_storage_tenancy.SETTINGS_KIND, "pool", {"terminate_grace_days": 0})
    try:
        sid = storage_factory(region="SIN")
        bucket = _credentials(whmcs, sid)["bucket"]
        whmcs.request("POST", f"/services/{sid}/terminate", {})
        outcome = stack.run_job("UsageSyncFunction")
        assert bucket not in _bucket_names(stack), outcome
    finally:
        config_items.delete(object_storage_tenancy.SETTINGS_KIND, "pool")


def test_over_quota_refuses_writes_only_and_says_so(stack, whmcs, storage_factory, monkeypatch):
    monkeypatch.setattr(domain, "BYTES_PER_TB", 1000)  # a 0.25 TB quota becomes 250 bytes
    monkeypatch.setattr(object_storage_tenancy, "BYTES_PER_TB", 1000)
    sid = storage_factory(region="US-central", size_tb=0.25)
    creds = _credentials(whmcs, sid)
    s3 = _client_of(creds)
    s3.put_object(Bucket=creds["bucket"], Key="big", Body=b"x" * 300)
    usage = whmcs.request("GET", f"/services/{sid}/object-storage/usage").json()
    assert usage["objects"] == 1 and usage["used_percent"] == 100
    assert "refused until you delete data or upgrade" in usage["quota_message"]
    assert _refused(lambda: s3.put_object(Bucket=creds["bucket"], Key="more", Body=b"1")) == (
        "AccessDenied"
    )
    assert s3.get_object(Bucket=creds["bucket"], Key="big")["Body"].read() == b"x" * 300
    s3.delete_object(Bucket=creds["bucket"], Key="big")
    usage = whmcs.request("GET", f"/services/{sid}/object-storage/usage").json()
    assert usage["quota_message"] == ""
    s3.put_object(Bucket=creds["bucket"], Key="small", Body=b"ok")


def test_orders_racing_for_a_new_region_buy_one_pool(stack, whmcs, storage_factory):
    before = storage_purchases(stack)
    first = storage_factory(region="EU", active=False)
    second = storage_factory(region="EU", active=False)
    run_worker(stack)
    assert storage_purchases(stack) == before + 1
    assert first != second


def _bucket_names(stack) -> list[str]:
    main = sim_state(stack).s3_keys[USER_ID]
    owner = _s3(stack.sim.s3.url, main["accessKey"], main["secretKey"])
    return [bucket["Name"] for bucket in owner.list_buckets()["Buckets"]]


def test_a_first_design_service_is_migrated_to_its_own_user_keys_and_bucket(
    stack, whmcs, storage_factory
):
    """A service of the first design: a whole storage, the customer holding the API user's
    keys and buckets they made with them. The admin command moves it into the pool."""
    from datetime import UTC, datetime

    from contabo_reseller.adapters.tables import ServiceRecord
    from local.contabo_sim.state import SimState

    state: SimState = sim_state(stack)
    neighbour = storage_factory(region="EU", client_id="9")  # the pool exists; a tenant in it
    pool_id = next(iter(state.object_storages))
    legacy = str(880000 + len(state.users))
    ServiceRecord(
        service_id=legacy,
        kind="object_storage",
        state="active",
        resource_id=pool_id,
        client_id="5",
        region="EU",
        details={"order": {"region": "EU", "size_tb": 1}, "object_storage": {"s3_url": ""}},
        created_at=datetime.now(UTC),
    ).save()
    main = state.s3_keys[USER_ID]
    shared = _s3(stack.sim.s3.url, main["accessKey"], main["secretKey"])
    shared.create_bucket(Bucket="legacy-photos")
    shared.put_object(Bucket="legacy-photos", Key="2024/cat.jpg", Body=b"meow")

    settings = whmcs.request("PUT", "/admin/object-storage/settings", {"terminate_grace_days": 3})
    assert settings.status_code == 200 and settings.json()["terminate_grace_days"] == 3
    assert settings.json()["growth_cap_tb"] == 0  # by default the backend never buys more
    moved = whmcs.request("POST", f"/admin/object-storage/services/{legacy}/migrate", {})
    assert moved.status_code == 200, moved.text
    report = moved.json()
    assert "legacy-photos" in report["old_buckets"] and report["copied_objects"] >= 1
    assert report["shared_keys_retired"] is True

    mine = _credentials(whmcs, legacy)
    assert mine["bucket"] == report["bucket"] and mine["access_key"] != main["accessKey"]
    copied = _client_of(mine).get_object(Bucket=mine["bucket"], Key="legacy-photos/2024/cat.jpg")
    assert copied["Body"].read() == b"meow"
    # The shared keys were replaced: whoever still holds them is out.
    assert _refused(lambda: shared.list_objects_v2(Bucket="legacy-photos")) in (
        "InvalidAccessKeyId",
    )
    neighbours = _client_of(_credentials(whmcs, neighbour))
    assert _refused(lambda: neighbours.get_object(Bucket=mine["bucket"], Key="x")) == (
        "AccessDenied"
    )
    assert _refused(lambda: neighbours.list_objects_v2(Bucket="legacy-photos")) == "AccessDenied"
    again = whmcs.request("POST", f"/admin/object-storage/services/{legacy}/migrate", {})
    assert again.status_code == 422
    config_items.delete(object_storage_tenancy.SETTINGS_KIND, "pool")


def test_the_pool_grows_once_per_need_within_the_admins_margin_and_cap(
    stack, whmcs, storage_factory
):
    from contabo_reseller.services.object_storage.pool import pool_service_id

    saved = whmcs.request(
        "PUT",
        "/admin/object-storage/settings",
        {"terminate_grace_days": 7, "growth_margin_tb": 0.5, "growth_cap_tb": 2.5},
    )
    assert saved.status_code == 200, saved.text
    try:
        resizes = storage_purchases(stack, "upgradeObjectStorage")
        storage_factory(region="SIN", size_tb=1)  # buys a 1 TB pool; 1 sold + 0.5 > 1: grows
        run_worker(stack)
        pool = sim_state(stack).object_storages[next(iter(sim_state(stack).object_storages))]
        assert pool["totalPurchasedSpaceTB"] == 2  # to 1 sold + 2 x 0.5 margin
        storage_factory(region="SIN", size_tb=1)  # 2 sold + 0.5 > 2: grows, to the 2.5 cap
        run_worker(stack)
        assert pool["totalPurchasedSpaceTB"] == 2.5
        storage_factory(region="SIN", size_tb=1)  # 3 sold: the cap stops it
        for _ in range(3):
            run_worker(stack)
        stack.run_job("UsageSyncFunction")
        run_worker(stack)
        assert pool["totalPurchasedSpaceTB"] == 2.5
        assert storage_purchases(stack, "upgradeObjectStorage") == resizes + 2  # exactly once each
        # The pool is the reseller's, no WHMCS service: no service route reaches its row.
        assert whmcs.request("GET", f"/services/{pool_service_id('SIN')}").status_code == 400
        (shown,) = [
            p
            for p in whmcs.request("GET", "/admin/object-storage/pools").json()
            if p["region"] == "SIN"
        ]
        assert shown["size_tb"] == 2.5 and shown["allocated_tb"] == 3 and shown["customers"] == 3
        assert shown["headroom_tb"] == -0.5 and shown["growth_pending"] is False
    finally:
        config_items.delete(object_storage_tenancy.SETTINGS_KIND, "pool")
