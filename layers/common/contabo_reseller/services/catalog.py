"""The catalog customers order from: regions and images as last synced from Contabo (with a
one-off read when the table is still empty, so a new deployment works at once), and products
from the shipped data with the admin's overrides.

Kinds in the catalog table: ``region``, ``image`` and ``product`` (as of the last sync, what
the sync diffs against), ``product_override`` (the admin's), ``catalog_sync`` (``state``: the
last sync; ``diff``: what it changed).
"""

from __future__ import annotations

from typing import Literal

from contabo_reseller.adapters import audit_log, config_items
from contabo_reseller.domain.catalog import (
    CatalogDiff,
    CatalogImage,
    CatalogProduct,
    CatalogView,
    Choice,
    ChoiceList,
    OverrideResult,
    ProductOverride,
    Region,
    apply_overrides,
    regions_from_data_centers,
    shipped_catalog,
)
from contabo_reseller.domain.errors import InvalidInput, NotFound, UpstreamUnavailable
from contabo_reseller.domain.instance import ImageFacts
from contabo_reseller.services.catalog_port import CatalogSource, catalog_source

REGION, IMAGE, PRODUCT, OVERRIDE, SYNC = (
    "region",
    "image",
    "product",
    "product_override",
    "catalog_sync",
)
ChoiceKind = Literal["products", "regions", "images"]


# Images ------------------------------------------------------------------------------------


def catalog_images(source: CatalogSource | None = None) -> list[CatalogImage]:
    """Every image in the catalog (available or not); read from Contabo if none is stored."""
    images = [CatalogImage.model_validate(data) for _, data in config_items.all_of(IMAGE)]
    return images or refresh_images(source)


def known_images() -> list[ImageFacts]:
    """The images an order may name: synced and ready to install."""
    return [
        ImageFacts.model_validate(image.model_dump())
        for image in catalog_images()
        if image.available
    ]


def refresh_images(source: CatalogSource | None = None) -> list[CatalogImage]:
    images = fetched_images(source or catalog_source())
    for image in images:
        config_items.put(IMAGE, image.image_id, image.model_dump())
    return images


def fetched_images(source: CatalogSource) -> list[CatalogImage]:
    images = source.list_images()
    if not images:  # never replace a good list with nothing because of one odd answer
        raise UpstreamUnavailable(
            "The provider listed no images; the catalog keeps its list.",
            message_code="provider_listed_no_images",
        )
    return images


def resolve_image(image_id_or_name: str) -> ImageFacts:
    wanted = image_id_or_name.strip()
    for image in known_images():
        if image.image_id == wanted or image.name.lower() == wanted.lower():
            return image
    raise InvalidInput(
        f"The operating system image '{wanted}' is not available.",
        message_code="image_not_available",
        params={"image": wanted},
    )


# Regions -----------------------------------------------------------------------------------


def known_regions(source: CatalogSource | None = None) -> list[Region]:
    regions = [Region.model_validate(data) for _, data in config_items.all_of(REGION)]
    return regions or refresh_regions(source)


def refresh_regions(source: CatalogSource | None = None) -> list[Region]:
    regions = fetched_regions(source or catalog_source())
    for region in regions:
        config_items.put(REGION, region.region_id, region.model_dump())
    return regions


def fetched_regions(source: CatalogSource) -> list[Region]:
    regions = regions_from_data_centers(source.list_data_centers())
    if not regions:
        raise UpstreamUnavailable(
            "The provider listed no regions; the catalog keeps its list.",
            message_code="provider_listed_no_regions",
        )
    return regions


# Products ----------------------------------------------------------------------------------


def product_overrides() -> dict[str, ProductOverride]:
    return {
        product_id: ProductOverride.model_validate(data)
        for product_id, data in config_items.all_of(OVERRIDE)
    }


def effective_products() -> list[CatalogProduct]:
    """Shipped products with the admin's overrides applied: what is sold now."""
    return apply_overrides(shipped_catalog().products, product_overrides())


def require_orderable_product(product_id: str) -> CatalogProduct:
    for product in effective_products():
        if product.product_id == product_id and product.enabled:
            return product
    raise InvalidInput(
        f"The product {product_id} is not offered.",
        message_code="product_not_offered",
        params={"product_id": product_id},
    )


def set_product_override(product_id: str, override: ProductOverride, actor: str) -> OverrideResult:
    """Stores the admin's override of one product; an empty override removes it."""
    shipped = {p.product_id: p for p in shipped_catalog().products}
    stored = override.model_dump(exclude_none=True)
    if override.is_empty():
        if not config_items.delete(OVERRIDE, product_id) and product_id not in shipped:
            raise NotFound(
                f"The product {product_id} is not in the catalog.",
                message_code="product_not_in_catalog",
                params={"product_id": product_id},
            )
        message = "override removed"
    else:
        apply_overrides(shipped.values(), {product_id: override})  # refuses an incomplete new one
        config_items.put(OVERRIDE, product_id, stored)
        message = "override set: " + ", ".join(sorted(stored))
    audit_log.record(
        kind="action",
        action="catalog.product_override",
        outcome="ok",
        actor=actor,
        message=f"{product_id}: {message}",
    )
    product = next((p for p in effective_products() if p.product_id == product_id), None)
    return OverrideResult(
        product_id=product_id,
        override=stored or None,
        product=product,
    )


# What WHMCS and the admin read ----------------------------------------------------------------


def choices(kind: ChoiceKind) -> ChoiceList:
    """Dropdown entries for the module's ConfigOptions loaders."""
    if kind == "products":
        items = [
            Choice(id=p.product_id, name=p.display_name) for p in effective_products() if p.enabled
        ]
    elif kind == "regions":
        items = [Choice(id=r.region_id, name=r.display_name) for r in known_regions()]
    else:
        items = [
            Choice(id=i.choice_id, name=i.display_name)
            for i in sorted(catalog_images(), key=lambda i: (not i.standard, i.name.lower()))
            if i.available
        ]
    return ChoiceList(items=items)


def catalog_view() -> CatalogView:
    state = config_items.get(SYNC, "state") or {}
    return CatalogView(
        products_version=shipped_catalog().version,
        synced_at=state.get("synced_at"),
        products=effective_products(),
        regions=[
            {**r.model_dump(), "display_name": r.display_name, "capabilities": r.capabilities}
            for r in known_regions()
        ],
        images=[
            {**i.model_dump(), "available": i.available, "display_name": i.display_name}
            for i in catalog_images()
        ],
    )


def last_diff() -> CatalogDiff:
    return CatalogDiff.model_validate(config_items.get(SYNC, "diff") or {})
