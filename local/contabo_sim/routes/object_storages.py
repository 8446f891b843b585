"""Object storages (a purchase), their stats, and the per-user S3 credentials.

S3 keys belong to a user, not to a storage: the spec's Object Storage introduction says "All
purchased object storages in different locations share the same credentials", so a user has one
key pair, listed once per storage of the account, and regenerating it replaces it everywhere.

Spec-true where the product depends on it: one object storage per region per account (the
createObjectStorage text: "you can only buy one object storage per location"), PROVISIONING
until `provision_seconds` have passed, no downgrade on resize, CANCELLED once the cancel date
is reached, every change in the audit list with its x-request-id and its `changes`. Each
response carries exactly the fields of the schema its operation declares. Keys starting with
"_" are the simulator's own bookkeeping and never leave it.
"""

import uuid
from datetime import date, datetime, timedelta
from typing import Any

from ..catalog import REGIONS
from ..clock import iso
from ..errors import ApiError
from ..state import CUSTOMER_ID, S3_TENANT_ID, TENANT_ID, SimState, new_s3_keys
from . import Context, Reply, by_request_id, operation, require

OBJECT_STORAGE_REGIONS = ("EU", "US-central", "SIN")  # per the spec's createObjectStorage text

_STORAGE_FIELDS = (
    "tenantId",
    "customerId",
    "objectStorageId",
    "createdDate",
    "cancelDate",
    "autoScaling",
    "dataCenter",
    "totalPurchasedSpaceTB",
    "s3Url",
    "s3TenantId",
    "status",
    "region",
    "displayName",
)
_CREATED_FIELDS = (*_STORAGE_FIELDS, "usedSpaceTB", "usedSpacePercentage")
_UPGRADED_FIELDS = (
    "tenantId",
    "customerId",
    "objectStorageId",
    "createdDate",
    "dataCenter",
    "autoScaling",
    "s3Url",
    "status",
    "totalPurchasedSpaceTB",
    "region",
    "displayName",
)
_SHORT_FIELDS = ("tenantId", "customerId", "objectStorageId", "cancelDate", "displayName")


@operation("createObjectStorage")
def create_object_storage(ctx: Context) -> Reply:
    body, state = ctx.body, ctx.state
    slug = body["region"]
    if slug not in OBJECT_STORAGE_REGIONS:
        raise ApiError(
            400,
            [f"region must be one of the following values: {', '.join(OBJECT_STORAGE_REGIONS)}"],
        )
    size = float(body["totalPurchasedSpaceTB"])
    if size <= 0:
        raise ApiError(400, ["totalPurchasedSpaceTB must be a positive number"])
    for existing in state.object_storages.values():
        _settle(state, existing)
        if existing["_regionSlug"] == slug and existing["status"] != "CANCELLED":
            raise ApiError(
                409,
                f"Object storage already exists in region {slug}. You can only buy one object "
                "storage per location; resize the existing one instead.",
            )
    region = REGIONS[slug]
    now = state.clock.now()
    storage_id = str(uuid.uuid4())
    storage = {
        "tenantId": TENANT_ID,
        "customerId": CUSTOMER_ID,
        "objectStorageId": storage_id,
        "createdDate": iso(now),
        "cancelDate": "",
        "autoScaling": _autoscaling(body.get("autoScaling")),
        "dataCenter": region.data_center,
        "totalPurchasedSpaceTB": size,
        "s3Url": state.config.s3_url or f"https://{region.s3_host}",
        "s3TenantId": S3_TENANT_ID,
        "status": "PROVISIONING",
        "region": region.name,
        "displayName": body.get("displayName")
        or f"Object Storage {region.name} {len(state.object_storages) + 1}",
        "_regionSlug": slug,
        "_readyAt": now + timedelta(seconds=state.config.provision_seconds),
        "_usedSpaceTB": 0.0,
        "_numberOfObjects": 0,
    }
    state.object_storages[storage_id] = storage
    for user_id in state.users:  # every user's one key pair now opens this storage too
        state.add_credential(user_id, storage_id)
    ctx.audit(
        "objectStorages",
        "CREATED",
        objectStorageId=storage_id,
        changes={"new": {"region": slug, "totalPurchasedSpaceTB": size}},
    )
    return ctx.one(201, _created(storage), f"{ctx.url_path}/{storage_id}")


