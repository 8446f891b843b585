"""Bucket policies of constant size: a customer's bucket denies everyone but that customer and
the backend (NotPrincipal), so an order writes exactly one policy (its own bucket's) and no
policy grows with the number of customers. Policies of the first form (every other customer
named) are converted by the protection pass. Proven with real S3 requests signed with each
customer's keys through the local S3 endpoint, which enforces NotPrincipal as Ceph's RGW does."""

from __future__ import annotations

import json
from typing import Any

import pytest
from botocore.exceptions import ClientError

from contabo_reseller.adapters import config_items
from contabo_reseller.services.object_storage import tenancy
from contabo_reseller.services.object_storage.port import object_storage_port_for
from contabo_reseller.services.object_storage.tenancy import TENANT_KIND, tenant_of
from local.contabo_sim.state import USER_ID
from tests.integration.object_storage.conftest import sim_state
from tests.integration.object_storage.test_tenant_isolation import (
    _client_of,
    _credentials,
    _every_operation_on,
    _refused,
    _s3,
)


def _policies(stack) -> dict[str, dict[str, Any]]:
    return dict(stack.sim.s3.app.policies)


def _writes(stack) -> list[str]:
    return list(stack.sim.s3.app.policy_writes)


def _size_without_names(policy: dict[str, Any], bucket: str, user_id: str) -> int:
    """The policy's size with the names that differ per customer taken out."""
    return len(json.dumps(policy).replace(bucket, "").replace(user_id, ""))


def test_ordering_customer_n_plus_one_writes_exactly_one_policy_of_constant_size(
    stack, whmcs, storage_factory
):
    first = storage_factory(region="EU", client_id="7")
    for client in ("8", "9"):
        storage_factory(region="EU", client_id=client)
    before_writes, before = _writes(stack), _policies(stack)

    newest = storage_factory(region="EU", client_id="10")

    new_bucket = _credentials(whmcs, newest)["bucket"]
    assert _writes(stack)[len(before_writes) :] == [new_bucket]  # one policy, its own
    after = _policies(stack)
    assert {b: p for b, p in after.items() if b != new_bucket} == before  # nothing else touched
    sizes = {
        _size_without_names(after[t["bucket"]], t["bucket"], t["user_id"])
        for t in (tenant_of(sid) for sid in (first, newest))
    }
    assert len(sizes) == 1 and sizes.pop() < 1024  # the same with 1 or 4 customers
    assert "NotPrincipal" in json.dumps(after[new_bucket])

    # ... and the older customers are kept out of the newest bucket all the same.
    mine, theirs = _credentials(whmcs, newest), _credentials(whmcs, first)
    _client_of(mine).put_object(Bucket=mine["bucket"], Key="secret.txt", Body=b"new")
    intruder = _client_of(theirs)
    for name, call in _every_operation_on(intruder, mine["bucket"], theirs["bucket"]).items():
        assert _refused(call) == "AccessDenied", name


