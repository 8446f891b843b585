"""DNS zones and their records (A, AAAA, CAA, CNAME, MX, SRV, TXT), bulk delete, and the zone and
record audit lists. Record data is checked per type as a DNS server would load it; a record the
zone could not serve answers 400 naming the field."""

import ipaddress
import re
from typing import Any

from ..errors import ApiError
from ..state import CUSTOMER_ID, TENANT_ID
from . import Context, Reply, by_request_id, operation, require

CAA_TAGS = ("issue", "issuewild", "iodef")
_HOSTNAME = re.compile(r"^(?=.{1,253}$)((?!-)[a-z0-9_-]{1,63}(?<!-)\.)*(?!-)[a-z0-9-]{1,63}(?<!-)$")
_NAME = re.compile(r"^(@|\*|(\*\.)?((?!-)[a-z0-9_-]{1,63}(?<!-)\.?)+)$")
_RECORD_DEFAULTS = {"prio": 0, "port": 0, "weight": 0, "flag": 0, "tag": ""}
_RECORD_FIELDS = ("ttl", "prio", "data", "port", "weight", "flag", "tag")


@operation("createDnsZone")
def create_zone(ctx: Context) -> Reply:
    name = _zone_name(ctx.body["zoneName"])
    if name in ctx.state.dns_zones:
        raise ApiError(409, f"Zone {name} already exists")
    ctx.state.dns_zones[name] = {"zoneName": name, "_records": {}}
    ctx.audit("dnsZones", "CREATED", name=name, changes={"new": {"name": name}})
    return ctx.one(201, _zone_view(ctx.state.dns_zones[name]), f"{ctx.url_path}/{name}")


@operation("retrieveDnsZonesList")
def list_zones(ctx: Context) -> Reply:
    items = list(ctx.state.dns_zones.values())
    if "zoneName" in ctx.query:
        items = [z for z in items if z["zoneName"] == ctx.query["zoneName"].lower()]
    return ctx.page(items, _zone_view)


@operation("retrieveDnsZone")
def retrieve_zone(ctx: Context) -> Reply:
    return ctx.one(200, _zone_view(_zone(ctx)))


@operation("deleteDnsZone")
def delete_zone(ctx: Context) -> Reply:
    zone = _zone(ctx)
    del ctx.state.dns_zones[zone["zoneName"]]
    ctx.audit("dnsZones", "DELETED", name=zone["zoneName"])
    return Reply(204)


@operation("retrieveDnsZoneRecordsList")
def list_records(ctx: Context) -> Reply:
    zone = _zone(ctx)
    items = list(zone["_records"].values())
    if "search" in ctx.query:
        needle = ctx.query["search"].lower()
        items = [r for r in items if needle in r["name"].lower() or needle in r["data"].lower()]
    return ctx.page(items)


@operation("createDnsZoneRecord")
def create_record(ctx: Context) -> Reply:
    state, zone, body = ctx.state, _zone(ctx), ctx.body
    name = _record_name(body.get("name") or zone["zoneName"], zone["zoneName"])
    record = {"tenantId": TENANT_ID, "customerId": CUSTOMER_ID, "recordId": state.next_id("record")}
    record |= {"name": name, "type": body["type"]} | _RECORD_DEFAULTS
    record |= {k: body[k] for k in _RECORD_FIELDS if body.get(k) is not None}
    _check_record(record)
    _check_cname_alone(zone, record)
    zone["_records"][record["recordId"]] = record
    ctx.audit(
        "dnsRecords",
        "CREATED",
        recordId=record["recordId"],
        zoneName=zone["zoneName"],
        changes={"new": _changes(record)},
    )
    return ctx.one(201, record, f"{ctx.url_path}/{record['recordId']}")


@operation("updateDnsZoneRecord")
def update_record(ctx: Context) -> Reply:
    zone = _zone(ctx)
    record_id = int(ctx.path["recordId"])
    record = require(zone["_records"].get(record_id), "Record", record_id)
    updated = record | {k: ctx.body[k] for k in _RECORD_FIELDS if ctx.body.get(k) is not None}
    _check_record(updated)
    prev = _changes(record)
    record.update(updated)
    ctx.audit(
        "dnsRecords",
        "UPDATED",
        recordId=record_id,
        zoneName=zone["zoneName"],
        changes={"prev": prev, "new": _changes(record)},
    )
    return ctx.one(200, record)


