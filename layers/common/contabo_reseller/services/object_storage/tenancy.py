"""Object storage customers as tenants of a region's pool: each service's own Contabo user,
S3 keys and bucket, and the bucket policies that keep every tenant out of every other's bucket.

- A tenant is set up once its pool storage is usable: its user (S3 role only, never admin)
  is found by its e-mail marker or created, its bucket is created by the pool's bucket-admin
  user (a sub-user only the backend holds keys of), the tenant is registered, and every tenant
  bucket's policy is rewritten so it denies the new user, before the customer gets any key.
- Policies name principals explicitly, Contabo's documented way; a user's keys open every
  location, so protection spans every region's pool. The account's main user (whose keys
  services of the first design hold) is denied in every tenant bucket too.
- Suspend disables only that user; unsuspend enables it; terminate disables it at once and its
  data and user are deleted after the admin's grace period (``purge_due``).
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

from contabo_reseller.adapters import config_items
from contabo_reseller.adapters import secrets as secret_store
from contabo_reseller.adapters.object_storage.s3_buckets import S3Buckets
from contabo_reseller.adapters.tables import ServiceRecord
from contabo_reseller.domain.errors import NotFound
from contabo_reseller.domain.object_storage.pool import PoolSettings
from contabo_reseller.domain.object_storage.product import (
    REGION_NAMES,
    ObjectStorageFacts,
    ObjectStorageUsage,
    S3Keys,
)
from contabo_reseller.domain.object_storage.tenancy import (
    BYTES_PER_TB,
    bucket_policy,
    foreign_bucket_policy,
    over_quota_message,
    principal,
    quota_bytes,
    tenant_bucket_name,
    tenant_user_email,
)
from contabo_reseller.observability import logger
from contabo_reseller.services.object_storage.port import ObjectStoragePort

TENANT_KIND = "object_storage_tenant"  # catalog rows: one per service in a pool
SETTINGS_KIND = "object_storage_settings"
SETTINGS_ITEM = "pool"
ADMIN_MARKER = "admin"  # the bucket-admin user's e-mail: <api user>+s3-admin-pool@<domain>
PROTECT_ROUNDS = 3  # re-reads of the tenant list until no tenant was added meanwhile


def new_suffix() -> str:
    """Chosen once per order; names the tenant's bucket and user."""
    return secrets.token_hex(4)


def setup(record: ServiceRecord, storage: ObjectStorageFacts, port: ObjectStoragePort) -> dict:
    """Makes the service a protected tenant of the storage's pool (every step idempotent);
    the details to record on the service."""
    suffix = str(record.details["tenant_suffix"])
    email = tenant_user_email(_api_user(), record.service_id, suffix)
    user_id = port.ensure_user(email)
    credential_id = port.user_credential_ref(user_id, storage.object_storage_id)
    bucket = tenant_bucket_name(record.service_id, suffix)
    admin = bucket_admin(port, storage)
    admin.ensure_bucket(bucket)
    tenant = {
        "user_id": user_id,
        "principal": principal(storage.s3_tenant_id, storage.customer_id, user_id),
        "main_principal": principal(storage.s3_tenant_id, storage.customer_id),
        "bucket": bucket,
        "region": record.region,
        "object_storage_id": storage.object_storage_id,
        "s3_url": storage.s3_url,
        "over_quota": False,
    }
    config_items.put(TENANT_KIND, record.service_id, tenant)
    protect_all(port)
    return {"s3_user_id": user_id, "s3_credential_id": credential_id, "bucket": bucket}


def protect_all(port: ObjectStoragePort) -> int:
    """Rewrites every tenant bucket's policy from the current tenant list, and denies every
    tenant in every other bucket of the account (the reseller's own, those of services of the
    first design, and any a customer created: customers get only their own bucket). Repeated
    while tenants were added meanwhile, so two orders at once both end up denied in each
    other's bucket. Returns the number of policies written."""
    written = 0
    admins: dict[str, S3Buckets] = {}
    for _ in range(PROTECT_ROUNDS):
        before = tenants()
        denied = _all_principals(before)
        for tenant in before.values():
            admin = admins.get(tenant["s3_url"]) or _admin_at(port, tenant, admins)
            policy = bucket_policy(
                tenant["bucket"],
                tenant["principal"],
                denied,
                over_quota=bool(tenant.get("over_quota")),
            )
            admin.put_policy(tenant["bucket"], policy)
            written += 1
        written += _deny_tenants_elsewhere(port, before, admins)
        if set(tenants()) == set(before):
            return written
    logger.warning("tenants kept being added while bucket policies were written")
    return written


def _deny_tenants_elsewhere(
    port: ObjectStoragePort, all_tenants: dict[str, dict[str, Any]], admins: dict[str, S3Buckets]
) -> int:
    """Keys open every location, so every storage of the account is covered. A bucket's own
    policy statements are kept; only this product's statement is added or replaced."""
    tenant_principals = sorted({t["principal"] for t in all_tenants.values()})
    if not tenant_principals:
        return 0
    ours = {t["bucket"] for t in all_tenants.values()}
    written = 0
    for s3_url, storage_id in _storages(port).items():
        admin = admins.get(s3_url) or _admin_at(
            port, {"s3_url": s3_url, "object_storage_id": storage_id}, admins
        )
        for bucket in admin.bucket_names():
            if bucket in ours:
                continue
            admin.put_policy(
                bucket, foreign_bucket_policy(admin.policy(bucket), bucket, tenant_principals)
            )
            written += 1
    return written


