"""The account itself: its users (the API user and sub-users), the API user's OAuth client,
roles and Contabo's data centers.

Roles: besides `admin`, Contabo's object storage guide ("Restricting Users to Buckets") shows
users holding an "S3 Read and Write" role; the simulator offers both as default roles. A
sub-user is never an admin unless given the admin role.
"""

import uuid
from typing import Any

from ..catalog import REGIONS
from ..errors import ApiError
from ..state import ADMIN_ROLE_ID, CUSTOMER_ID, S3_ROLE_ID, TENANT_ID, new_s3_keys
from . import Context, Reply, operation, require

ADMIN_ROLE = {
    "tenantId": TENANT_ID,
    "customerId": CUSTOMER_ID,
    "roleId": ADMIN_ROLE_ID,
    "name": "admin",
    "admin": True,
    "accessAllResources": True,
    "type": "default",
}
S3_ROLE = {
    "tenantId": TENANT_ID,
    "customerId": CUSTOMER_ID,
    "roleId": S3_ROLE_ID,
    "name": "S3 Read and Write",
    "admin": False,
    "accessAllResources": False,
    "type": "default",
}
DEFAULT_ROLES = (ADMIN_ROLE, S3_ROLE)


@operation("retrieveUserList")
def list_users(ctx: Context) -> Reply:
    items = list(ctx.state.users.values())
    for name in ("email", "enabled", "owner"):
        if name in ctx.query:
            wanted = str(ctx.query[name]).lower()
            items = [u for u in items if str(u[name]).lower() == wanted]
    return ctx.page(items, lambda user: _present_user(ctx, user))


@operation("retrieveUser")
def retrieve_user(ctx: Context) -> Reply:
    return ctx.one(200, _present_user(ctx, _stored_user(ctx)))


@operation("createUser")
def create_user(ctx: Context) -> Reply:
    """A sub-user of the account. Every user gets its own S3 key pair at once, listed under
    every object storage of the account (Contabo: credentials are per user and shared
    across locations)."""
    body, state = ctx.body, ctx.state
    email = body["email"]
    if any(u["email"].lower() == email.lower() for u in state.users.values()):
        raise ApiError(409, f"User with email {email} already exists")
    roles = _known_roles(ctx, body.get("roles") or [])
    user_id = str(uuid.uuid4())
    local_part = email.split("@", 1)[0] or "user"
    state.users[user_id] = {
        "userId": user_id,
        "firstName": body.get("firstName") or local_part,
        "lastName": body.get("lastName") or local_part,
        "email": email,
        "emailVerified": False,
        "enabled": bool(body["enabled"]),
        "totp": bool(body["totp"]),
        "locale": body["locale"],
        "roles": roles,
        "owner": False,
    }
    state.s3_keys[user_id] = new_s3_keys()
    for storage_id in state.object_storages:
        state.add_credential(user_id, storage_id)
    ctx.audit("users", "CREATED", userId=user_id)
    created = {"tenantId": TENANT_ID, "customerId": CUSTOMER_ID, "userId": user_id}
    return ctx.one(201, created, f"{ctx.url_path}/{user_id}")


@operation("updateUser")
def update_user(ctx: Context) -> Reply:
    """A disabled user "can't login and thus use services any longer" (the spec's words):
    the S3 endpoint refuses its keys until it is enabled again."""
    user = _stored_user(ctx)
    if user["owner"]:
        raise ApiError(403, "The account owner cannot be changed through the API")
    body = ctx.body or {}
    if "roles" in body:
        user["roles"] = _known_roles(ctx, body["roles"] or [])
    for name in ("firstName", "lastName", "email", "enabled", "totp", "locale"):
        if name in body:
            user[name] = body[name]
    ctx.audit("users", "UPDATED", userId=user["userId"])
    return Reply(200, {"_links": {"self": ctx.url_path}})


@operation("deleteUser")
def delete_user(ctx: Context) -> Reply:
    """Deletes the user and its S3 keys; its buckets' data is the account's and stays."""
    user = _stored_user(ctx)
    if user["owner"]:
        raise ApiError(403, "The account owner cannot be deleted")
    state = ctx.state
    del state.users[user["userId"]]
    state.s3_keys.pop(user["userId"], None)
    for credential_id in [
        cid for cid, c in state.credentials.items() if c["userId"] == user["userId"]
    ]:
        del state.credentials[credential_id]
    ctx.audit("users", "DELETED", userId=user["userId"])
    return Reply(204)


@operation("retrieveUserClient")
def retrieve_client(ctx: Context) -> Reply:
    config = ctx.state.config
    client = {
        "tenantId": TENANT_ID,
        "customerId": CUSTOMER_ID,
        "id": "2d5a1a5c-6b8a-4c3e-9a0d-5c1f3e2b7a10",
    }
    return ctx.one(200, client | {"clientId": config.client_id, "secret": config.client_secret})


@operation("retrieveRoleList")
def list_roles(ctx: Context) -> Reply:
    items = list(DEFAULT_ROLES)
    for name in ("name", "type"):
        if name in ctx.query:
            items = [r for r in items if r[name] == ctx.query[name]]
    return ctx.page([role | {"permissions": []} for role in items])


@operation("retrieveDataCenterList")
def list_data_centers(ctx: Context) -> Reply:
    items = [
        {
            "tenantId": TENANT_ID,
            "customerId": CUSTOMER_ID,
            "name": r.data_center,
            "slug": r.data_center_slug,
            "capabilities": ["VPS", "VDS", "Object-Storage"]
            if r.slug in ("EU", "US-central", "SIN")
            else ["VPS", "VDS"],
            "s3Url": f"https://{r.s3_host}",
            "regionName": r.name,
            "regionSlug": r.slug,
        }
        for r in REGIONS.values()
    ]
    for name in ("slug", "name", "regionName", "regionSlug"):
        if name in ctx.query:
            items = [d for d in items if d[name] == ctx.query[name]]
    return ctx.page(items)


def _stored_user(ctx: Context) -> dict[str, Any]:
    return require(ctx.state.users.get(ctx.path["userId"]), "User", ctx.path["userId"])


def _present_user(ctx: Context, user: dict[str, Any]) -> dict[str, Any]:
    roles = {role["roleId"]: role for role in DEFAULT_ROLES}
    return {
        "tenantId": TENANT_ID,
        "customerId": CUSTOMER_ID,
        **{k: v for k, v in user.items() if k != "roles"},
        "roles": [roles[r] | {"permissions": []} for r in user["roles"] if r in roles],
    }


def _known_roles(ctx: Context, role_ids: list[int]) -> list[int]:
    known = {role["roleId"] for role in DEFAULT_ROLES}
    unknown = [r for r in role_ids if r not in known]
    if unknown:
        raise ApiError(400, [f"roles: unknown roleId {unknown[0]}"])
    return list(role_ids)
