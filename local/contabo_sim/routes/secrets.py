"""Secrets: stored passwords and SSH keys; values are kept and returned like Contabo does."""

from ..clock import iso
from ..errors import ApiError
from ..state import CUSTOMER_ID, TENANT_ID
from . import Context, Reply, by_request_id, operation, require

# The spec caps a stored value at 500 characters (SecretResponse.value maxLength) while the
# request schema sets no maximum; a store that can never answer more than 500 refuses more at
# the door, as Contabo's class-validator DTOs do (see README: "Secrets over 500 characters").
SECRET_VALUE_MAX_CHARS = 500


@operation("createSecret")
def create_secret(ctx: Context) -> Reply:
    _refuse_long_value(ctx.body.get("value"))
    secret_id, now = ctx.state.next_id("secret"), iso(ctx.state.clock.now())
    secret = {"tenantId": TENANT_ID, "customerId": CUSTOMER_ID, "secretId": secret_id}
    secret |= {k: ctx.body[k] for k in ("name", "type", "value")} | {
        "createdAt": now,
        "updatedAt": now,
    }
    ctx.state.secrets[secret_id] = secret
    ctx.audit("secrets", "CREATED", secretId=secret_id)
    return ctx.one(201, secret, f"{ctx.url_path}/{secret_id}")


@operation("retrieveSecretList")
def list_secrets(ctx: Context) -> Reply:
    items = list(ctx.state.secrets.values())
    for name in ("name", "type"):
        if name in ctx.query:
            items = [s for s in items if s[name] == ctx.query[name]]
    return ctx.page(items)


@operation("retrieveSecret")
def retrieve_secret(ctx: Context) -> Reply:
    return ctx.one(200, _secret(ctx))


@operation("updateSecret")
def update_secret(ctx: Context) -> Reply:
    secret = _secret(ctx)
    _refuse_long_value(ctx.body.get("value"))
    secret |= {k: v for k, v in ctx.body.items() if k in ("name", "value")}
    secret["updatedAt"] = iso(ctx.state.clock.now())
    ctx.audit("secrets", "UPDATED", secretId=secret["secretId"])
    return Reply(200, {"_links": {"self": ctx.url_path}})


@operation("deleteSecret")
def delete_secret(ctx: Context) -> Reply:
    secret = _secret(ctx)
    del ctx.state.secrets[secret["secretId"]]
    ctx.audit("secrets", "DELETED", secretId=secret["secretId"])
    return Reply(204)


@operation("retrieveSecretAuditsList")
def secret_audits(ctx: Context) -> Reply:
    return by_request_id(ctx, "secrets", ("secretId",))


def _refuse_long_value(value: object) -> None:
    if isinstance(value, str) and len(value) > SECRET_VALUE_MAX_CHARS:
        raise ApiError(
            400, [f"value must be shorter than or equal to {SECRET_VALUE_MAX_CHARS} characters"]
        )


def _secret(ctx: Context) -> dict:
    secret_id = ctx.path["secretId"]
    return require(ctx.state.secrets.get(int(secret_id)), "Secret", secret_id)
