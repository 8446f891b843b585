"""Compute instances: create (a purchase), read, list, patch, reinstall, cancel, upgrade, act."""

from datetime import date, timedelta
from typing import Any

from ..catalog import ADDITIONAL_IPV4_ADDON_ID, ADDON_IDS, DEFAULT_IMAGE_ID, PRODUCTS, REGIONS
from ..clock import iso
from ..errors import ApiError
from ..state import CUSTOMER_ID, TENANT_ID, SimState
from . import Context, Reply, by_request_id, number_list, operation, require
from .images import usable_image

ACTION_SECONDS = 10  # how long a start/stop/restart takes to show
# Contabo has no "stopping"/"starting" status (see the spec enum): the old status shows until done.
ACTIONS = {
    "start": ("running", ("stopped", "running")),
    "stop": ("stopped", ("running", "stopped", "rescue")),
    "shutdown": ("stopped", ("running", "stopped", "rescue")),
    "restart": ("running", ("running", "stopped", "rescue")),
    "rescue": ("rescue", ("running", "stopped", "rescue")),
    "resetPasswordAction": ("running", ("running", "stopped")),
}
LIST_FILTERS = {
    "name": "name",
    "displayName": "displayName",
    "dataCenter": "dataCenter",
    "region": "region",
}


@operation("createInstance")
def create_instance(ctx: Context) -> Reply:
    body, state = ctx.body, ctx.state
    product = PRODUCTS.get(body.get("productId", "V92"))
    if product is None:
        raise ApiError(400, [f"productId {body.get('productId')} is not a valid product"])
    region = REGIONS[body.get("region", "EU")]
    image_id = body.get("imageId", DEFAULT_IMAGE_ID)  # the spec default, when validation is off
    image = usable_image(state, image_id)
    ssh_keys = _secret_ids(state, body.get("sshKeys", []), "ssh")
    _secret_ids(state, [body["rootPassword"]] if "rootPassword" in body else [], "password")
    instance_id = state.next_instance_id()
    ipv4, ipv6 = state.next_ip_pair()
    now = state.clock.now()
    instance = {
        "tenantId": TENANT_ID,
        "customerId": CUSTOMER_ID,
        "additionalIps": [],
        "name": f"{'vmd' if product.product_type == 'vds' else 'vmi'}{instance_id}",
        "displayName": body.get("displayName", ""),
        "instanceId": instance_id,
        "dataCenter": region.data_center,
        "region": region.slug,
        "regionName": region.name,
        "productId": product.product_id,
        "imageId": image["imageId"],
        "ipConfig": {
            "v4": {"ip": ipv4, "gateway": "203.0.113.254", "netmaskCidr": 24},
            "v6": {"ip": ipv6, "gateway": "fe80::1", "netmaskCidr": 64},
        },
        "macAddress": ":".join(f"{b:02X}" for b in (0xF2, 0x65, *instance_id.to_bytes(4, "big"))),
        "ramMb": product.ram_mb,
        "cpuCores": product.cpu_cores,
        "osType": image["osType"],
        "diskMb": product.disk_mb,
        "sshKeys": ssh_keys,
        "createdDate": iso(now),
        "cancelDate": "",
        "status": "provisioning",
        "vHostId": 10000 + instance_id % 97,
        "vHostNumber": instance_id % 97,
        "vHostName": f"vhost{instance_id % 97}",
        "addOns": _ordered_add_ons(body.get("addOns", {})),
        "productType": product.product_type,
        "productName": product.name,
        "defaultUser": body.get("defaultUser", "admin"),
        "applicationId": body.get("applicationId", ""),
        "_period": body.get("period", 1),
        "_userData": body.get("userData", ""),  # bookkeeping: what cloud-init will run
    }
    instance["diskMb"] += round(
        sum(_extra_disks_tb(body.get("addOns", {}).get("extraStorage") or {})) * 1024 * 1024
    )
    state.instances[instance_id] = instance
    for _ in range(_ordered_ip_count(instance["addOns"])):
        _assign_ordered_ip(state, instance)
    _schedule_provisioning(state, instance)
    ctx.audit("instances", "CREATED", instanceId=instance_id)
    created = {
        k: instance[k]
        for k in ("tenantId", "customerId", "instanceId", "createdDate", "imageId", "productId")
    }
    created |= {k: instance[k] for k in ("region", "addOns", "osType", "status", "sshKeys")}
    return ctx.one(201, created, f"/v1/compute/instances/{instance_id}")


@operation("retrieveInstance")
def retrieve_instance(ctx: Context) -> Reply:
    return ctx.one(200, _public(_instance(ctx)))


