"""The local S3 endpoint's model of Ceph RGW's bucket policies: what PutBucketPolicy refuses,
and whom Principal / NotPrincipal statements deny."""

from __future__ import annotations

import json

import pytest

from contabo_reseller.domain.object_storage.tenancy import bucket_policy, principal
from local.contabo_sim.bucket_policy import (
    ConditionsNotModelled,
    MalformedPolicy,
    denies,
    parse,
)

TENANT = "5c37e60c3ee04f1eb116c436b1afadca"
OWNER, ADMIN, OTHER = (principal(TENANT, "12345", u) for u in ("owner", "admin", "other"))
MAIN = principal(TENANT, "12345")
OBJECT = "arn:aws:s3:::svc-1-ab/file.txt"


def _statement(**fields) -> bytes:
    return json.dumps({"Version": "2012-10-17", "Statement": [fields]}).encode()


def test_not_principal_denies_everyone_it_does_not_name():
    policy = parse(json.dumps(bucket_policy("svc-1-ab", OWNER, ADMIN)).encode())
    assert not denies(policy, OWNER, "s3:GetObject", OBJECT)
    assert not denies(policy, ADMIN, "s3:DeleteObject", OBJECT)
    assert denies(policy, OTHER, "s3:GetObject", OBJECT)
    assert denies(policy, MAIN, "s3:ListBucket", "arn:aws:s3:::svc-1-ab")  # not its sub-users
    assert denies(policy, principal("another-tenant", "9", "x"), "s3:PutObject", OBJECT)
    assert denies(policy, OWNER, "s3:DeleteBucketPolicy", "arn:aws:s3:::svc-1-ab")
    assert not denies(policy, OWNER, "s3:GetObject", "arn:aws:s3:::svc-2-cd/file.txt")


def test_naming_the_account_in_not_principal_exempts_every_user_of_it():
    for account in (f"arn:aws:iam::{TENANT}:root", TENANT):
        policy = parse(
            _statement(Effect="Deny", NotPrincipal={"AWS": [account]}, Action="s3:*", Resource="*")
        )
        assert not denies(policy, OTHER, "s3:GetObject", OBJECT)


def test_a_statement_naming_no_principal_applies_to_no_signed_in_user():
    policy = parse(_statement(Effect="Deny", Action="*", Resource="*"))
    assert not denies(policy, OTHER, "s3:GetObject", OBJECT)


def test_not_action_alone_matches_nothing_as_in_rgw():
    policy = parse(_statement(Effect="Deny", Principal="*", NotAction="s3:GetObject"))
    assert not denies(policy, OTHER, "s3:PutObject", OBJECT)


@pytest.mark.parametrize(
    "statement",
    [
        {"Effect": "Allow", "NotPrincipal": {"AWS": [OWNER]}, "Action": "s3:*"},
        {"Effect": "Maybe", "Principal": "*", "Action": "s3:*"},
        {"Effect": "Deny", "Principal": {"CanonicalUser": "abc"}, "Action": "s3:*"},
        {"Effect": "Deny", "Principal": {"Service": "s3.amazonaws.com"}, "Action": "s3:*"},
        {"Effect": "Deny", "Principal": {"AWS": ["user/12345:x"]}, "Action": "s3:*"},
        {"Effect": "Deny", "Principal": "*", "Action": "s3:FlyAway"},
        {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "bucket/*"},
        {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Unknown": 1},
    ],
)
def test_what_rgw_refuses_is_refused(statement):
    with pytest.raises(MalformedPolicy):
        parse(json.dumps({"Version": "2012-10-17", "Statement": [statement]}).encode())


def test_bad_documents_are_refused():
    for body in (b"{", b"[]", b'{"Version": "2020-01-01"}', b'{"Policy": []}'):
        with pytest.raises(MalformedPolicy):
            parse(body)


def test_conditions_are_refused_rather_than_ignored():
    with pytest.raises(ConditionsNotModelled):
        parse(
            _statement(
                Effect="Deny",
                Principal="*",
                Action="s3:*",
                Condition={"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}},
            )
        )


def test_contabos_documented_example_is_accepted():
    policy = parse(_statement(Action="*", Effect="Deny", Resource="*", Principal={"AWS": [OTHER]}))
    assert denies(policy, OTHER, "s3:GetObject", OBJECT)
    assert not denies(policy, OWNER, "s3:GetObject", OBJECT)
