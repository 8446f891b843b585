"""An instance's plan offers and region change (the 2026-08 spec): offers are the bigger plans
of the same family; a region change answers a support ticket and moves the instance later."""

from typing import Any

from ..catalog import PRODUCTS, REGIONS
from ..errors import CmsError
from ..state import CUSTOMER_ID, TENANT_ID
from . import Context, Reply, operation
from .instances import find_instance

REGION_CHANGE_SECONDS = 600  # the move happens this long after the ticket
_TICKETS = iter(range(700001, 10**7))


@operation("retrieveAvailableInstanceProducts")
def available_products(ctx: Context) -> Reply:
    instance = find_instance(ctx.state, ctx.path["instanceId"])
    current = PRODUCTS[instance["productId"]]
    offers = [
        _offer(instance, product, n)
        for n, product in enumerate(PRODUCTS.values(), start=800)
        if product.product_type == current.product_type
        and product.product_id != current.product_id
        and product.disk_mb >= current.disk_mb
        and product.ram_mb >= current.ram_mb
    ]
    return Reply(200, {"data": offers, "_links": {"self": ctx.url_path}})


@operation("checkSetNewHost")
def check_new_host(ctx: Context) -> Reply:
    instance = find_instance(ctx.state, ctx.path["instanceId"])
    if instance["status"] != "running" or instance.get("_regionChange"):
        raise CmsError(400, ["instance_not_movable"])
    return Reply(204)


@operation("requestRegionChange")
def request_region_change(ctx: Context) -> Reply:
    instance = find_instance(ctx.state, ctx.path["instanceId"])
    region = REGIONS.get(ctx.body["region"])
    if region is None or region.slug == instance["region"]:
        raise CmsError(400, ["invalid_region"])
    if instance.get("_regionChange"):
        raise CmsError(400, ["region_change_pending"])
    ticket = next(_TICKETS)
    instance["_regionChange"] = ticket
    ctx.state.schedule_change(
        instance["instanceId"],
        REGION_CHANGE_SECONDS,
        {
            "region": region.slug,
            "regionName": region.name,
            "dataCenter": region.data_center,
            "_regionChange": None,
        },
    )
    ctx.audit("instances", "UPDATED", instanceId=instance["instanceId"])
    data = {"tenantId": TENANT_ID, "customerId": CUSTOMER_ID, "ticketNumber": ticket}
    return Reply(200, {"data": [data], "_links": {"self": ctx.url_path}})


def _offer(instance: dict[str, Any], product: Any, offer_id: int) -> dict[str, Any]:
    return {
        "tenantId": TENANT_ID,
        "customerId": CUSTOMER_ID,
        "instanceId": instance["instanceId"],
        "productId": product.product_id,
        "name": product.name,
        "category": product.product_type,
        "ramSizeGb": product.ram_mb / 1024,
        "diskSizeGb": product.disk_mb / 1024,
        "cpuCores": product.cpu_cores,
        "netSpeed": 600,
        "snapshots": 2,
        # The simulator has no price list (neither does the API elsewhere): prices are 0.
        "vsPrice": 0.0,
        "windowsPrice": 0.0,
        "backupPrice": 0.0,
        "storageExtensionPrice": 0.0,
        "locationFeePrice": 0.0,
        "addonsPrice": 0.0,
        "hasStorageExtension": False,
        "offerId": offer_id,
        "current": False,
        "locationChangeRequired": False,
        "liveMigrationAvailable": True,
        "requiredConfirmations": [],
    }
