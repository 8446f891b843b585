"""What the catalog asks of Contabo: its data centers and its images (standard and custom).

``catalog_source()`` binds the real client (adapters.contabo.catalog); unit tests pass an
in-memory source instead.
"""

from __future__ import annotations

from typing import Any, Protocol

from contabo_reseller.domain.catalog import CatalogImage


class CatalogSource(Protocol):
    def list_data_centers(self) -> list[dict[str, Any]]:
        """Each as ``{"slug", "name", "region_slug", "region_name", "capabilities"}``."""
        ...

    def list_images(self) -> list[CatalogImage]: ...


def catalog_source() -> CatalogSource:
    from contabo_reseller.adapters.contabo.catalog import ClientCatalogSource

    return ClientCatalogSource()
