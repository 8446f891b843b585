"""Exclusive claims in the catalog table: one row per (kind, key) naming the service that
holds it, written with a conditional put, so of two requests racing for one thing (an
instance to import, a region's object storage) exactly one wins, without scanning services."""

from __future__ import annotations

from datetime import UTC, datetime

from pynamodb.exceptions import DeleteError, DoesNotExist, PutError, PynamoDBException

from contabo_reseller.adapters.tables import CatalogItem
from contabo_reseller.domain.errors import UpstreamUnavailable

_UNREACHABLE = "The service database is not reachable; try again."


def claim(kind: str, key: str, service_id: str) -> str | None:
    """Claims ``key`` for the service; None when it holds it now, else the holder's id."""
    try:
        _row(kind, key, service_id).save(condition=CatalogItem.item_id.does_not_exist())
        return None
    except PutError as error:
        if error.cause_response_code != "ConditionalCheckFailedException":
            raise UpstreamUnavailable(_UNREACHABLE, message_code="database_unreachable") from error
    holder = holder_of(kind, key)
    if holder is None:  # released between the failed write and the read: try again
        return claim(kind, key, service_id)
    return None if holder == service_id else holder


def holder_of(kind: str, key: str) -> str | None:
    try:
        item = CatalogItem.get(kind, key, consistent_read=True)
    except DoesNotExist:
        return None
    except PynamoDBException as error:
        raise UpstreamUnavailable(_UNREACHABLE, message_code="database_unreachable") from error
    return str(item.data.get("service_id") or "") or None


def take_over(kind: str, key: str, service_id: str, from_service_id: str) -> bool:
    """Moves a claim from ``from_service_id`` to this service; False if it held no longer."""
    try:
        _row(kind, key, service_id).save(condition=CatalogItem.data == _holder(from_service_id))
    except PutError as error:
        if error.cause_response_code != "ConditionalCheckFailedException":
            raise UpstreamUnavailable(_UNREACHABLE, message_code="database_unreachable") from error
        return False
    return True


def release(kind: str, key: str, service_id: str) -> None:
    """Gives the claim up if this service still holds it; someone else's is left alone."""
    try:
        CatalogItem(kind=kind, item_id=key).delete(
            condition=CatalogItem.data == _holder(service_id)
        )
    except DeleteError as error:
        if error.cause_response_code != "ConditionalCheckFailedException":
            raise UpstreamUnavailable(_UNREACHABLE, message_code="database_unreachable") from error


def _row(kind: str, key: str, service_id: str) -> CatalogItem:
    return CatalogItem(
        kind=kind, item_id=key, data=_holder(service_id), synced_at=datetime.now(UTC)
    )


def _holder(service_id: str) -> dict[str, str]:
    return {"service_id": service_id}
