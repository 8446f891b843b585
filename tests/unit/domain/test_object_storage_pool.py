"""The pool's pure rules: tenant bucket policies, foreign buckets, growth, quota words."""

from __future__ import annotations

import json

from contabo_reseller.domain.object_storage.pool import PoolSettings, pool_growth
from contabo_reseller.domain.object_storage.tenancy import (
    bucket_policy,
    foreign_bucket_policy,
    over_quota_message,
    principal,
    tenant_user_email,
)

TENANT = "5c37e60c3ee04f1eb116c436b1afadca"


def test_principals_use_contabos_documented_arn_form():
    assert principal(TENANT, "12345", "3368c22e") == f"arn:aws:iam::{TENANT}:user/12345:3368c22e"
    assert principal(TENANT, "12345") == f"arn:aws:iam::{TENANT}:user/12345"  # the main user


def test_a_tenant_bucket_denies_everyone_but_its_customer_and_the_backend():
    owner, admin = (principal(TENANT, "1", u) for u in ("a", "admin"))
    policy = bucket_policy("svc-1-ab", owner, admin)
    others, limits = policy["Statement"]
    assert others["Effect"] == "Deny" and others["Action"] == "s3:*"
    assert others["NotPrincipal"] == {"AWS": [owner, admin]} and "Principal" not in others
    assert others["Resource"] == ["arn:aws:s3:::svc-1-ab", "arn:aws:s3:::svc-1-ab/*"]
    assert limits["Principal"] == {"AWS": [owner]}
    assert "s3:DeleteBucketPolicy" in limits["Action"] and "s3:PutObject" not in limits["Action"]
    full = bucket_policy("svc-1-ab", owner, admin, over_quota=True)["Statement"][-1]
    assert full["Action"] == ["s3:PutObject"] and full["Principal"] == {"AWS": [owner]}


def test_a_tenant_policy_names_no_other_customer_so_its_size_is_constant():
    sizes = {
        len(
            json.dumps(
                bucket_policy(f"svc-{n:05d}-ab12cd34", principal(TENANT, "1", f"{n:08d}"), "x")
            )
        )
        for n in (1, 10, 1000, 99999)
    }
    assert len(sizes) == 1 and sizes.pop() < 1024


def test_a_foreign_bucket_keeps_its_own_statements_and_gets_ours_once():
    own = {"Statement": [{"Sid": "Mine", "Effect": "Allow", "Principal": "*", "Action": "x"}]}
    legacy = {"Sid": "NoPoolCustomers", "Effect": "Deny", "Principal": {"AWS": ["t1"]}}
    first = foreign_bucket_policy({"Statement": [*own["Statement"], legacy]}, "backups", ["m"])
    again = foreign_bucket_policy(first, "backups", ["m", "a"])
    assert [s.get("Sid") for s in again["Statement"]] == ["Mine", "OnlyTheReseller"]
    assert again["Statement"][-1]["NotPrincipal"] == {"AWS": ["m", "a"]}
    assert foreign_bucket_policy(again, "backups", ["m", "a"]) == again  # nothing to rewrite


def test_the_pool_grows_to_quotas_plus_margin_on_steps_within_the_cap():
    settings = PoolSettings(growth_margin_tb=0.5, growth_cap_tb=3)
    assert pool_growth(1.0, 0.4, settings) is None  # 0.9 fits in 1 TB
    assert pool_growth(1.0, 0.6, settings) == 1.75  # 0.6 + 2 x 0.5, on Contabo's steps
    assert pool_growth(1.0, 0.4, PoolSettings(growth_margin_tb=0.7, growth_cap_tb=3)) == 2
    assert pool_growth(2.0, 5.0, settings) == 3  # never above the cap
    assert pool_growth(3.0, 5.0, settings) is None
    assert pool_growth(1.0, 5.0, PoolSettings()) is None  # cap 0 by default: never buys


def test_tenant_users_are_plus_addressed_on_the_resellers_mailbox():
    assert tenant_user_email("ops@reseller.example", "1001", "ab12") == (
        "ops+s3-1001-ab12@reseller.example"
    )


def test_over_quota_is_said_in_words():
    message = over_quota_message(1_300_000_000_000, 1.0)
    assert "1.30 TB of your 1 TB quota" in message and "reading and deleting" in message
