"""The catalog's Contabo port (services.catalog_port.CatalogSource) on the real client."""

from __future__ import annotations

from typing import Any

from contabo_reseller.adapters.contabo.client import ContaboClient, get_contabo_client
from contabo_reseller.domain.catalog import CatalogImage

# Catalog calls belong to no service; the audit log files them under this id.
CATALOG_AUDIT_ID = "-"


class ClientCatalogSource:
    def __init__(self, client: ContaboClient | None = None) -> None:
        self._client = (client or get_contabo_client()).for_service(CATALOG_AUDIT_ID)

    def list_data_centers(self) -> list[dict[str, Any]]:
        return [
            {
                "slug": dc.slug,
                "name": dc.name,
                "region_slug": dc.region_slug,
                "region_name": dc.region_name,
                "capabilities": [str(getattr(c, "value", c)) for c in dc.capabilities],
            }
            for dc in self._client.list_data_centers()
        ]

    def list_images(self) -> list[CatalogImage]:
        return [
            CatalogImage(
                image_id=image.image_id,
                name=image.name,
                os_type=image.os_type,
                standard=image.standard_image,
                version=image.version,
                description=image.description,
                status=image.status,
            )
            for image in self._client.list_images()
        ]
