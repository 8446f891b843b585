"""The account itself: the API user, its OAuth client, roles and Contabo's data centers."""

from ..catalog import REGIONS
from ..state import CUSTOMER_ID, TENANT_ID, USER_ID
from . import Context, Reply, operation, require

ADMIN_ROLE = {
    "tenantId": TENANT_ID,
    "customerId": CUSTOMER_ID,
    "roleId": 1,
    "name": "admin",
    "admin": True,
    "accessAllResources": True,
    "type": "default",
}


@operation("retrieveUserList")
def list_users(ctx: Context) -> Reply:
    return ctx.page([_user(ctx)])


@operation("retrieveUser")
def retrieve_user(ctx: Context) -> Reply:
    user = require(
        _user(ctx) if ctx.path["userId"] == USER_ID else None, "User", ctx.path["userId"]
    )
    return ctx.one(200, user)


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
    return ctx.page([ADMIN_ROLE | {"permissions": []}])


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


def _user(ctx: Context) -> dict:
    return {
        "tenantId": TENANT_ID,
        "customerId": CUSTOMER_ID,
        "userId": USER_ID,
        "firstName": "Demo",
        "lastName": "Reseller",
        "email": ctx.state.config.api_user,
        "emailVerified": True,
        "enabled": True,
        "totp": False,
        "locale": "en",
        "roles": [ADMIN_ROLE],
        "owner": True,
    }
