"""Private networks, VIPs (additional IPs) and PTR records."""

import ipaddress
from typing import Any

from ..catalog import REGIONS
from ..clock import iso
from ..errors import ApiError
from ..state import CUSTOMER_ID, TENANT_ID
from . import Context, Reply, by_request_id, number_list, operation, require
from .instances import find_instance

PRIVATE_NETWORK_SIZE = 254  # a /24
DEFAULT_PTR_DOMAIN = "contaboserver.net"
DEFAULT_PTR_TTL = 86400


@operation("createPrivateNetwork")
def create_private_network(ctx: Context) -> Reply:
    network_id = ctx.state.next_id("privateNetwork")
    region = REGIONS.get(ctx.body.get("region", "EU")) or REGIONS["EU"]
    network = {
        "tenantId": TENANT_ID,
        "customerId": CUSTOMER_ID,
        "privateNetworkId": network_id,
        "dataCenter": region.data_center,
        "region": region.slug,
        "regionName": region.name,
        "name": ctx.body["name"],
        "description": ctx.body.get("description", ""),
        "cidr": f"10.{network_id // 256 % 256}.{network_id % 256}.0/24",
        "availableIps": PRIVATE_NETWORK_SIZE,
        "createdDate": iso(ctx.state.clock.now()),
        "instances": [],
    }
    ctx.state.private_networks[network_id] = network
    ctx.audit("privateNetworks", "CREATED", privateNetworkId=network_id)
    return ctx.one(201, network, f"{ctx.url_path}/{network_id}")


@operation("retrievePrivateNetworkList")
def list_private_networks(ctx: Context) -> Reply:
    items = list(ctx.state.private_networks.values())
    for name in ("name", "region", "dataCenter"):
        if name in ctx.query:
            items = [n for n in items if n[name] == ctx.query[name]]
    ids = number_list(ctx.query, "instanceIds")
    if ids is not None:
        items = [n for n in items if ids & {i["instanceId"] for i in n["instances"]}]
    return ctx.page(items)


@operation("retrievePrivateNetwork")
def retrieve_private_network(ctx: Context) -> Reply:
    return ctx.one(200, _network(ctx))


@operation("patchPrivateNetwork")
def patch_private_network(ctx: Context) -> Reply:
    network = _network(ctx)
    network |= {k: v for k, v in ctx.body.items() if k in ("name", "description")}
    ctx.audit("privateNetworks", "UPDATED", privateNetworkId=network["privateNetworkId"])
    return ctx.one(200, network)


@operation("deletePrivateNetwork")
def delete_private_network(ctx: Context) -> Reply:
    network = _network(ctx)
    del ctx.state.private_networks[network["privateNetworkId"]]
    ctx.audit("privateNetworks", "DELETED", privateNetworkId=network["privateNetworkId"])
    return Reply(204)


@operation("assignInstancePrivateNetwork")
def assign_instance(ctx: Context) -> Reply:
    network = _network(ctx)
    instance = find_instance(ctx.state, ctx.path["instanceId"])
    if not any(a["id"] == 1477 for a in instance["addOns"]):
        raise ApiError(400, "Instance has no Private Networking addon; upgrade the instance first")
    if any(i["instanceId"] == instance["instanceId"] for i in network["instances"]):
        raise ApiError(409, f"Instance {instance['instanceId']} is already in private network")
    host = PRIVATE_NETWORK_SIZE - network["availableIps"] + 1
    network_prefix = network["cidr"].rsplit(".", 1)[0]
    network["instances"].append(
        {
            "instanceId": instance["instanceId"],
            "displayName": instance["displayName"],
            "name": instance["name"],
            "productId": instance["productId"],
            "privateIpConfig": {
                "v4": [
                    {
                        "ip": f"{network_prefix}.{host}",
                        "netmaskCidr": 24,
                        "gateway": f"{network_prefix}.254",
                    }
                ]
            },
            "ipConfig": instance["ipConfig"],
            "status": "restart",
        }
    )
    network["availableIps"] -= 1
    ctx.audit("privateNetworks", "UPDATED", privateNetworkId=network["privateNetworkId"])
    return Reply(201, {"_links": _assignment_links(ctx, network, instance["instanceId"])})


