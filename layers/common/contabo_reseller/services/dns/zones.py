"""DNS zones of a WHMCS client: create (claimed for that client), records CRUD, bulk delete,
and "point this domain at my server" (A/AAAA from the server's own addresses).

The provider's account holds every client's zones; the claim row (kind ``dns_zone``) says whose
each zone is, so another client's zone answers 404, exactly as an unknown one. The registrar
module's DNS management and the server's DNS page use these same zones.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from contabo_reseller.adapters import claims, service_store
from contabo_reseller.adapters.tables import CatalogItem
from contabo_reseller.domain import installations
from contabo_reseller.domain.dns import (
    BulkDeleteResult,
    DnsLimits,
    RecordInput,
    RecordView,
    ZoneList,
    ZoneView,
)
from contabo_reseller.domain.domains import normalize_domain
from contabo_reseller.domain.errors import (
    ActionRefused,
    Conflict,
    InvalidInput,
    NotFound,
    QuotaExceeded,
)
from contabo_reseller.services.service_policy import guardrails_for

if TYPE_CHECKING:
    from contabo_reseller.adapters.contabo.client import ContaboClient

CLAIM_KIND = "dns_zone"


def list_zones(client_id: str) -> ZoneList:
    limits = dns_limits(client_id)
    return ZoneList(
        zones=sorted(_zones_of(client_id)),
        limit=limits.zones,
        record_limit=limits.records_per_zone,
    )


def dns_limits(client_id: str) -> DnsLimits:
    """The DNS guardrails of the client's server products, the most generous one winning (a
    customer with a bigger plan gets its limits); the defaults when the client has no server."""
    installation = installations.installation_of(client_id)
    servers = [
        record
        for record in service_store.active_of_client(
            installation, installations.whmcs_id(client_id)
        )
        if record.kind == "compute"
    ]
    if not servers:
        return DnsLimits()
    rules = [guardrails_for(record) for record in servers]
    return DnsLimits(
        zones=max(rule.max_dns_zones for rule in rules),
        records_per_zone=max(rule.max_dns_records_per_zone for rule in rules),
    )


def create_zone(client_id: str, zone_name: str) -> ZoneView:
    limit = dns_limits(client_id).zones
    used = len(_zones_of(client_id))
    if used >= limit:
        raise _zone_limit(limit, used)
    holder = claims.claim(CLAIM_KIND, zone_name, _holder(client_id))
    if holder is not None:
        raise _zone_taken(zone_name)
    claimed = len(_zones_of(client_id))
    if claimed > limit:  # another request claimed one meanwhile: the limit holds for both
        claims.release(CLAIM_KIND, zone_name, _holder(client_id))
        raise _zone_limit(limit, claimed - 1)
    contabo = _contabo(client_id)
    try:
        contabo.create_dns_zone(zone_name)
    except Conflict:
        claims.release(CLAIM_KIND, zone_name, _holder(client_id))
        raise _zone_taken(zone_name) from None
    except Exception:
        claims.release(CLAIM_KIND, zone_name, _holder(client_id))
        raise
    return ZoneView(zone_name=zone_name, record_limit=dns_limits(client_id).records_per_zone)


def get_zone(client_id: str, zone_name: str) -> ZoneView:
    zone = _owned(client_id, zone_name)
    records = [_view(r) for r in _contabo(client_id).list_dns_records(zone)]
    limit = dns_limits(client_id).records_per_zone
    return ZoneView(zone_name=zone, records=records, record_limit=limit)


def delete_zone(client_id: str, zone_name: str) -> ZoneList:
    zone = _owned(client_id, zone_name)
    with contextlib.suppress(NotFound):  # gone already: the claim goes too
        _contabo(client_id).delete_dns_zone(zone)
    claims.release(CLAIM_KIND, zone, _holder(client_id))
    return list_zones(client_id)


def create_record(client_id: str, zone_name: str, record: RecordInput) -> RecordView:
    from contabo_reseller.adapters.contabo import generated_domain_models as dm

    zone = _owned(client_id, zone_name)
    contabo = _contabo(client_id)
    limit = dns_limits(client_id).records_per_zone
    used = sum(1 for _ in contabo.list_dns_records(zone))
    if used >= limit:
        raise QuotaExceeded(
            f"Your plan allows {limit} records per DNS zone and {zone} has {used}; delete a "
            "record or ask support for a larger plan.",
            message_code="dns_record_limit",
            params={"limit": limit, "used": used, "zone": zone},
        )
    body = dm.CreateDnsZoneRecordRequest.model_validate(_provider_fields(record, zone, new=True))
    return _view(contabo.create_dns_record(zone, body))


def update_record(
    client_id: str, zone_name: str, record_id: int, record: RecordInput
) -> RecordView:
    from contabo_reseller.adapters.contabo import generated_domain_models as dm

    zone = _owned(client_id, zone_name)
    contabo = _contabo(client_id)
    current = _record_in(contabo, zone, record_id)
    if current.type != record.type:
        raise InvalidInput(
            "A record's type cannot change; delete it and create a new one.",
            message_code="dns_type_change",
        )
    body = dm.UpdateDnsZoneRecordRequest.model_validate(_provider_fields(record, zone, new=False))
    return _view(contabo.update_dns_record(zone, record_id, body))


def delete_record(client_id: str, zone_name: str, record_id: int) -> ZoneView:
    zone = _owned(client_id, zone_name)
    contabo = _contabo(client_id)
    _record_in(contabo, zone, record_id)
    contabo.delete_dns_record(zone, record_id)
    return get_zone(client_id, zone)


def bulk_delete(client_id: str, zone_name: str, record_ids: list[int]) -> BulkDeleteResult:
    zone = _owned(client_id, zone_name)
    contabo = _contabo(client_id)
    failed = contabo.bulk_delete_dns_records(zone, record_ids)
    return BulkDeleteResult(deleted=[i for i in record_ids if i not in failed], failed=failed)


def point_at_server(
    service_id: str, client_id: str, zone_name: str, name: str, ttl: int
) -> ZoneView:
    """Writes A (and AAAA) records for ``name`` from the server's addresses, replacing the
    A/AAAA records that name had."""
    record = service_store.require(service_id)
    if record.client_id != client_id:
        raise NotFound(
            f"Service {installations.whmcs_id(service_id)} is not known.",
            message_code="dns_service_not_found",
            params={"service_id": installations.whmcs_id(service_id)},
        )
    addresses = {"A": record.details.get("ipv4"), "AAAA": record.details.get("ipv6")}
    if not any(addresses.values()):
        raise ActionRefused(
            "The server has no IP address yet; try again once it is running.",
            message_code="dns_no_server_ip",
        )
    zone = _owned(client_id, zone_name)
    contabo = _contabo(client_id)
    target = name.strip().lower() or "@"
    names = {zone, "@"} if target == "@" else {target, f"{target}.{zone}"}
    stale = [
        int(r.record_id)
        for r in contabo.list_dns_records(zone)
        if r.type in addresses and r.name in names
    ]
    if stale:
        contabo.bulk_delete_dns_records(zone, stale)
    for kind, address in addresses.items():
        if address:
            ip = str(address).split("/")[0]
            create_record(client_id, zone, RecordInput(type=kind, name=target, data=ip, ttl=ttl))
    return get_zone(client_id, zone)


# helpers -------------------------------------------------------------------------------------


def _zone_limit(limit: int, used: int) -> QuotaExceeded:
    return QuotaExceeded(
        f"Your plan allows {limit} DNS zones and {used} are hosted; delete a zone or ask "
        "support for a larger plan.",
        message_code="dns_zone_limit",
        params={"limit": limit, "used": used},
    )


def _zone_taken(zone_name: str) -> Conflict:
    return Conflict(
        f"The zone {zone_name} is already hosted here.",
        message_code="dns_zone_taken",
        params={"zone": zone_name},
    )


def _zone_unknown(zone_name: str) -> NotFound:
    return NotFound(
        f"The zone {zone_name} is not known.",
        message_code="dns_zone_not_found",
        params={"zone": zone_name},
    )


def _holder(client_id: str) -> str:
    return f"client:{client_id}"


def _zones_of(client_id: str) -> list[str]:
    holder = {"service_id": _holder(client_id)}
    claimed = CatalogItem.query(CLAIM_KIND, consistent_read=True)
    return [item.item_id for item in claimed if item.data == holder]


def _owned(client_id: str, zone_name: str) -> str:
    try:
        zone = normalize_domain(zone_name)
    except ValueError as error:
        raise _zone_unknown(zone_name) from error
    if claims.holder_of(CLAIM_KIND, zone) != _holder(client_id):
        raise _zone_unknown(zone_name)
    return zone


def _contabo(client_id: str) -> ContaboClient:
    # The Contabo client (generated models, httpx) loads on the first call, not at cold start.
    from contabo_reseller.adapters.contabo.client import get_contabo_client

    return get_contabo_client().for_service(_holder(client_id))


def _record_in(contabo: ContaboClient, zone: str, record_id: int) -> Any:
    for record in contabo.list_dns_records(zone):
        if int(record.record_id) == record_id:
            return record
    raise NotFound(
        f"Record {record_id} is not in the zone {zone}.",
        message_code="dns_record_not_found",
        params={"record_id": record_id, "zone": zone},
    )


def _provider_fields(record: RecordInput, zone: str, *, new: bool) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "ttl": record.ttl,
        "prio": record.prio,
        "data": record.data,
        "port": record.port,
        "weight": record.weight,
        "flag": record.flag,
    }
    if record.tag:
        fields["tag"] = record.tag
    if new:
        fields["type"] = record.type
        if record.name != "@":
            fields["name"] = record.name
    return fields


def _view(record: Any) -> RecordView:
    return RecordView(
        record_id=int(record.record_id),
        name=str(record.name),
        type=str(record.type),
        ttl=int(record.ttl),
        data=str(record.data),
        prio=int(record.prio or 0),
        weight=int(record.weight or 0),
        port=int(record.port or 0),
        flag=int(record.flag or 0),
        tag=str(record.tag or ""),
    )
