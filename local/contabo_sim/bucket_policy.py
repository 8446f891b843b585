"""Bucket policies as Contabo's S3 (Ceph's RGW) reads and enforces them: the part of RGW's
policy engine (src/rgw/rgw_iam_policy.cc) the simulator's S3 endpoint models.

Parsing (PutBucketPolicy answers 400 MalformedPolicy where RGW refuses a policy):
- top-level keys Version (2008-10-17 or 2012-10-17), Id, Statement; statement keys Sid,
  Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource, Condition;
- Effect Allow or Deny; NotPrincipal only with Deny (RGW refuses it with Allow since
  ceph/ceph pull request 58686, as AWS does);
- principals "*" or {"AWS": ...} holding "*", arn:aws:iam::<tenant>:root, a bare tenant, or
  arn:aws:iam::<tenant>:user|role/<id>; CanonicalUser and Service principals are refused;
- every action names at least one S3 action (wildcards allowed); resources are S3 ARNs or "*".

Evaluation (Statement::eval / eval_principal): a statement with neither Principal nor
NotPrincipal never applies to a signed-in user; one with Principal applies to the users it
names; one with NotPrincipal applies to everyone it does not name. The account
(``:root`` or a bare tenant) names every user of that tenant. A caller's user ARN matches only
itself: a sub-user (``user/<customerId>:<userId>``) is not the main user (``user/<customerId>``).
An action must be listed in Action and not in NotAction (RGW: NotAction alone matches nothing).
Not modelled: Conditions (a statement with one is refused with 501 here, so nobody relies on
a condition this endpoint would not check).
"""

from __future__ import annotations

import fnmatch
import json
from typing import Any

VERSIONS = ("2008-10-17", "2012-10-17")
TOP_KEYS = {"Version", "Id", "Statement"}
STATEMENT_KEYS = {
    "Sid",
    "Effect",
    "Principal",
    "NotPrincipal",
    "Action",
    "NotAction",
    "Resource",
    "NotResource",
    "Condition",
}
# RGW's S3 actions (actpairs in rgw_iam_policy.cc), the ones a bucket policy may name.
S3_ACTIONS = [
    "s3:AbortMultipartUpload",
    "s3:CreateBucket",
    "s3:DeleteBucketPolicy",
    "s3:DeleteBucket",
    "s3:DeleteBucketWebsite",
    "s3:DeleteObject",
    "s3:DeleteObjectVersion",
    "s3:DeleteObjectTagging",
    "s3:DeleteObjectVersionTagging",
    "s3:DeleteBucketPublicAccessBlock",
    "s3:DeletePublicAccessBlock",
    "s3:DeleteReplicationConfiguration",
    "s3:GetAccelerateConfiguration",
    "s3:GetBucketAcl",
    "s3:GetBucketCORS",
    "s3:GetBucketEncryption",
    "s3:GetBucketLocation",
    "s3:GetBucketLogging",
    "s3:GetBucketNotification",
    "s3:GetBucketPolicy",
    "s3:GetBucketPolicyStatus",
    "s3:GetBucketPublicAccessBlock",
    "s3:GetBucketRequestPayment",
    "s3:GetBucketTagging",
    "s3:GetBucketVersioning",
    "s3:GetBucketWebsite",
    "s3:GetLifecycleConfiguration",
    "s3:GetBucketObjectLockConfiguration",
    "s3:GetPublicAccessBlock",
    "s3:GetObjectAcl",
    "s3:GetObject",
    "s3:GetObjectTorrent",
    "s3:GetObjectVersionAcl",
    "s3:GetObjectVersion",
    "s3:GetObjectVersionTorrent",
    "s3:GetObjectTagging",
    "s3:GetObjectVersionTagging",
    "s3:GetObjectRetention",
    "s3:GetObjectLegalHold",
    "s3:GetReplicationConfiguration",
    "s3:ListAllMyBuckets",
    "s3:ListBucketMultipartUploads",
    "s3:ListBucket",
    "s3:ListBucketVersions",
    "s3:ListMultipartUploadParts",
    "s3:PutAccelerateConfiguration",
    "s3:PutBucketAcl",
    "s3:PutBucketCORS",
    "s3:PutBucketEncryption",
    "s3:PutBucketLogging",
    "s3:PutBucketNotification",
    "s3:PutBucketPolicy",
    "s3:PutBucketRequestPayment",
    "s3:PutBucketTagging",
    "s3:PutBucketVersioning",
    "s3:PutBucketWebsite",
    "s3:PutLifecycleConfiguration",
    "s3:PutBucketObjectLockConfiguration",
    "s3:PutObjectAcl",
    "s3:PutObject",
    "s3:PutObjectVersionAcl",
    "s3:PutObjectTagging",
    "s3:PutObjectVersionTagging",
    "s3:PutObjectRetention",
    "s3:PutObjectLegalHold",
    "s3:BypassGovernanceRetention",
    "s3:PutBucketPublicAccessBlock",
    "s3:PutPublicAccessBlock",
    "s3:PutReplicationConfiguration",
    "s3:RestoreObject",
]


class MalformedPolicy(ValueError):
    """RGW's 400 MalformedPolicy, with its reason."""


class ConditionsNotModelled(ValueError):
    """A policy this endpoint cannot enforce faithfully."""


