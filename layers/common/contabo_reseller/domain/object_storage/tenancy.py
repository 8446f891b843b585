"""One customer in a region's pool: the tenant's principal, user, bucket, bucket policy and
quota. Pure rules, no I/O."""

from __future__ import annotations

from typing import Any

# One customer in a region's pool ------------------------------------------------------------
#
# The reseller's object storage in a region is a pool; each service is a tenant with its own
# Contabo user (own S3 keys), its own bucket, and a bucket policy. Contabo's S3 lets every user
# of an account reach every bucket unless a policy denies that user explicitly (their guide
# "Restricting Users to Buckets"), and a user's keys open every location, so every tenant
# bucket denies every other tenant, and the account's main user whose keys services of the
# first design hold. Principals: arn:aws:iam::<s3TenantId>:user/<customerId>:<userId>.

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


def bucket_policy(
    bucket: str, owner: str, others: list[str], *, over_quota: bool = False
) -> dict[str, object]:
    """The tenant bucket's policy: nobody else may do anything in it; the owner may not lift
    the policy or delete the bucket; over quota, the owner may not write (reads, deletes go on)."""
    resources = [f"arn:aws:s3:::{bucket}", f"arn:aws:s3:::{bucket}/*"]
    statements: list[dict[str, object]] = [
        {
            "Sid": "OwnerKeepsPolicy",
            "Effect": "Deny",
            "Principal": {"AWS": [owner]},
            "Action": list(OWNER_LIMITS),
            "Resource": resources,
        }
    ]
    if others:
        statements.insert(
            0,
            {
                "Sid": "OnlyItsCustomer",
                "Effect": "Deny",
                "Principal": {"AWS": sorted(set(others) - {owner})},
                "Action": "*",
                "Resource": resources,
            },
        )
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


FOREIGN_SID = "NoPoolCustomers"


def foreign_bucket_policy(
    current: dict[str, Any] | None, bucket: str, tenants: list[str]
) -> dict[str, Any]:
    """A bucket that is no customer's own (the reseller's, a first-design service's, or one a
    customer created): every pool customer is denied; the bucket's other statements stay."""
    kept = [s for s in (current or {}).get("Statement", []) if s.get("Sid") != FOREIGN_SID]
    ours = {
        "Sid": FOREIGN_SID,
        "Effect": "Deny",
        "Principal": {"AWS": tenants},
        "Action": "*",
        "Resource": [f"arn:aws:s3:::{bucket}", f"arn:aws:s3:::{bucket}/*"],
    }
    return {"Version": "2012-10-17", "Statement": [*kept, ours]}


def quota_bytes(size_tb: float) -> int:
    return int(size_tb * BYTES_PER_TB)


def over_quota_message(used_bytes: int, quota_tb: float) -> str:
    return OVER_QUOTA_MESSAGE.format(used=_human(used_bytes), quota=f"{quota_tb:g} TB")


def _human(size: int) -> str:
    for unit, factor in (("TB", 1000**4), ("GB", 1000**3), ("MB", 1000**2), ("KB", 1000)):
        if size >= factor:
            return f"{size / factor:.2f} {unit}"
    return f"{size} bytes"
