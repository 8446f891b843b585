"""Object storages (a purchase), their stats, and the per-user S3 credentials."""

import secrets
import uuid
from datetime import timedelta
from typing import Any

from ..catalog import REGIONS
from ..clock import iso
from ..errors import ApiError
from ..state import CUSTOMER_ID, TENANT_ID, USER_ID
from . import Context, Reply, by_request_id, operation, require

OBJECT_STORAGE_REGIONS = ("EU", "US-central", "SIN")  # per the spec's createObjectStorage text


@operation("createObjectStorage")
def create_object_storage(ctx: Context) -> Reply:
    body, state = ctx.body, ctx.state
    if body["region"] not in OBJECT_STORAGE_REGIONS:
        raise ApiError(
            400,
            [f"region must be one of the following values: {', '.join(OBJECT_STORAGE_REGIONS)}"],
        )
    region = REGIONS[body["region"]]
    storage_id = str(uuid.uuid4())
    storage = {
        "tenantId": TENANT_ID,
        "customerId": CUSTOMER_ID,
        "objectStorageId": storage_id,
        "createdDate": iso(state.clock.now()),
        "cancelDate": "",
        "autoScaling": _autoscaling(body.get("autoScaling")),
        "dataCenter": region.data_center,
        "totalPurchasedSpaceTB": float(body["totalPurchasedSpaceTB"]),
        "usedSpaceTB": 0.0,
        "usedSpacePercentage": 0.0,
        "s3Url": f"https://{region.s3_host}",
        "s3TenantId": uuid.uuid5(uuid.NAMESPACE_URL, CUSTOMER_ID).hex,
        "status": "READY",
        "region": region.slug,
        "displayName": body.get("displayName")
        or f"Object Storage {region.name} {len(state.object_storages) + 1}",
    }
    state.object_storages[storage_id] = storage
    credential_id = state.next_id("credential")
    state.credentials[credential_id] = {
        "credentialId": credential_id,
        "objectStorageId": storage_id,
    } | _keys()
    ctx.audit("objectStorages", "CREATED", objectStorageId=storage_id)
    return ctx.one(201, storage, f"{ctx.url_path}/{storage_id}")


@operation("retrieveObjectStorageList")
def list_object_storages(ctx: Context) -> Reply:
    items = list(ctx.state.object_storages.values())
    for param, field in (
        ("region", "region"),
        ("displayName", "displayName"),
        ("dataCenterName", "dataCenter"),
    ):
        if param in ctx.query:
            items = [s for s in items if s[field] == ctx.query[param]]
    return ctx.page(items)


@operation("retrieveObjectStorage")
def retrieve_object_storage(ctx: Context) -> Reply:
    return ctx.one(200, _storage(ctx))


@operation("updateObjectStorage")
def update_object_storage(ctx: Context) -> Reply:
    storage = _storage(ctx)
    storage["displayName"] = ctx.body["displayName"]
    ctx.audit("objectStorages", "UPDATED", objectStorageId=storage["objectStorageId"])
    return ctx.one(200, _short(storage))


@operation("upgradeObjectStorage")
def resize_object_storage(ctx: Context) -> Reply:
    storage = _storage(ctx)
    new_size = ctx.body.get("totalPurchasedSpaceTB")
    if new_size is not None:
        if new_size <= storage["totalPurchasedSpaceTB"]:
            raise ApiError(400, ["totalPurchasedSpaceTB must be bigger than the current size"])
        storage["totalPurchasedSpaceTB"] = float(new_size)
    if "autoScaling" in ctx.body:
        storage["autoScaling"] = _autoscaling(ctx.body["autoScaling"])
    ctx.audit("objectStorages", "UPDATED", objectStorageId=storage["objectStorageId"])
    return ctx.one(200, storage)


@operation("CancelObjectStorage")
def cancel_object_storage(ctx: Context) -> Reply:
    storage = _storage(ctx)
    if storage["cancelDate"]:
        raise ApiError(409, f"Object storage {storage['objectStorageId']} is already cancelled")
    requested = (ctx.body or {}).get("cancelDate")
    cancel_on = requested if requested else (ctx.state.clock.now() + timedelta(days=30)).date()
    storage["cancelDate"] = cancel_on.isoformat()
    ctx.audit("objectStorages", "UPDATED", objectStorageId=storage["objectStorageId"])
    return ctx.one(200, _short(storage))


@operation("retrieveObjectStoragesStats")
def object_storage_stats(ctx: Context) -> Reply:
    storage = _storage(ctx)
    stats = {
        "tenantId": TENANT_ID,
        "customerId": CUSTOMER_ID,
        "usedSpaceTB": storage["usedSpaceTB"],
        "usedSpacePercentage": storage["usedSpacePercentage"],
    }
    return ctx.one(200, stats | {"numberOfObjects": 0})


@operation("retrieveObjectStorageAuditsList")
def object_storage_audits(ctx: Context) -> Reply:
    return by_request_id(ctx, "objectStorages", ("objectStorageId",))


@operation("listObjectStorageCredentials")
def list_credentials(ctx: Context) -> Reply:
    _user(ctx)
    items = [_credential(ctx, c) for c in ctx.state.credentials.values()]
    for name in ("objectStorageId", "displayName"):
        if name in ctx.query:
            items = [c for c in items if c[name] == ctx.query[name]]
    return ctx.page(items)


@operation("getObjectStorageCredentials")
def get_credential(ctx: Context) -> Reply:
    return ctx.one(200, _credential(ctx, _stored_credential(ctx)))


@operation("regenerateObjectStorageCredentials")
def regenerate_credential(ctx: Context) -> Reply:
    credential = _stored_credential(ctx)
    credential |= _keys()
    return ctx.one(200, _credential(ctx, credential))


def _storage(ctx: Context) -> dict[str, Any]:
    storage_id = ctx.path["objectStorageId"]
    return require(ctx.state.object_storages.get(storage_id), "ObjectStorage", storage_id)


def _short(storage: dict[str, Any]) -> dict[str, Any]:
    keys = ("tenantId", "customerId", "objectStorageId", "cancelDate", "displayName")
    return {k: storage[k] for k in keys}


def _autoscaling(requested: dict[str, Any] | None) -> dict[str, Any]:
    requested = requested or {}
    return {
        "state": requested.get("state", "disabled"),
        "sizeLimitTB": float(requested.get("sizeLimitTB", 0)),
    }


def _keys() -> dict[str, str]:
    return {"accessKey": secrets.token_hex(16), "secretKey": secrets.token_hex(32)}


def _user(ctx: Context) -> None:
    if ctx.path["userId"] != USER_ID:
        raise ApiError(404, f"Entry User not found by userId {ctx.path['userId']}")


def _stored_credential(ctx: Context) -> dict[str, Any]:
    _user(ctx)
    credential = ctx.state.credentials.get(int(ctx.path["credentialId"]))
    if credential is None or credential["objectStorageId"] != ctx.path["objectStorageId"]:
        raise ApiError(
            404, f"Entry Credential not found by credentialId {ctx.path['credentialId']}"
        )
    return credential


def _credential(ctx: Context, credential: dict[str, Any]) -> dict[str, Any]:
    storage = ctx.state.object_storages[credential["objectStorageId"]]
    return {
        "tenantId": TENANT_ID,
        "customerId": CUSTOMER_ID,
        "accessKey": credential["accessKey"],
        "secretKey": credential["secretKey"],
        "objectStorageId": storage["objectStorageId"],
        "displayName": storage["displayName"],
        "region": storage["region"],
        "credentialId": credential["credentialId"],
    }
