"""Object storage customers as tenants of a region's pool: each service's own Contabo user,
S3 keys and bucket, and the bucket policies that keep every tenant out of every other's bucket.

- A tenant is set up once its pool storage is usable: its user (S3 role only, never admin)
  is found by its e-mail marker or created, its bucket is created by the pool's bucket-admin
  user (a sub-user only the backend holds keys of) and given its policy (everyone but the
  customer and that admin denied), then the tenant is registered, before the customer gets any
  key. No other bucket's policy changes: policies name no other customer.
- Every other bucket of the account (the reseller's, those of services of the first design,
  and any a customer created) denies everyone but the account's main user and the admin, once
  per bucket: the first order protects every storage of the account (a user's keys open every
  location), the usage sync protects buckets made since, within one sync period.
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
    POLICY_FORM,
    bucket_policy,
    foreign_bucket_policy,
    over_quota_message,
    principal,
    quota_bytes,
    tenant_bucket_name,
    tenant_user_email,
)
from contabo_reseller.services.object_storage.port import ObjectStoragePort

TENANT_KIND = "object_storage_tenant"  # catalog rows: one per service in a pool
SETTINGS_KIND = "object_storage_settings"
SETTINGS_ITEM = "pool"
ADMIN_MARKER = "admin"  # the bucket-admin user's e-mail: <api user>+s3-admin-pool@<domain>
PROTECTED_KIND = "object_storage_protected"  # one row per storage whose other buckets are closed


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
    admin_id = _admin_user(port)
    admin = S3Buckets(storage.s3_url, _admin_keys(port, admin_id, storage.object_storage_id))
    admin.ensure_bucket(bucket)
    main = principal(storage.s3_tenant_id, storage.customer_id)
    tenant = {
        "user_id": user_id,
        "principal": principal(storage.s3_tenant_id, storage.customer_id, user_id),
        "main_principal": main,
        "admin_principal": principal(storage.s3_tenant_id, storage.customer_id, admin_id),
        "bucket": bucket,
        "region": record.region,
        "object_storage_id": storage.object_storage_id,
        "s3_url": storage.s3_url,
        "over_quota": False,
        "policy_form": POLICY_FORM,
    }
    config_items.put(TENANT_KIND, record.service_id, tenant)  # first: see protect_all
    admin.put_policy(bucket, _tenant_policy(tenant))
    protect_all(port, only_new_storages=True)
    return {"s3_user_id": user_id, "s3_credential_id": credential_id, "bucket": bucket}


def protect_all(port: ObjectStoragePort, *, only_new_storages: bool = False) -> int:
    """Brings every bucket of the account under this product's policies: tenant buckets still
    under the first form (every other customer named) get their constant-size policy; every
    other bucket gets the reseller-only statement, its own statements kept. Read first, written
    only where a policy differs. ``only_new_storages``: just storages never protected (an
    order's pass: a pool's first customer must find the account's other buckets closed).
    Returns the number of policies written."""
    written = 0
    admin_id = _admin_user(port)
    admins: dict[str, S3Buckets] = {}
    for service_id, tenant in tenants().items():
        if tenant.get("policy_form") == POLICY_FORM or only_new_storages:
            continue
        tenant = {**tenant, "admin_principal": _principal_of(tenant, admin_id)}
        admin = _admin_at(port, tenant["s3_url"], tenant["object_storage_id"], admins, admin_id)
        admin.put_policy(tenant["bucket"], _tenant_policy(tenant))
        config_items.put(TENANT_KIND, service_id, {**tenant, "policy_form": POLICY_FORM})
        written += 1
    closed: dict[str, S3Buckets] = {}
    for storage in _storages(port):
        if only_new_storages and _protected(storage.object_storage_id):
            continue
        admin = _admin_at(port, storage.s3_url, storage.object_storage_id, admins, admin_id)
        main = principal(storage.s3_tenant_id, storage.customer_id)
        keepers = [main, principal(storage.s3_tenant_id, storage.customer_id, admin_id)]
        names = admin.bucket_names()
        ours = {t["bucket"] for t in tenants().values()}  # read after listing: see below
        for bucket in names:
            if bucket in ours:
                continue
            current = admin.policy(bucket)
            wanted = foreign_bucket_policy(current, bucket, keepers)
            if wanted != current:
                admin.put_policy(bucket, wanted)
                closed[bucket] = admin
                written += 1
        config_items.put(PROTECTED_KIND, storage.object_storage_id, {"form": POLICY_FORM})
    # An order registers its tenant before writing its policy: a bucket closed here as no
    # customer's, whose tenant registered meanwhile, gets its customer's policy back.
    for tenant in tenants().values():
        if tenant["bucket"] in closed:
            tenant = {**tenant, "admin_principal": _principal_of(tenant, admin_id)}
            closed[tenant["bucket"]].put_policy(tenant["bucket"], _tenant_policy(tenant))
            written += 1
    return written


def _protected(object_storage_id: str) -> bool:
    row = config_items.get(PROTECTED_KIND, object_storage_id) or {}
    return row.get("form") == POLICY_FORM


def _storages(port: ObjectStoragePort) -> list[ObjectStorageFacts]:
    """Every live storage of the account: a user's keys open every location."""
    found: dict[str, ObjectStorageFacts] = {}
    for region in REGION_NAMES:
        for storage in port.in_region(region):
            if not storage.cancelled:
                found.setdefault(storage.s3_url, storage)
    return list(found.values())


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
        admin = _admin_at(port, tenant["s3_url"], tenant["object_storage_id"], admins)
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
    admin = _admin_at(port, tenant["s3_url"], tenant["object_storage_id"], {})
    used, objects = admin.usage(tenant["bucket"])
    quota_tb = float(record.details.get("order", {}).get("size_tb") or 0)
    over = used >= quota_bytes(quota_tb)
    if over != bool(tenant.get("over_quota")):
        tenant = {**tenant, "over_quota": over}
        if not tenant.get("admin_principal"):  # a row of the first form, not yet converted
            tenant["admin_principal"] = _principal_of(tenant, _admin_user(port))
        admin.put_policy(tenant["bucket"], _tenant_policy(tenant))
        config_items.put(TENANT_KIND, record.service_id, {**tenant, "policy_form": POLICY_FORM})
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
    keys = _admin_keys(port, _admin_user(port), storage.object_storage_id)
    return S3Buckets(storage.s3_url, keys)


def _admin_at(
    port: ObjectStoragePort,
    s3_url: str,
    object_storage_id: str,
    admins: dict[str, S3Buckets],
    admin_id: str | None = None,
) -> S3Buckets:
    """The bucket-admin's client at one endpoint, made once per pass."""
    if s3_url not in admins:
        keys = _admin_keys(port, admin_id or _admin_user(port), object_storage_id)
        admins[s3_url] = S3Buckets(s3_url, keys)
    return admins[s3_url]


def _admin_user(port: ObjectStoragePort) -> str:
    """The bucket-admin user: a sub-user only the backend uses, let into every bucket."""
    return port.ensure_user(tenant_user_email(_api_user(), ADMIN_MARKER, "pool"))


def _admin_keys(port: ObjectStoragePort, admin_id: str, object_storage_id: str) -> S3Keys:
    credential_id = port.user_credential_ref(admin_id, object_storage_id)
    return port.keys(admin_id, object_storage_id, credential_id)


def _tenant_policy(tenant: dict[str, Any]) -> dict[str, object]:
    return bucket_policy(
        tenant["bucket"],
        tenant["principal"],
        tenant["admin_principal"],
        over_quota=bool(tenant.get("over_quota")),
    )


def _principal_of(tenant: dict[str, Any], user_id: str) -> str:
    """Another user's ARN in the tenant's account (the main user's ARN plus the user id)."""
    return f"{tenant['main_principal']}:{user_id}"


def _api_user() -> str:
    return secret_store.contabo_credentials().api_user
