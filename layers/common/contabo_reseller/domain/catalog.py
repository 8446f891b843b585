"""The catalog a reseller sells from: regions, images and products, and what changed between
two syncs. Pure: no I/O except reading the shipped product data file.

Contabo's API has no product or price list, so products ship as data
(``data/products.json``, versioned) and the admin may override any field or add a product
Contabo launched after the data was written. Regions and images come from Contabo.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import ConfigDict, Field, computed_field

from contabo_reseller.domain.errors import InvalidInput
from contabo_reseller.domain.model_base import DomainModel

_DATA = Path(__file__).resolve().parent.parent / "data" / "products.json"

ProductType = Literal["nvme", "ssd", "hdd", "vds"]
DiskType = Literal["NVMe", "SSD", "HDD"]
# Contabo image statuses that mean "ready to install"; others are downloading or failed.
AVAILABLE_IMAGE_STATUSES = ("downloaded",)


class CatalogProduct(DomainModel):
    product_id: str = Field(pattern=r"^V[0-9]{1,4}$")
    label: str = Field(min_length=1, max_length=80, description="e.g. Cloud VPS 10")
    product_type: ProductType
    cpu_cores: int = Field(gt=0)
    ram_mb: int = Field(gt=0)
    disk_mb: int = Field(gt=0)
    disk_type: DiskType
    enabled: bool = True
    overridden: bool = False

    @computed_field  # type: ignore[prop-decorator]
    @property
    def display_name(self) -> str:
        """What a reseller reads in a dropdown: Cloud VPS 10 (4 vCPU, 8 GB RAM, 75 GB NVMe)."""
        cores = "physical cores" if self.product_type == "vds" else "vCPU"
        return (
            f"{self.label} ({self.cpu_cores} {cores}, {_gigabytes(self.ram_mb)} GB RAM, "
            f"{_gigabytes(self.disk_mb)} GB {self.disk_type})"
        )

    def specs(self) -> dict[str, str]:
        """The sizes a reseller names its plans by, without the provider's label."""
        return {
            "cpu_cores": str(self.cpu_cores),
            "ram_gb": _gigabytes(self.ram_mb),
            "disk_gb": _gigabytes(self.disk_mb),
            "disk_type": self.disk_type,
            "kind": "vds" if self.product_type == "vds" else "vps",
        }


class ProductOverride(DomainModel):
    """The admin's changes to one product; unset fields keep the shipped value."""

    model_config = ConfigDict(extra="forbid")

    label: str | None = Field(default=None, min_length=1, max_length=80)
    product_type: ProductType | None = None
    cpu_cores: int | None = Field(default=None, gt=0, le=512)
    ram_mb: int | None = Field(default=None, gt=0)
    disk_mb: int | None = Field(default=None, gt=0)
    disk_type: DiskType | None = None
    enabled: bool | None = None

    def is_empty(self) -> bool:
        return not self.model_dump(exclude_none=True)


class OverrideResult(DomainModel):
    """The answer to an override: what is stored, and the product as now sold (None when an
    admin-only product was removed)."""

    product_id: str
    override: dict[str, Any] | None = None
    product: CatalogProduct | None = None


class ShippedCatalog(DomainModel):
    version: str
    products: list[CatalogProduct]


class DataCenter(DomainModel):
    slug: str
    name: str
    capabilities: list[str] = Field(default_factory=list)


class Region(DomainModel):
    region_id: str
    name: str
    data_centers: list[DataCenter] = Field(default_factory=list)

    @property
    def display_name(self) -> str:
        return f"{self.name} ({self.region_id})"

    @property
    def capabilities(self) -> list[str]:
        return sorted({c for dc in self.data_centers for c in dc.capabilities})


class CatalogImage(DomainModel):
    """An image as the catalog keeps it; its first four fields are ``ImageFacts``'s."""

    image_id: str
    name: str
    os_type: str = "Linux"
    standard: bool = True
    version: str = ""
    description: str = ""
    status: str = "downloaded"

    @property
    def available(self) -> bool:
        return self.status.lower() in AVAILABLE_IMAGE_STATUSES

    @property
    def choice_id(self) -> str:
        """The value a module setting stores: standard images by name, which survives
        Contabo replacing an image with a new build (new id); custom images by id, since
        their names are the reseller's and may repeat a standard name."""
        return self.name if self.standard else self.image_id

    @property
    def display_name(self) -> str:
        kind = self.os_type if self.standard else f"custom, {self.os_type}"
        return f"{self.description or self.name} ({kind})"