@operation("unassignInstancePrivateNetwork")
def unassign_instance(ctx: Context) -> Reply:
    network = _network(ctx)
    instance_id = int(ctx.path["instanceId"])
    remaining = [i for i in network["instances"] if i["instanceId"] != instance_id]
    if len(remaining) == len(network["instances"]):
        raise ApiError(
            404, f"Instance {instance_id} is not in private network {network['privateNetworkId']}"
        )
    network["instances"] = remaining
    network["availableIps"] += 1
    ctx.audit("privateNetworks", "UPDATED", privateNetworkId=network["privateNetworkId"])
    return Reply(201, {"_links": _assignment_links(ctx, network, instance_id)})


@operation("retrievePrivateNetworkAuditsList")
def private_network_audits(ctx: Context) -> Reply:
    return by_request_id(ctx, "privateNetworks", ("privateNetworkId",))


@operation("retrieveVipList")
def list_vips(ctx: Context) -> Reply:
    items = list(ctx.state.vips.values())
    for name in (
        "resourceId",
        "resourceType",
        "resourceName",
        "ipVersion",
        "type",
        "dataCenter",
        "region",
    ):
        if name in ctx.query:
            items = [v for v in items if v[name] == ctx.query[name]]
    if "ips" in ctx.query:
        ips = set(str(ctx.query["ips"]).replace(" ", "").split(","))
        items = [v for v in items if v["ipAddress"] in ips]
    return ctx.page(items)


@operation("retrieveVip")
def retrieve_vip(ctx: Context) -> Reply:
    return ctx.one(200, _vip(ctx))


@operation("assignIp")
def assign_vip(ctx: Context) -> Reply:
    vip = _vip(ctx)
    instance = find_instance(ctx.state, ctx.path["resourceId"])
    if vip["resourceId"]:
        raise ApiError(409, f"IP {vip['ipAddress']} is already assigned")
    if vip["region"] != instance["region"]:
        raise ApiError(
            400,
            f"IP {vip['ipAddress']} is in region {vip['region']}, instance in {instance['region']}",
        )
    vip |= {"resourceId": str(instance["instanceId"]), "resourceType": ctx.path["resourceType"]}
    vip |= {"resourceName": instance["name"], "resourceDisplayName": instance["displayName"]}
    # The instance lists its additional IPs too (additionalIps), as Contabo shows them.
    v4 = vip["v4"]
    instance["additionalIps"].append(
        {"v4": {"ip": v4["ip"], "netmaskCidr": v4["netmaskCidr"], "gateway": v4["gateway"]}}
    )
    ctx.audit("vips", "UPDATED", vipId=vip["vipId"])
    return ctx.one(200, vip)


@operation("unassignIp")
def unassign_vip(ctx: Context) -> Reply:
    vip = _vip(ctx)
    if vip["resourceId"] != str(ctx.path["resourceId"]):
        raise ApiError(404, f"IP {vip['ipAddress']} is not assigned to {ctx.path['resourceId']}")
    instance = ctx.state.instances.get(int(vip["resourceId"]))
    if instance is not None:
        instance["additionalIps"] = [
            a for a in instance["additionalIps"] if a["v4"]["ip"] != vip["v4"]["ip"]
        ]
    vip |= {"resourceId": "", "resourceName": "", "resourceDisplayName": ""}
    ctx.audit("vips", "UPDATED", vipId=vip["vipId"])
    return Reply(204)


@operation("retrieveVipAuditsList")
def vip_audits(ctx: Context) -> Reply:
    return by_request_id(ctx, "vips", ("vipId",))


@operation("retrievePtrRecordsList")
def list_ptrs(ctx: Context) -> Reply:
    if ctx.query.get("customerId", CUSTOMER_ID) != CUSTOMER_ID or (
        ctx.query.get("tenantId", TENANT_ID) != TENANT_ID
    ):
        return ctx.page([])
    items = [_ptr(ip, record) for ip, record in _ptr_records(ctx).items()]
    if "ips" in ctx.query:
        wanted = {
            _normalized(ip.strip()) for value in ctx.query["ips"] for ip in str(value).split(",")
        }
        items = [p for p in items if p["ip"] in wanted]
    if "search" in ctx.query:
        items = [
            p for p in items if ctx.query["search"] in p["ip"] or ctx.query["search"] in p["ptr"]
        ]
    return ctx.page(items)


@operation("retrievePtrRecord")
def retrieve_ptr(ctx: Context) -> Reply:
    ip, record = _ptr_record(ctx, ctx.path["ipAddress"])
    return ctx.one(200, _ptr(ip, record))