@operation("retrieveInstancesList")
def list_instances(ctx: Context) -> Reply:
    q = ctx.query
    items = list(ctx.state.instances.values())
    for param, field in LIST_FILTERS.items():
        if param in q:
            items = [i for i in items if i[field] == q[param]]
    if "status" in q:
        wanted = set(str(q["status"]).split(","))
        items = [i for i in items if i["status"] in wanted]
    ids = number_list(q, "instanceIds")
    if ids is not None:
        items = [i for i in items if i["instanceId"] in ids]
    if "productIds" in q:
        products = set(str(q["productIds"]).replace(" ", "").split(","))
        items = [i for i in items if i["productId"] in products]
    if "productTypes" in q:
        types = set(str(q["productTypes"]).replace(" ", "").split(","))
        items = [i for i in items if i["productType"] in types]
    addons = number_list(q, "addOnIds")
    if addons is not None:
        items = [i for i in items if addons & {a["id"] for a in i["addOns"]}]
    if "ipConfig" in q:
        items = [
            i for i in items if bool(i["ipConfig"]) == (str(q["ipConfig"]).lower() in ("true", "1"))
        ]
    if "search" in q:
        needle = str(q["search"]).lower()
        items = [
            i
            for i in items
            if needle in f"{i['name']} {i['displayName']} {i['ipConfig']['v4']['ip']}".lower()
        ]
    for order in reversed(q.get("orderBy", [])):
        field, _, direction = order.partition(":")
        items.sort(key=lambda i, f=field: str(i.get(f, "")), reverse=direction.lower() == "desc")
    return ctx.page(items, present=_public)


@operation("patchInstance")
def patch_instance(ctx: Context) -> Reply:
    instance = _instance(ctx)
    if "displayName" in ctx.body:
        instance["displayName"] = ctx.body["displayName"]
    ctx.audit("instances", "UPDATED", instanceId=instance["instanceId"])
    return ctx.one(200, _summary(instance))


@operation("reinstallInstance")
def reinstall_instance(ctx: Context) -> Reply:
    state, body = ctx.state, ctx.body
    instance = _instance(ctx)
    if instance["status"] not in ("running", "stopped", "error", "rescue"):
        raise ApiError(
            409,
            f"Instance {instance['instanceId']} cannot be reinstalled while {instance['status']}",
        )
    image = usable_image(state, body["imageId"])
    instance["sshKeys"] = _secret_ids(state, body.get("sshKeys", []), "ssh")
    _secret_ids(state, [body["rootPassword"]] if "rootPassword" in body else [], "password")
    instance |= {"imageId": image["imageId"], "osType": image["osType"], "status": "installing"}
    instance["_userData"] = body.get("userData", "")  # bookkeeping: what cloud-init will run
    instance["defaultUser"] = body.get("defaultUser", instance["defaultUser"])
    instance["applicationId"] = body.get("applicationId", "")  # a reinstall replaces it
    state.schedule_status(instance["instanceId"], state.config.provision_seconds / 2, "running")
    ctx.audit("instances", "UPDATED", instanceId=instance["instanceId"])
    return ctx.one(200, _summary(instance))


@operation("cancelInstance")
def cancel_instance(ctx: Context) -> Reply:
    instance = _instance(ctx)
    if instance["cancelDate"]:
        raise ApiError(409, f"Instance {instance['instanceId']} is already cancelled")
    requested = (ctx.body or {}).get("cancelDate")
    cancel_on = requested.date() if hasattr(requested, "date") else _term_end(ctx.state, instance)
    instance["cancelDate"] = cancel_on.isoformat()
    ctx.audit("instances", "UPDATED", instanceId=instance["instanceId"])
    data = {"tenantId": TENANT_ID, "customerId": CUSTOMER_ID, "instanceId": instance["instanceId"]}
    return ctx.one(201, data | {"cancelDate": instance["cancelDate"]})


@operation("upgradeInstance")
def upgrade_instance(ctx: Context) -> Reply:
    instance = _instance(ctx)
    existing = {a["id"] for a in instance["addOns"]}
    added = [a for a in _addon_ids(ctx.body or {}) if a not in existing]
    if not added:
        raise ApiError(
            400, ["Please provide at least one addon that the instance does not have yet"]
        )
    instance["addOns"] += [{"id": addon_id, "quantity": 1} for addon_id in added]
    ctx.audit("instances", "UPDATED", instanceId=instance["instanceId"])
    return ctx.one(200, _summary(instance))


@operation(*ACTIONS)
def instance_action(ctx: Context) -> Reply:
    instance = _instance(ctx)
    final_status, allowed_from = ACTIONS[ctx.operation_id]
    if instance["status"] not in allowed_from:
        raise ApiError(
            409, f"Action {ctx.operation_id} is not possible while instance is {instance['status']}"
        )
    if ctx.operation_id == "rescue":
        body = ctx.body or {}
        _secret_ids(ctx.state, body.get("sshKeys") or [], "ssh")
        _secret_ids(ctx.state, [body["rootPassword"]] if "rootPassword" in body else [], "password")
    if ctx.operation_id == "resetPasswordAction":
        instance["status"] = "reset_password"
    ctx.state.schedule_status(instance["instanceId"], ACTION_SECONDS, final_status)
    action = ctx.operation_id.removesuffix("Action")
    ctx.audit(
        "instanceActions", "CREATED", instanceId=instance["instanceId"], changes={"action": action}
    )
    data = {"tenantId": TENANT_ID, "customerId": CUSTOMER_ID, "instanceId": instance["instanceId"]}
    return ctx.one(201, data | {"action": action})