def test_policies_of_the_first_form_are_converted_by_the_protection_pass(
    stack, whmcs, storage_factory
):
    first = storage_factory(region="EU", client_id="7")
    second = storage_factory(region="EU", client_id="8")
    a, b = _credentials(whmcs, first), _credentials(whmcs, second)
    tenant_a, tenant_b = tenant_of(first), tenant_of(second)
    main_keys = sim_state(stack).s3_keys[USER_ID]
    reseller = _s3(a["endpoint"], main_keys["accessKey"], main_keys["secretKey"])
    reseller.create_bucket(Bucket="reseller-archive")
    # The first design's state: A's bucket denies the others by name, the reseller's bucket
    # names every customer, and A's row predates the constant-size form.
    resources = [f"arn:aws:s3:::{a['bucket']}", f"arn:aws:s3:::{a['bucket']}/*"]
    old = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "OnlyItsCustomer",
                "Effect": "Deny",
                "Principal": {"AWS": [tenant_b["principal"], tenant_b["main_principal"]]},
                "Action": "*",
                "Resource": resources,
            }
        ],
    }
    stack.sim.s3.app.policies[a["bucket"]] = old
    stack.sim.s3.app.policies["reseller-archive"] = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "NoPoolCustomers",
                "Effect": "Deny",
                "Principal": {"AWS": [tenant_a["principal"], tenant_b["principal"]]},
                "Action": "*",
                "Resource": ["arn:aws:s3:::reseller-archive", "arn:aws:s3:::reseller-archive/*"],
            }
        ],
    }
    legacy_row = {k: v for k, v in tenant_a.items() if k not in ("policy_form", "admin_principal")}
    config_items.put(TENANT_KIND, first, legacy_row)

    outcome = stack.run_job("UsageSyncFunction")

    converted = _policies(stack)[a["bucket"]]
    (deny_others,) = [s for s in converted["Statement"] if s["Sid"] == "OnlyItsCustomer"]
    assert deny_others["NotPrincipal"]["AWS"][0] == tenant_a["principal"], outcome
    assert tenant_of(first)["policy_form"] == tenant_b["policy_form"]
    archive = _policies(stack)["reseller-archive"]
    assert [s["Sid"] for s in archive["Statement"]] == ["OnlyTheReseller"]
    # Still shut: B out of A's bucket, both out of the reseller's; the owners keep working.
    s3_a, s3_b = _client_of(a), _client_of(b)
    s3_a.put_object(Bucket=a["bucket"], Key="f", Body=b"A")
    for name, call in _every_operation_on(s3_b, a["bucket"], b["bucket"]).items():
        assert _refused(call) == "AccessDenied", name
    for s3 in (s3_a, s3_b):
        assert _refused(lambda s3=s3: s3.list_objects_v2(Bucket="reseller-archive")) == (
            "AccessDenied"
        )
    reseller.put_object(Bucket="reseller-archive", Key="kept", Body=b"mine")
    writes = len(_writes(stack))
    stack.run_job("UsageSyncFunction")
    assert len(_writes(stack)) == writes  # converted once: the next pass writes nothing


def test_the_endpoint_refuses_what_rgw_refuses(stack, whmcs, storage_factory):
    main_keys = sim_state(stack).s3_keys[USER_ID]
    reseller = _s3(stack.sim.s3.url, main_keys["accessKey"], main_keys["secretKey"])
    reseller.create_bucket(Bucket="policy-probe")
    allow_with_not_principal = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "NotPrincipal": {"AWS": ["arn:aws:iam::t:user/1:2"]},
                "Action": "s3:*",
                "Resource": "arn:aws:s3:::policy-probe/*",
            }
        ],
    }
    with pytest.raises(ClientError) as refused:
        reseller.put_bucket_policy(
            Bucket="policy-probe", Policy=json.dumps(allow_with_not_principal)
        )
    assert refused.value.response["Error"]["Code"] == "MalformedPolicy"
    assert "policy-probe" not in _policies(stack)


def test_a_bucket_closed_while_its_order_registered_gets_its_customers_policy_back(
    stack, whmcs, storage_factory, monkeypatch
):
    """The protection pass lists the buckets, then reads the customers: an order registering
    in between looks like no customer's bucket and is closed; the pass gives it back."""
    sid = storage_factory(region="EU", client_id="7")
    mine = _credentials(whmcs, sid)
    real, reads = tenancy.tenants, []

    def registered_late() -> dict[str, dict[str, Any]]:
        reads.append(1)
        everyone = real()
        return {k: v for k, v in everyone.items() if k != sid} if len(reads) == 2 else everyone

    monkeypatch.setattr(tenancy, "tenants", registered_late)
    tenancy.protect_all(object_storage_port_for(sid, "test"))
    monkeypatch.undo()

    assert len(reads) == 3
    s3 = _client_of(mine)
    s3.put_object(Bucket=mine["bucket"], Key="still-mine.txt", Body=b"ok")
    assert s3.get_object(Bucket=mine["bucket"], Key="still-mine.txt")["Body"].read() == b"ok"
    assert [s["Sid"] for s in _policies(stack)[mine["bucket"]]["Statement"]] == [
        "OnlyItsCustomer",
        "OwnerKeepsPolicy",
    ]
