"""Firewalls (only in the 2026-08 normalized spec): CRUD, inbound rules, instance assignment."""

import uuid
from typing import Any

from ..catalog import REGIONS
from ..clock import iso
from ..errors import ApiError
from ..state import CUSTOMER_ID, TENANT_ID
from . import Context, Reply, by_request_id, number_list, operation, require
from .instances import find_instance

PRESET_RULES = {
    "SSH": [{"protocol": "tcp", "destPorts": ["22"]}],
    "HTTP": [{"protocol": "tcp", "destPorts": ["80"]}],
    "HTTPS": [{"protocol": "tcp", "destPorts": ["443"]}],
    "DNS": [{"protocol": "udp", "destPorts": ["53"]}, {"protocol": "tcp", "destPorts": ["53"]}],
}


@operation("createFirewall")
def create_firewall(ctx: Context) -> Reply:
    if any(f["name"] == ctx.body["name"] for f in ctx.state.firewalls.values()):
        raise ApiError(409, f"Firewall with name {ctx.body['name']} already exists")
    firewall_id, now = str(uuid.uuid4()), iso(ctx.state.clock.now())
    firewall = {
        "tenantId": TENANT_ID,
        "customerId": CUSTOMER_ID,
        "firewallId": firewall_id,
        "name": ctx.body["name"],
        "description": ctx.body.get("description", ""),
        "status": ctx.body["status"],
        "isDefault": False,
        "instanceStatus": [],
        "instances": [],
        "rules": {"inbound": _rules(ctx.body.get("rules", {}))},
        "createdDate": now,
        "updatedDate": now,
    }
    ctx.state.firewalls[firewall_id] = firewall
    ctx.audit("firewalls", "CREATED", firewallId=firewall_id)
    return ctx.one(201, firewall, f"{ctx.url_path}/{firewall_id}")


@operation("retrieveFirewallList")
def list_firewalls(ctx: Context) -> Reply:
    items = list(ctx.state.firewalls.values())
    if "name" in ctx.query:
        items = [f for f in items if f["name"] == ctx.query["name"]]
    ids = number_list(ctx.query, "instanceIds")
    if ids is not None:
        items = [f for f in items if ids & {i["instanceId"] for i in f["instances"]}]
    return ctx.page(items)


@operation("retrieveFirewall")
def retrieve_firewall(ctx: Context) -> Reply:
    return ctx.one(200, _firewall(ctx))


@operation("patchFirewall")
def patch_firewall(ctx: Context) -> Reply:
    firewall = _firewall(ctx)
    firewall |= {k: v for k, v in ctx.body.items() if k in ("name", "description", "status")}
    return _updated(ctx, firewall)


@operation("putFirewall")
def put_firewall(ctx: Context) -> Reply:
    """PUT replaces the inbound rule set."""
    firewall = _firewall(ctx)
    firewall["rules"] = {"inbound": _rules(ctx.body.get("rules", {}))}
    return _updated(ctx, firewall)


@operation("deleteFirewall")
def delete_firewall(ctx: Context) -> Reply:
    """The spec: "A firewall cannot be deleted if there are instances attached to it"."""
    firewall = _firewall(ctx)
    if firewall["instances"]:
        raise ApiError(
            409, f"Firewall {firewall['firewallId']} cannot be deleted: instances are attached"
        )
    del ctx.state.firewalls[firewall["firewallId"]]
    ctx.audit("firewalls", "DELETED", firewallId=firewall["firewallId"])
    return Reply(204)


@operation("assignInstanceFirewall")
def assign_instance(ctx: Context) -> Reply:
    firewall = _firewall(ctx)
    instance = find_instance(ctx.state, ctx.path["instanceId"])
    if any(i["instanceId"] == instance["instanceId"] for i in firewall["instances"]):
        raise ApiError(
            409, f"Instance {instance['instanceId']} is already assigned to this firewall"
        )
    region = REGIONS[instance["region"]]
    firewall["instances"].append(
        {
            "instanceId": instance["instanceId"],
            "displayName": instance["displayName"],
            "name": instance["name"],
            "productId": instance["productId"],
            "ipConfig": instance["ipConfig"],
            "regionSlug": region.slug,
            "regionName": region.name,
            "dataCenterSlug": region.data_center_slug,
            "dataCenterName": region.data_center,
        }
    )
    firewall["instanceStatus"].append({"instanceId": instance["instanceId"], "status": "ok"})
    ctx.audit("firewalls", "UPDATED", firewallId=firewall["firewallId"])
    return Reply(201, {"_links": _assignment_links(ctx, firewall, instance["instanceId"])})


@operation("unassignInstanceFirewall")
def unassign_instance(ctx: Context) -> Reply:
    firewall = _firewall(ctx)
    instance_id = int(ctx.path["instanceId"])
    if not any(i["instanceId"] == instance_id for i in firewall["instances"]):
        raise ApiError(
            404, f"Instance {instance_id} is not assigned to firewall {firewall['firewallId']}"
        )
    firewall["instances"] = [i for i in firewall["instances"] if i["instanceId"] != instance_id]
    firewall["instanceStatus"] = [
        s for s in firewall["instanceStatus"] if s["instanceId"] != instance_id
    ]
    ctx.audit("firewalls", "UPDATED", firewallId=firewall["firewallId"])
    return Reply(200, {"_links": _assignment_links(ctx, firewall, instance_id)})


@operation("retrievePresetRules")
def preset_rules(ctx: Context) -> Reply:
    items = [
        {"name": name, "macro": {"inbound": _rules({"inbound": rules})}}
        for name, rules in PRESET_RULES.items()
    ]
    return ctx.page(items)


@operation("retrieveFirewallAuditsList")
def firewall_audits(ctx: Context) -> Reply:
    return by_request_id(ctx, "firewalls", ("firewallId",))


def _rules(rules: dict[str, Any]) -> list[dict[str, Any]]:
    """Stored rules carry every response field (spec defaults for what the request left out)."""
    return [
        {
            "protocol": rule.get("protocol", ""),
            "destPorts": list(rule.get("destPorts", [])),
            "srcCidr": rule.get("srcCidr") or {"ipv4": ["0.0.0.0/0"], "ipv6": ["::/0"]},
            "action": rule.get("action", "accept"),
            "status": rule.get("status", "active"),
            "displayName": rule.get("displayName", ""),
        }
        for rule in rules.get("inbound", [])
    ]


def _assignment_links(ctx: Context, firewall: dict[str, Any], instance_id: int) -> dict[str, str]:
    firewall_link = f"/v1/firewalls/{firewall['firewallId']}"
    instance_link = f"/v1/compute/instances/{instance_id}"
    return {"self": ctx.url_path, "firewall": firewall_link, "instance": instance_link}


def _updated(ctx: Context, firewall: dict[str, Any]) -> Reply:
    firewall["updatedDate"] = iso(ctx.state.clock.now())
    ctx.audit("firewalls", "UPDATED", firewallId=firewall["firewallId"])
    return ctx.one(200, firewall)


def _firewall(ctx: Context) -> dict[str, Any]:
    return require(
        ctx.state.firewalls.get(ctx.path["firewallId"]), "Firewall", ctx.path["firewallId"]
    )