def _storages(port: ObjectStoragePort) -> dict[str, str]:
    found: dict[str, str] = {}
    for region in REGION_NAMES:
        for storage in port.in_region(region):
            if not storage.cancelled:
                found.setdefault(storage.s3_url, storage.object_storage_id)
    return found


def tenants() -> dict[str, dict[str, Any]]:
    return dict(config_items.all_of(TENANT_KIND))


def tenant_of(service_id: str) -> dict[str, Any] | None:
    return config_items.get(TENANT_KIND, service_id)


def set_enabled(record: ServiceRecord, port: ObjectStoragePort, enabled: bool) -> None:
    user_id = record.details.get("s3_user_id")
    if user_id:
        port.set_user_enabled(str(user_id), enabled)


def schedule_purge(record: ServiceRecord, now: datetime) -> str:
    """When the terminated tenant's data and user go: after the admin's grace period."""
    due = now + timedelta(days=grace_days())
    tenant = tenant_of(record.service_id)
    if tenant is not None:
        config_items.put(TENANT_KIND, record.service_id, {**tenant, "purge_after": due.isoformat()})
    return due.isoformat()


def purge_due(port: ObjectStoragePort, now: datetime | None = None) -> list[str]:
    """Deletes the data (bucket) and the user of every tenant whose grace period has ended;
    the services purged."""
    now = now or datetime.now(UTC)
    purged: list[str] = []
    admins: dict[str, S3Buckets] = {}
    for service_id, tenant in tenants().items():
        due = tenant.get("purge_after")
        if not due or datetime.fromisoformat(due) > now:
            continue
        admin = admins.get(tenant["s3_url"]) or _admin_at(port, tenant, admins)
        admin.delete_bucket_and_data(tenant["bucket"])
        port.delete_user(tenant["user_id"])
        config_items.delete(TENANT_KIND, service_id)
        purged.append(service_id)
    return purged


def meter(record: ServiceRecord, port: ObjectStoragePort) -> ObjectStorageUsage:
    """The customer's usage, measured in S3 (their bucket's bytes and objects), against their
    quota (the service's size). Crossing the quota either way rewrites their bucket policy:
    over quota, writes are refused; reads and deletes keep working."""
    tenant = tenant_of(record.service_id)
    if tenant is None:
        raise NotFound("This object storage has no bucket yet.", message_code="bucket_missing")
    admin = _admin_at(port, tenant, {})
    used, objects = admin.usage(tenant["bucket"])
    quota_tb = float(record.details.get("order", {}).get("size_tb") or 0)
    over = used >= quota_bytes(quota_tb)
    if over != bool(tenant.get("over_quota")):
        tenant = {**tenant, "over_quota": over}
        config_items.put(TENANT_KIND, record.service_id, tenant)
        policy = bucket_policy(
            tenant["bucket"], tenant["principal"], _all_principals(tenants()), over_quota=over
        )
        admin.put_policy(tenant["bucket"], policy)
    return ObjectStorageUsage(
        used_tb=used / BYTES_PER_TB,
        size_tb=quota_tb,
        used_percent=round(min(used / quota_bytes(quota_tb) * 100, 100.0), 2) if quota_tb else 0,
        objects=objects,
        as_of=datetime.now(UTC).isoformat(),
        quota_message=over_quota_message(used, quota_tb) if over else "",
    )


def grace_days() -> int:
    return settings().terminate_grace_days


def settings() -> PoolSettings:
    return PoolSettings.model_validate(config_items.get(SETTINGS_KIND, SETTINGS_ITEM) or {})


def save_settings(changed: PoolSettings) -> PoolSettings:
    config_items.put(SETTINGS_KIND, SETTINGS_ITEM, changed.model_dump())
    return changed


def bucket_admin(port: ObjectStoragePort, storage: ObjectStorageFacts) -> S3Buckets:
    return S3Buckets(storage.s3_url, _admin_keys(port, storage.object_storage_id))


def _admin_at(port: ObjectStoragePort, tenant: dict, admins: dict[str, S3Buckets]) -> S3Buckets:
    admin = S3Buckets(tenant["s3_url"], _admin_keys(port, tenant["object_storage_id"]))
    admins[tenant["s3_url"]] = admin
    return admin


def _admin_keys(port: ObjectStoragePort, object_storage_id: str) -> S3Keys:
    """The bucket-admin user's keys: a sub-user only the backend uses, never denied."""
    admin_id = port.ensure_user(tenant_user_email(_api_user(), ADMIN_MARKER, "pool"))
    credential_id = port.user_credential_ref(admin_id, object_storage_id)
    return port.keys(admin_id, object_storage_id, credential_id)


def _all_principals(all_tenants: dict[str, dict[str, Any]]) -> list[str]:
    found = {t["principal"] for t in all_tenants.values()}
    found |= {t["main_principal"] for t in all_tenants.values() if t.get("main_principal")}
    return sorted(found)


def _api_user() -> str:
    return secret_store.contabo_credentials().api_user
