"""Which service an imported instance belongs to: one catalog row per instance (kind
``instance_claim``), written with a conditional put, so of two imports racing for one
instance exactly one wins, whatever the services table's index shows at that moment."""

from __future__ import annotations

from datetime import UTC, datetime

from pynamodb.exceptions import DeleteError, DoesNotExist, PutError, PynamoDBException

from contabo_reseller.adapters.tables import CatalogItem
from contabo_reseller.domain.errors import UpstreamUnavailable

KIND = "instance_claim"
_UNREACHABLE = "The service database is not reachable; try again."


def claim(instance_id: int, service_id: str) -> str | None:
    """Claims the instance for the service; None when it is (now) theirs, else the holder."""
    item = CatalogItem(
        kind=KIND,
        item_id=str(instance_id),
        data={"service_id": service_id},
        synced_at=datetime.now(UTC),
    )
    try:
        item.save(condition=CatalogItem.item_id.does_not_exist())
        return None
    except PutError as error:
        if error.cause_response_code != "ConditionalCheckFailedException":
            raise UpstreamUnavailable(_UNREACHABLE) from error
    holder = holder_of(instance_id)
    if holder is None:  # released between the failed write and the read: try again
        return claim(instance_id, service_id)
    return None if holder == service_id else holder


def holder_of(instance_id: int) -> str | None:
    try:
        item = CatalogItem.get(KIND, str(instance_id), consistent_read=True)
    except DoesNotExist:
        return None
    except PynamoDBException as error:
        raise UpstreamUnavailable(_UNREACHABLE) from error
    return str(item.data.get("service_id") or "") or None


def release(instance_id: int, service_id: str) -> None:
    """Gives the claim up (the import did not go through), if it is still this service's."""
    try:
        CatalogItem(kind=KIND, item_id=str(instance_id)).delete(
            condition=CatalogItem.data == {"service_id": service_id}
        )
    except DeleteError as error:
        if error.cause_response_code != "ConditionalCheckFailedException":
            raise UpstreamUnavailable(_UNREACHABLE) from error