class Choice(DomainModel):
    """One dropdown entry for the module's ConfigOptions loaders."""

    id: str
    name: str


class ChoiceList(DomainModel):
    items: list[Choice]


class FieldChange(DomainModel):
    old: Any = None
    new: Any = None


class ItemChange(DomainModel):
    id: str
    changes: dict[str, FieldChange]


class ItemRef(DomainModel):
    id: str
    name: str


class KindDiff(DomainModel):
    added: list[ItemRef] = Field(default_factory=list)
    removed: list[ItemRef] = Field(default_factory=list)
    changed: list[ItemChange] = Field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


class CatalogDiff(DomainModel):
    """What the last sync changed compared with the sync before it."""

    synced_at: str | None = None
    previous_synced_at: str | None = None
    products_version: str | None = None
    previous_products_version: str | None = None
    regions: KindDiff = Field(default_factory=KindDiff)
    images: KindDiff = Field(default_factory=KindDiff)
    products: KindDiff = Field(default_factory=KindDiff)


class CatalogView(DomainModel):
    """``GET /admin/catalog``: the catalog as the backend sells from it now."""

    products_version: str
    synced_at: str | None = None
    products: list[CatalogProduct]
    regions: list[dict[str, Any]]
    images: list[dict[str, Any]]


@lru_cache(maxsize=1)
def shipped_catalog() -> ShippedCatalog:
    raw = json.loads(_DATA.read_text())
    return ShippedCatalog(
        version=str(raw["version"]),
        products=[CatalogProduct.model_validate(item) for item in raw["products"]],
    )


def apply_overrides(
    shipped: Iterable[CatalogProduct], overrides: Mapping[str, ProductOverride]
) -> list[CatalogProduct]:
    """The products sold now: shipped data with the admin's overrides (overrides win), plus
    products only the admin knows of; ordered as shipped, admin additions after."""
    products = {product.product_id: product for product in shipped}
    for product_id, override in overrides.items():
        products[product_id] = override_product(products.get(product_id), product_id, override)
    return list(products.values())


def override_product(
    shipped: CatalogProduct | None, product_id: str, override: ProductOverride
) -> CatalogProduct:
    changes = override.model_dump(exclude_none=True)
    if shipped is None:
        missing = [
            name
            for name in ("label", "product_type", "cpu_cores", "ram_mb", "disk_mb", "disk_type")
            if name not in changes
        ]
        if missing:
            raise InvalidInput(
                f"{product_id} is not in the shipped product data; to add it, give "
                + ", ".join(missing)
                + ".",
                message_code="catalog_product_incomplete",
                params={"product_id": product_id, "missing": ", ".join(missing)},
            )
        return CatalogProduct.model_validate(
            {"product_id": product_id, **changes, "overridden": True}
        )
    return shipped.model_copy(update={**changes, "overridden": True})


def regions_from_data_centers(data_centers: Iterable[Mapping[str, Any]]) -> list[Region]:
    """Contabo lists data centers; a region (what an order names) groups them by slug."""
    regions: dict[str, Region] = {}
    for dc in data_centers:
        region = regions.setdefault(
            dc["region_slug"], Region(region_id=dc["region_slug"], name=dc["region_name"])
        )
        region.data_centers.append(
            DataCenter(
                slug=dc["slug"], name=dc["name"], capabilities=list(dc.get("capabilities") or [])
            )
        )
    return list(regions.values())


def diff_items(
    old: Mapping[str, Mapping[str, Any]],
    new: Mapping[str, Mapping[str, Any]],
    name_field: str = "name",
) -> KindDiff:
    """Items added, removed and changed (field by field) between two syncs, by id."""
    diff = KindDiff()
    for item_id in sorted(new.keys() - old.keys()):
        diff.added.append(ItemRef(id=item_id, name=str(new[item_id].get(name_field, item_id))))
    for item_id in sorted(old.keys() - new.keys()):
        diff.removed.append(ItemRef(id=item_id, name=str(old[item_id].get(name_field, item_id))))
    for item_id in sorted(old.keys() & new.keys()):
        before, after = old[item_id], new[item_id]
        changes = {
            name: FieldChange(old=before.get(name), new=after.get(name))
            for name in sorted(before.keys() | after.keys())
            if before.get(name) != after.get(name)
        }
        if changes:
            diff.changed.append(ItemChange(id=item_id, changes=changes))
    return diff


def _gigabytes(megabytes: int) -> str:
    value = megabytes / 1024
    return str(int(value)) if value == int(value) else f"{value:.1f}"