def parse(body: bytes) -> dict[str, Any]:
    """The policy document, checked as RGW checks it on PutBucketPolicy."""
    try:
        policy = json.loads(body)
    except ValueError as error:
        raise MalformedPolicy("The policy is not valid JSON.") from error
    if not isinstance(policy, dict):
        raise MalformedPolicy("A policy is a JSON object.")
    _only_keys(policy, TOP_KEYS)
    if "Version" in policy and policy["Version"] not in VERSIONS:
        raise MalformedPolicy(f"`{policy['Version']}` is not a valid version.")
    statements = policy.get("Statement", [])
    for statement in statements if isinstance(statements, list) else [statements]:
        _check_statement(statement)
    return policy


def denies(policy: dict[str, Any], caller: str, action: str, resource: str) -> bool:
    """Whether an explicit Deny of the policy applies to this caller, action and resource."""
    statements = policy.get("Statement", [])
    for statement in statements if isinstance(statements, list) else [statements]:
        if statement.get("Effect") == "Deny" and _applies(statement, caller, action, resource):
            return True
    return False


def _applies(statement: dict[str, Any], caller: str, action: str, resource: str) -> bool:
    named = _principals(statement.get("Principal"))
    not_named = _principals(statement.get("NotPrincipal"))
    if not named and not not_named:
        return False
    if named and not any(_is_identity(p, caller) for p in named):
        return False
    if not named and any(_is_identity(p, caller) for p in not_named):
        return False
    if "Resource" in statement and not _matches(statement["Resource"], resource):
        return False
    if "NotResource" in statement and _matches(statement["NotResource"], resource):
        return False
    if not _matches(statement.get("Action", []), action, fold=True):
        return False
    return not _matches(statement.get("NotAction", []), action, fold=True)


def _is_identity(principal: str, caller: str) -> bool:
    """RGW's is_identity for a local user: the wildcard, the caller's tenant, or its own ARN."""
    if principal == "*":
        return True
    tenant = caller.split(":")[4]
    if principal in (tenant, f"arn:aws:iam::{tenant}:root"):
        return True
    return principal == caller


def _principals(value: Any) -> list[str]:
    if value is None:
        return []
    if value == "*":
        return ["*"]
    named = value.get("AWS", []) if isinstance(value, dict) else []
    return named if isinstance(named, list) else [named]


def _matches(patterns: Any, value: str, *, fold: bool = False) -> bool:
    for pattern in patterns if isinstance(patterns, list) else [patterns]:
        if not isinstance(pattern, str):
            continue
        if pattern == "*" or (
            fnmatch.fnmatchcase(value.lower(), pattern.lower())
            if fold
            else fnmatch.fnmatchcase(value, pattern)
        ):
            return True
    return False


# Parsing ------------------------------------------------------------------------------------


def _check_statement(statement: Any) -> None:
    if not isinstance(statement, dict):
        raise MalformedPolicy("A statement is a JSON object.")
    _only_keys(statement, STATEMENT_KEYS)
    effect = statement.get("Effect")
    if effect not in ("Allow", "Deny"):
        raise MalformedPolicy(f"`{effect}` is not a valid effect.")
    if "NotPrincipal" in statement and effect == "Allow":
        raise MalformedPolicy("NotPrincipal is only allowed with Effect Deny.")
    for key in ("Principal", "NotPrincipal"):
        if key in statement:
            _check_principal(statement[key])
    for key in ("Action", "NotAction"):
        for action in _as_list(statement.get(key, [])):
            if action != "*" and not any(
                fnmatch.fnmatchcase(known.lower(), str(action).lower()) for known in S3_ACTIONS
            ):
                raise MalformedPolicy(f"`{action}` is not a valid action.")
    for key in ("Resource", "NotResource"):
        for resource in _as_list(statement.get(key, [])):
            if resource != "*" and not str(resource).startswith("arn:aws:s3:::"):
                raise MalformedPolicy(f"`{resource}` is not a valid ARN.")
    if "Condition" in statement:
        raise ConditionsNotModelled("Conditions are not modelled by the local S3 endpoint.")


def _check_principal(value: Any) -> None:
    if value == "*":
        return
    if not isinstance(value, dict) or not value:
        raise MalformedPolicy('A principal is "*" or an object such as {"AWS": [...]}.')
    for kind, names in value.items():
        if kind != "AWS":
            raise MalformedPolicy(f"RGW does not support principals of type `{kind}`.")
        for name in _as_list(names):
            if not _valid_principal(str(name)):
                raise MalformedPolicy(f"`{name}` is not a supported AWS ARN.")


def _valid_principal(name: str) -> bool:
    if name == "*" or (name and ":" not in name and "/" not in name):
        return True  # the wildcard, or a bare tenant
    parts = name.split(":", 5)
    if len(parts) != 6 or parts[:3] != ["arn", "aws", "iam"]:
        return False
    resource = parts[5]
    return resource == "root" or (resource.split("/", 1)[0] in ("user", "role") and "/" in resource)


def _only_keys(document: dict[str, Any], allowed: set[str]) -> None:
    unknown = sorted(set(document) - allowed)
    if unknown:
        raise MalformedPolicy(f"Unknown key `{unknown[0]}`.")


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]