@operation("deleteDnsZoneRecord")
def delete_record(ctx: Context) -> Reply:
    zone = _zone(ctx)
    record_id = int(ctx.path["recordId"])
    require(zone["_records"].pop(record_id, None), "Record", record_id)
    ctx.audit("dnsRecords", "DELETED", recordId=record_id, zoneName=zone["zoneName"])
    return Reply(204)


@operation("bulkDeleteDnsZoneRecords")
def bulk_delete_records(ctx: Context) -> Reply:
    zone = _zone(ctx)
    failed = []
    for record_id in ctx.body["recordIds"]:
        if zone["_records"].pop(int(record_id), None) is None:
            failed.append(record_id)
            continue
        ctx.audit("dnsRecords", "DELETED", recordId=int(record_id), zoneName=zone["zoneName"])
    data = {"tenantId": TENANT_ID, "customerId": CUSTOMER_ID, "failedIds": failed}
    return ctx.one(200, data)


@operation("retrieveDnsAuditsList")
def zone_audits(ctx: Context) -> Reply:
    return by_request_id(ctx, "dnsZones", ("name",))


@operation("retrieveRecordAuditsList")
def record_audits(ctx: Context) -> Reply:
    return by_request_id(ctx, "dnsRecords", ("recordId",))


# helpers -----------------------------------------------------------------------------------
def _zone(ctx: Context) -> dict[str, Any]:
    name = ctx.path["zoneName"].strip().lower().rstrip(".")
    return require(ctx.state.dns_zones.get(name), "Zone", ctx.path["zoneName"])


def _zone_view(zone: dict[str, Any]) -> dict[str, Any]:
    return {"tenantId": TENANT_ID, "customerId": CUSTOMER_ID, "zoneName": zone["zoneName"]}


def _zone_name(raw: str) -> str:
    name = raw.strip().lower().rstrip(".")
    if "." not in name or not _HOSTNAME.match(name):
        raise ApiError(400, [f"zoneName {raw} is not a valid domain name"])
    return name


def _record_name(raw: str, zone_name: str) -> str:
    name = raw.strip().lower()
    if not _NAME.match(name):
        raise ApiError(400, [f"name {raw} is not a valid record name"])
    return zone_name if name == "@" else name


def _check_record(record: dict[str, Any]) -> None:
    kind, data = record["type"], record["data"].strip()
    if record["ttl"] < 60 or record["ttl"] > 604800:
        raise ApiError(400, ["ttl must be between 60 and 604800 seconds"])
    if kind == "A":
        _require(_is_ip(data, ipaddress.IPv4Address), "data must be an IPv4 address for A")
    elif kind == "AAAA":
        _require(_is_ip(data, ipaddress.IPv6Address), "data must be an IPv6 address for AAAA")
    elif kind in ("CNAME", "MX"):
        _require(_is_host(data), f"data must be a host name for {kind}")
        if kind == "MX":
            _require(0 <= record["prio"] <= 65535, "prio must be between 0 and 65535 for MX")
    elif kind == "SRV":
        _require(_is_host(data), "data must be the target host name for SRV")
        for field in ("prio", "weight", "port"):
            _require(0 <= record[field] <= 65535, f"{field} must be between 0 and 65535 for SRV")
        _require(record["port"] > 0, "port is required for SRV")
    elif kind == "CAA":
        _require(record["tag"] in CAA_TAGS, f"tag must be one of {', '.join(CAA_TAGS)} for CAA")
        _require(record["flag"] in (0, 128), "flag must be 0 or 128 for CAA")
        _require(bool(data), "data must name the certificate authority for CAA")
    elif kind == "TXT":
        _require(0 < len(data) <= 4096, "data must be 1 to 4096 characters for TXT")


def _check_cname_alone(zone: dict[str, Any], record: dict[str, Any]) -> None:
    """A CNAME owns its name: no other record may share it (RFC 1034 3.6.2)."""
    same_name = [r for r in zone["_records"].values() if r["name"] == record["name"]]
    if same_name and (record["type"] == "CNAME" or any(r["type"] == "CNAME" for r in same_name)):
        raise ApiError(409, f"A CNAME record cannot share the name {record['name']}")


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise ApiError(400, [message])


def _is_ip(value: str, kind: type) -> bool:
    try:
        return isinstance(ipaddress.ip_address(value), kind)
    except ValueError:
        return False


def _is_host(value: str) -> bool:
    return bool(_HOSTNAME.match(value.lower().rstrip(".")))


def _changes(record: dict[str, Any]) -> dict[str, Any]:
    return {k: record[k] for k in ("name", "type", *_RECORD_FIELDS)}