@operation("retrieveInstancesAuditsList")
def instance_audits(ctx: Context) -> Reply:
    return by_request_id(ctx, "instances", ("instanceId",))


@operation("retrieveInstancesActionsAuditsList")
def instance_action_audits(ctx: Context) -> Reply:
    return by_request_id(ctx, "instanceActions", ("instanceId",))


def find_instance(state: SimState, instance_id: Any) -> dict[str, Any]:
    return require(state.instances.get(int(instance_id)), "Instance", instance_id)


def _instance(ctx: Context) -> dict[str, Any]:
    return find_instance(ctx.state, ctx.path["instanceId"])


def _public(instance: dict[str, Any]) -> dict[str, Any]:
    """Drop the simulator's bookkeeping fields (leading underscore) that Contabo does not send."""
    return {k: v for k, v in instance.items() if not k.startswith("_")}


def _summary(instance: dict[str, Any]) -> dict[str, Any]:
    return {k: instance[k] for k in ("tenantId", "customerId", "instanceId", "createdDate")}


def _schedule_provisioning(state: SimState, instance: dict[str, Any]) -> None:
    seconds = state.config.provision_seconds
    failure = state.faults.provisioning_failure(instance["productId"])
    state.schedule_status(instance["instanceId"], seconds / 2, failure or "installing")
    if failure is None:
        state.schedule_status(instance["instanceId"], seconds, "running")


def _secret_ids(state: SimState, ids: list[int], secret_type: str) -> list[int]:
    for secret_id in ids:
        secret = state.secrets.get(int(secret_id))
        if secret is None or secret["type"] != secret_type:
            raise ApiError(
                404, f"Entry Secret not found by secretId {secret_id} and type {secret_type}"
            )
    return [int(i) for i in ids]


def _assign_ordered_ip(state: SimState, instance: dict[str, Any]) -> None:
    """An additional IPv4 bought with the instance: a new VIP of the account, assigned to it."""
    n = state.next_id("orderedIp") - 1  # 198.51.101.1 upwards, never one handed out before
    vip = state.add_vip(f"198.51.{101 + n // 254}.{n % 254 + 1}", instance["region"])
    vip |= {"resourceId": str(instance["instanceId"]), "resourceName": instance["name"]}
    vip["resourceDisplayName"] = instance["displayName"]
    v4 = vip["v4"]
    instance["additionalIps"].append(
        {"v4": {"ip": v4["ip"], "netmaskCidr": v4["netmaskCidr"], "gateway": v4["gateway"]}}
    )


def _ordered_add_ons(addons: dict[str, Any]) -> list[dict[str, int]]:
    """The named add-ons (one each) plus ``addonsIds`` (product-list id and quantity), one entry
    per id as the instance lists them; an id the product list does not know is refused."""
    named = {name: value for name, value in addons.items() if name != "extraStorage"}
    quantities = {addon_id: 1 for addon_id in _addon_ids(named)}
    disks = _extra_disks_tb(addons.get("extraStorage") or {})
    if disks:
        quantities[ADDON_IDS["extraStorage"]] = len(disks)
    for entry in addons.get("addonsIds") or []:
        if int(entry["id"]) not in ADDON_IDS.values():
            raise ApiError(400, f"Addon {entry['id']} is not available for this product")
        if int(entry["quantity"]) < 1:
            raise ApiError(400, "Addon quantity must be at least 1")
        quantities[int(entry["id"])] = quantities.get(int(entry["id"]), 0) + int(entry["quantity"])
    return [{"id": addon_id, "quantity": n} for addon_id, n in quantities.items()]


def _extra_disks_tb(extra: dict[str, Any]) -> list[float]:
    """ExtraStorageRequest: per medium, one size in TB per disk; a size that is no positive
    number (up to 16 TB) is refused as Contabo refuses an unknown add-on."""
    sizes = []
    for medium in ("ssd", "nvme"):
        for text in extra.get(medium) or []:
            try:
                size = float(text)
            except ValueError:
                raise ApiError(400, f"Extra storage size '{text}' is not a size in TB") from None
            if not 0 < size <= 16:
                raise ApiError(400, f"Extra storage size {text} TB is not available")
            sizes.append(size)
    return sizes


def _ordered_ip_count(add_ons: list[dict[str, int]]) -> int:
    return sum(a["quantity"] for a in add_ons if a["id"] == ADDITIONAL_IPV4_ADDON_ID)


def _addon_ids(addons: dict[str, Any]) -> list[int]:
    return [ADDON_IDS[name] for name in addons if name in ADDON_IDS]


def _term_end(state: SimState, instance: dict[str, Any]) -> date:
    """Contabo cancels at the end of the running contract period (months of ~30 days)."""
    created = date.fromisoformat(instance["createdDate"][:10])
    period_days = 30 * int(instance["_period"])
    today = state.clock.now().date()
    end = created + timedelta(days=period_days)
    while end < today:
        end += timedelta(days=period_days)
    return end