@operation("retrieveObjectStorageList")
def list_object_storages(ctx: Context) -> Reply:
    items = list(ctx.state.object_storages.values())
    for storage in items:
        _settle(ctx.state, storage)
    for param, field in (
        ("region", "_regionSlug"),
        ("displayName", "displayName"),
        ("dataCenterName", "dataCenter"),
        ("s3TenantId", "s3TenantId"),
    ):
        if param in ctx.query:
            items = [s for s in items if s[field] == ctx.query[param]]
    return ctx.page(items, _present)


@operation("retrieveObjectStorage")
def retrieve_object_storage(ctx: Context) -> Reply:
    return ctx.one(200, _present(_storage(ctx)))


@operation("updateObjectStorage")
def update_object_storage(ctx: Context) -> Reply:
    storage = _storage(ctx)
    previous = storage["displayName"]
    storage["displayName"] = ctx.body["displayName"]
    ctx.audit(
        "objectStorages",
        "UPDATED",
        objectStorageId=storage["objectStorageId"],
        changes={"prev": {"displayName": previous}, "new": {"displayName": storage["displayName"]}},
    )
    return ctx.one(200, _pick(storage, _SHORT_FIELDS))


@operation("upgradeObjectStorage")
def resize_object_storage(ctx: Context) -> Reply:
    storage = _storage(ctx)
    if storage["status"] == "CANCELLED":
        raise ApiError(409, f"Object storage {storage['objectStorageId']} is cancelled")
    body = ctx.body or {}
    before = {
        "totalPurchasedSpaceTB": storage["totalPurchasedSpaceTB"],
        "autoScaling": dict(storage["autoScaling"]),
    }
    new_size = body.get("totalPurchasedSpaceTB")
    if new_size is not None:
        if new_size < storage["totalPurchasedSpaceTB"]:
            raise ApiError(400, ["totalPurchasedSpaceTB: no downgrade possible"])
        storage["totalPurchasedSpaceTB"] = float(new_size)
    if "autoScaling" in body:
        storage["autoScaling"] = _autoscaling(body["autoScaling"], storage["autoScaling"])
    after = {
        "totalPurchasedSpaceTB": storage["totalPurchasedSpaceTB"],
        "autoScaling": dict(storage["autoScaling"]),
    }
    ctx.audit(
        "objectStorages",
        "UPDATED",
        objectStorageId=storage["objectStorageId"],
        changes={"prev": before, "new": after},
    )
    return ctx.one(200, _pick(storage, _UPGRADED_FIELDS))


@operation("CancelObjectStorage")
def cancel_object_storage(ctx: Context) -> Reply:
    storage = _storage(ctx)
    if storage["cancelDate"]:
        raise ApiError(409, f"Object storage {storage['objectStorageId']} is already cancelled")
    requested = (ctx.body or {}).get("cancelDate")
    cancel_on = _as_date(requested) if requested else (ctx.state.clock.now() + timedelta(days=30))
    storage["cancelDate"] = _as_date(cancel_on).isoformat()
    ctx.audit(
        "objectStorages",
        "UPDATED",
        objectStorageId=storage["objectStorageId"],
        changes={"new": {"cancelDate": storage["cancelDate"]}},
    )
    return ctx.one(200, _pick(storage, _SHORT_FIELDS))


@operation("retrieveObjectStoragesStats")
def object_storage_stats(ctx: Context) -> Reply:
    storage = _storage(ctx)
    used = storage["_usedSpaceTB"]
    size = storage["totalPurchasedSpaceTB"]
    stats = {
        "tenantId": TENANT_ID,
        "customerId": CUSTOMER_ID,
        "usedSpaceTB": used,
        "usedSpacePercentage": round(min(used / size * 100, 100.0), 2) if size else 0.0,
        "numberOfObjects": storage["_numberOfObjects"],
    }
    return ctx.one(200, stats)


@operation("retrieveObjectStorageAuditsList")
def object_storage_audits(ctx: Context) -> Reply:
    return by_request_id(ctx, "objectStorages", ("objectStorageId",))


