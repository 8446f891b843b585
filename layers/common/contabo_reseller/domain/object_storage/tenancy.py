"""One customer in a region's pool: the tenant's principal, user, bucket, bucket policy and
quota. Pure rules, no I/O."""

from __future__ import annotations

from typing import Any

# The reseller's object storage in a region is a pool; each service is a tenant with its own
# Contabo user (own S3 keys), its own bucket, and a bucket policy. Contabo's S3 lets every user
# of an account reach every bucket unless a policy denies that user explicitly (their guide
# "Restricting Users to Buckets"), and a user's keys open every location. So every tenant
# bucket denies everyone but its customer and the backend's bucket-admin user (NotPrincipal),
# and every other bucket of the account denies everyone but the account's main user and that
# admin: a policy of constant size that names no other customer, so an order writes only its
# own bucket's policy and no customer is ever missing from anyone else's.
#
# Contabo's S3 is Ceph's RGW, whose bucket-policy engine (src/rgw/rgw_iam_policy.cc) parses
# NotPrincipal and, in Statement::eval_principal, skips a statement for a caller listed in its
# NotPrincipal, so a Deny with NotPrincipal applies to every other user; RGW refuses
# NotPrincipal with Allow (ceph/ceph pull request 58686, as AWS does). The account itself
# (arn:aws:iam::<s3TenantId>:root) is never listed: it would match every user of the account.
# Principals: arn:aws:iam::<s3TenantId>:user/<customerId>:<userId>.

TENANT_MARKER = "s3"  # in the tenant user's e-mail: <api user>+s3-<service>-<suffix>@<domain>
TERMINATE_GRACE_DAYS = 7  # default days between terminate and deleting the customer's data
OWNER_LIMITS = ("s3:PutBucketPolicy", "s3:DeleteBucketPolicy", "s3:DeleteBucket")
WRITES = ("s3:PutObject",)
OVER_QUOTA_MESSAGE = (
    "Your object storage is full: it holds {used} of your {quota} quota. New uploads are "
    "refused until you delete data or upgrade; reading and deleting keep working."
)
BYTES_PER_TB = 1000**4  # Contabo sells decimal terabytes


def principal(s3_tenant_id: str, customer_id: str, user_id: str | None = None) -> str:
    """Contabo's ARN of a user (``user_id``) or of the account's main user (None)."""
    base = f"arn:aws:iam::{s3_tenant_id}:user/{customer_id}"
    return f"{base}:{user_id}" if user_id else base


def tenant_bucket_name(service_id: str, suffix: str) -> str:
    """Unique per order (the suffix): a reused service id never meets an old bucket."""
    return f"svc-{service_id}-{suffix}"


def tenant_user_email(api_user_email: str, service_id: str, suffix: str) -> str:
    """Plus-addressed on the reseller's API user: mail Contabo sends reaches the reseller."""
    local, _, domain = api_user_email.partition("@")
    return f"{local}+{TENANT_MARKER}-{service_id}-{suffix}@{domain}"


POLICY_FORM = 2  # tenant rows and buckets protected by the NotPrincipal policies below


def bucket_policy(
    bucket: str, owner: str, backend: str, *, over_quota: bool = False
) -> dict[str, object]:
    """The tenant bucket's policy: nobody but its customer (``owner``) and the backend's
    bucket-admin user (``backend``) may do anything in it; the owner may not lift the policy
    or delete the bucket; over quota, the owner may not write (reads, deletes go on). Its size
    does not depend on how many customers the pool has."""
    resources = _resources(bucket)
    statements: list[dict[str, object]] = [
        {
            "Sid": "OnlyItsCustomer",
            "Effect": "Deny",
            "NotPrincipal": {"AWS": [owner, backend]},
            "Action": "s3:*",
            "Resource": resources,
        },
        {
            "Sid": "OwnerKeepsPolicy",
            "Effect": "Deny",
            "Principal": {"AWS": [owner]},
            "Action": list(OWNER_LIMITS),
            "Resource": resources,
        },
    ]
    if over_quota:
        statements.append(
            {
                "Sid": "OverQuota",
                "Effect": "Deny",
                "Principal": {"AWS": [owner]},
                "Action": list(WRITES),
                "Resource": resources,
            }
        )
    return {"Version": "2012-10-17", "Statement": statements}


FOREIGN_SID = "OnlyTheReseller"
LEGACY_FOREIGN_SID = "NoPoolCustomers"  # the first form: every tenant named (replaced)


def foreign_bucket_policy(
    current: dict[str, Any] | None, bucket: str, keepers: list[str]
) -> dict[str, Any]:
    """A bucket that is no customer's own (the reseller's, a first-design service's, or one a
    customer created): everyone but ``keepers`` (the account's main user and the backend's
    bucket-admin user) is denied; the bucket's other statements stay."""
    kept = [
        s
        for s in (current or {}).get("Statement", [])
        if s.get("Sid") not in (FOREIGN_SID, LEGACY_FOREIGN_SID)
    ]
    ours = {
        "Sid": FOREIGN_SID,
        "Effect": "Deny",
        "NotPrincipal": {"AWS": keepers},
        "Action": "s3:*",
        "Resource": _resources(bucket),
    }
    return {"Version": "2012-10-17", "Statement": [*kept, ours]}


def _resources(bucket: str) -> list[str]:
    return [f"arn:aws:s3:::{bucket}", f"arn:aws:s3:::{bucket}/*"]


def quota_bytes(size_tb: float) -> int:
    return int(size_tb * BYTES_PER_TB)


def over_quota_message(used_bytes: int, quota_tb: float) -> str:
    return OVER_QUOTA_MESSAGE.format(used=_human(used_bytes), quota=f"{quota_tb:g} TB")


def _human(size: int) -> str:
    for unit, factor in (("TB", 1000**4), ("GB", 1000**3), ("MB", 1000**2), ("KB", 1000)):
        if size >= factor:
            return f"{size / factor:.2f} {unit}"
    return f"{size} bytes"