@operation("createPtrRecord")
def create_ptr(ctx: Context) -> Reply:
    """Contabo: "Only IPv6 can be created", for addresses of the account's IPv6 networks."""
    ip = _ipv6_only(ctx.body["ip"], "created")
    if ip in _ptr_records(ctx):
        raise ApiError(409, f"PTR record for {ip} already exists; change it with PUT")
    if not _in_own_ipv6_network(ctx, ip):
        raise ApiError(404, f"Entry IP address not found by ipAddress {ip}")
    record = {"ptr": ctx.body["ptr"], "ttl": int(ctx.body["ttl"])}
    ctx.state.ptrs[ip] = record
    return ctx.one(201, _ptr(ip, record), f"{ctx.url_path}/{ip}")


@operation("updatePtrRecord")
def update_ptr(ctx: Context) -> Reply:
    ip, record = _ptr_record(ctx, ctx.path["ipAddress"])
    ctx.state.ptrs[ip] = record | {"ptr": ctx.body["ptr"]}
    return Reply(204)


@operation("deletePtrRecord")
def delete_ptr(ctx: Context) -> Reply:
    """Contabo: "Only IPv6 can be deleted". An IP the account holds falls back to its default."""
    ip = _ipv6_only(ctx.path["ipAddress"], "deleted")
    _ptr_record(ctx, ip)
    ctx.state.ptrs.pop(ip, None)
    return Reply(204)


def _assignment_links(ctx: Context, network: dict[str, Any], instance_id: int) -> dict[str, str]:
    network_link = f"/v1/private-networks/{network['privateNetworkId']}"
    instance_link = f"/v1/compute/instances/{instance_id}"
    return {"self": ctx.url_path, "virtualPrivateCloud": network_link, "instance": instance_link}


def _default_ptrs(ctx: Context) -> dict[str, dict[str, Any]]:
    """Every IP the account holds has a PTR record from the start, as at Contabo: the
    instance's host name for its own IPs and for VIPs assigned to it, empty otherwise."""
    defaults: dict[str, dict[str, Any]] = {}
    for instance in ctx.state.instances.values():
        host = {"ptr": f"{instance['name']}.{DEFAULT_PTR_DOMAIN}", "ttl": DEFAULT_PTR_TTL}
        defaults[instance["ipConfig"]["v4"]["ip"]] = host
        defaults[instance["ipConfig"]["v6"]["ip"]] = host
    for ip, vip in ctx.state.vips.items():
        owner = ctx.state.instances.get(int(vip["resourceId"])) if vip["resourceId"] else None
        ptr = f"{owner['name']}.{DEFAULT_PTR_DOMAIN}" if owner else ""
        defaults[ip] = {"ptr": ptr, "ttl": DEFAULT_PTR_TTL}
    return defaults


def _ptr_records(ctx: Context) -> dict[str, dict[str, Any]]:
    """Defaults overlaid with what was set (PUT) or created (POST, IPv6)."""
    return _default_ptrs(ctx) | ctx.state.ptrs


def _ptr_record(ctx: Context, ip: str) -> tuple[str, dict[str, Any]]:
    ip = _normalized(ip)
    record = _ptr_records(ctx).get(ip)
    if record is None:
        raise ApiError(404, f"Entry IP address not found by ipAddress {ip}")
    return ip, record


def _ipv6_only(ip: str, verb: str) -> str:
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        raise ApiError(400, [f"ip must be an IP address, got {ip!r}"]) from None
    if address.version != 6:
        raise ApiError(400, f"Only IPv6 PTR records can be {verb}; {ip} is IPv4")
    return address.compressed


def _in_own_ipv6_network(ctx: Context, ip: str) -> bool:
    address = ipaddress.ip_address(ip)
    return any(
        address
        in ipaddress.ip_network(
            f"{i['ipConfig']['v6']['ip']}/{i['ipConfig']['v6']['netmaskCidr']}", strict=False
        )
        for i in ctx.state.instances.values()
    )


def _normalized(ip: str) -> str:
    try:
        return ipaddress.ip_address(ip).compressed
    except ValueError:
        return ip


def _ptr(ip: str, record: dict[str, Any]) -> dict[str, Any]:
    return {"tenantId": TENANT_ID, "customerId": CUSTOMER_ID, "ip": ip} | record


def _network(ctx: Context) -> dict[str, Any]:
    network_id = ctx.path["privateNetworkId"]
    return require(ctx.state.private_networks.get(int(network_id)), "PrivateNetwork", network_id)


def _vip(ctx: Context) -> dict[str, Any]:
    return require(ctx.state.vips.get(ctx.path["ip"]), "VIP", ctx.path["ip"])
