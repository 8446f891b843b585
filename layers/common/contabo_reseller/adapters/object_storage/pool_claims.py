"""Object storage bookkeeping in the catalog table (its generic store, one ``kind`` each).

- ``object_storage_region``: which service holds each region. Contabo allows one object
  storage per region per account, so an order first claims its region with a conditional
  write: of two orders racing for one region exactly one wins, without scanning the services.
- ``object_storage_resize``: services with a resize not yet confirmed, so the provisioning
  worker finds them (an active service is in no pending-state index).
"""

from __future__ import annotations

from datetime import UTC, datetime

from pynamodb.exceptions import PynamoDBException

from contabo_reseller.adapters import claims
from contabo_reseller.adapters.tables import CatalogItem
from contabo_reseller.domain.errors import UpstreamUnavailable

REGION_KIND = "object_storage_region"
RESIZE_KIND = "object_storage_resize"
_UNREACHABLE = "The service database is not reachable; try again."


def claim_region(region: str, service_id: str) -> str | None:
    """Claims ``region`` for the service; None when it holds it now, else the holder's id."""
    return claims.claim(REGION_KIND, region, service_id)


def region_holder(region: str) -> str | None:
    return claims.holder_of(REGION_KIND, region)


def take_over_region(region: str, service_id: str, from_service_id: str) -> bool:
    """Moves a stale claim (its holder was terminated or never bought) to this service."""
    return claims.take_over(REGION_KIND, region, service_id, from_service_id)


def release_region(region: str, service_id: str) -> None:
    """Frees the region if this service holds it; someone else's claim is left alone."""
    claims.release(REGION_KIND, region, service_id)


def mark_resize_pending(service_id: str) -> None:
    try:
        CatalogItem(
            kind=RESIZE_KIND, item_id=service_id, data={}, synced_at=datetime.now(UTC)
        ).save()
    except PynamoDBException as error:
        raise UpstreamUnavailable(_UNREACHABLE, message_code="database_unreachable") from error


def resize_settled(service_id: str) -> None:
    try:
        CatalogItem(kind=RESIZE_KIND, item_id=service_id).delete()
    except PynamoDBException as error:
        raise UpstreamUnavailable(_UNREACHABLE, message_code="database_unreachable") from error


def pending_resizes() -> list[str]:
    return [item.item_id for item in CatalogItem.query(RESIZE_KIND)]
