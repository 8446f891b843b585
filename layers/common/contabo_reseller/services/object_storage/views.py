"""The object storage part of a service's row, as the client area and WHMCS read it."""

from __future__ import annotations

from typing import Any

from contabo_reseller.adapters.tables import ServiceRecord
from contabo_reseller.domain.object_storage.product import REGION_NAMES, ObjectStorageFacts


def facts_view(record: ServiceRecord, storage: ObjectStorageFacts) -> dict[str, Any]:
    """The object storage part of the service row (ServiceView.object_storage), refreshed
    from Contabo; usage figures and the credentials flag are kept as they were."""
    kept = dict(record.details.get("object_storage") or {})
    return {
        **kept,
        "object_storage_id": storage.object_storage_id,
        "region_name": REGION_NAMES.get(record.region or "", storage.region_name),
        "s3_url": storage.s3_url,
        "status": storage.status,
        "size_tb": storage.size_tb,
        "auto_scaling_limit_tb": storage.cap_tb,
        "credentials_available": storage.usable and not record.details.get("suspended"),
    }
