"""Admin configuration and small per-client data kept in the catalog table, by ``kind``.

The catalog table (hash ``kind``, range ``item_id``, JSON ``data``) holds guardrails
(kind ``guardrails``, item = WHMCS product id), cloud-init templates (``cloud_init_template``,
item = name) and SSH key vault entries (``ssh_keys#<clientId>``, item = key id).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pynamodb.exceptions import DoesNotExist, PynamoDBException

from contabo_reseller.adapters.tables import CatalogItem
from contabo_reseller.domain.errors import UpstreamUnavailable

UNREACHABLE = "The configuration database is not reachable; try again."


def get(kind: str, item_id: str) -> dict[str, Any] | None:
    try:
        return dict(CatalogItem.get(kind, item_id, consistent_read=True).data or {})
    except DoesNotExist:
        return None
    except PynamoDBException as error:
        raise UpstreamUnavailable(UNREACHABLE, message_code="database_unreachable") from error


def put(kind: str, item_id: str, data: dict[str, Any]) -> None:
    try:
        CatalogItem(kind=kind, item_id=item_id, data=data, synced_at=datetime.now(UTC)).save()
    except PynamoDBException as error:
        raise UpstreamUnavailable(UNREACHABLE, message_code="database_unreachable") from error


def delete(kind: str, item_id: str) -> bool:
    """False when there was nothing to delete."""
    try:
        CatalogItem(kind=kind, item_id=item_id).delete(condition=CatalogItem.kind.exists())
    except PynamoDBException as error:
        if getattr(error, "cause_response_code", "") == "ConditionalCheckFailedException":
            return False
        raise UpstreamUnavailable(UNREACHABLE, message_code="database_unreachable") from error
    return True


def all_of(kind: str) -> list[tuple[str, dict[str, Any]]]:
    """Every item of one kind, ordered by item id."""
    try:
        return [
            (item.item_id, dict(item.data or {}))
            for item in CatalogItem.query(kind, consistent_read=True)
        ]
    except PynamoDBException as error:
        raise UpstreamUnavailable(UNREACHABLE, message_code="database_unreachable") from error