@operation("listObjectStorageCredentials")
def list_credentials(ctx: Context) -> Reply:
    user_id = _user(ctx)
    items = [_credential(ctx, c) for c in ctx.state.credentials.values() if c["userId"] == user_id]
    for param, field in (
        ("objectStorageId", "objectStorageId"),
        ("displayName", "displayName"),
        ("regionName", "region"),
    ):
        if param in ctx.query:
            items = [c for c in items if c[field] == ctx.query[param]]
    return ctx.page(items)


@operation("getObjectStorageCredentials")
def get_credential(ctx: Context) -> Reply:
    return ctx.one(200, _credential(ctx, _stored_credential(ctx)))


@operation("regenerateObjectStorageCredentials")
def regenerate_credential(ctx: Context) -> Reply:
    """New keys for the user: they replace the pair for every storage (shared across
    locations), so the old keys stop working everywhere at once."""
    credential = _stored_credential(ctx)
    ctx.state.s3_keys[credential["userId"]] = new_s3_keys()
    return ctx.one(200, _credential(ctx, credential))


def set_usage(state: SimState, storage_id: str, used_tb: float, objects: int) -> None:
    """What the account's S3 traffic would do: tests set the stats Contabo reports."""
    with state.lock:
        storage = state.object_storages[storage_id]
        storage["_usedSpaceTB"] = float(used_tb)
        storage["_numberOfObjects"] = int(objects)


def _settle(state: SimState, storage: dict[str, Any]) -> None:
    """Time-driven changes, applied when the storage is next looked at."""
    now = state.clock.now()
    if storage["status"] == "PROVISIONING" and now >= storage["_readyAt"]:
        storage["status"] = "READY"
    if storage["cancelDate"] and date.fromisoformat(storage["cancelDate"]) <= now.date():
        storage["status"] = "CANCELLED"


def _storage(ctx: Context) -> dict[str, Any]:
    storage_id = ctx.path["objectStorageId"]
    storage = require(ctx.state.object_storages.get(storage_id), "ObjectStorage", storage_id)
    _settle(ctx.state, storage)
    return storage


def _pick(storage: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    return {k: storage[k] for k in fields}


def _present(storage: dict[str, Any]) -> dict[str, Any]:
    return _pick(storage, _STORAGE_FIELDS)


def _created(storage: dict[str, Any]) -> dict[str, Any]:
    fields = storage | {"usedSpaceTB": storage["_usedSpaceTB"], "usedSpacePercentage": 0.0}
    return _pick(fields, _CREATED_FIELDS)


def _autoscaling(
    requested: dict[str, Any] | None, current: dict[str, Any] | None = None
) -> dict[str, Any]:
    base = current or {"state": "disabled", "sizeLimitTB": 0.0}
    requested = requested or {}
    return {
        "state": requested.get("state", base["state"]),
        "sizeLimitTB": float(requested.get("sizeLimitTB", base["sizeLimitTB"])),
    }


def _as_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return datetime.fromisoformat(str(value).replace("Z", "+00:00")).date()


def _user(ctx: Context) -> str:
    user_id = ctx.path["userId"]
    if user_id not in ctx.state.users:
        raise ApiError(404, f"Entry User not found by userId {user_id}")
    return user_id


def _stored_credential(ctx: Context) -> dict[str, Any]:
    user_id = _user(ctx)
    credential = ctx.state.credentials.get(int(ctx.path["credentialId"]))
    if (
        credential is None
        or credential["objectStorageId"] != ctx.path["objectStorageId"]
        or credential["userId"] != user_id
    ):
        raise ApiError(
            404, f"Entry Credential not found by credentialId {ctx.path['credentialId']}"
        )
    return credential


def _credential(ctx: Context, credential: dict[str, Any]) -> dict[str, Any]:
    storage = ctx.state.object_storages[credential["objectStorageId"]]
    keys = ctx.state.s3_keys[credential["userId"]]
    return {
        "tenantId": TENANT_ID,
        "customerId": CUSTOMER_ID,
        "accessKey": keys["accessKey"],
        "secretKey": keys["secretKey"],
        "objectStorageId": storage["objectStorageId"],
        "displayName": storage["displayName"],
        "region": storage["region"],
        "credentialId": credential["credentialId"],
    }
