"""The catalog's pure rules: shipped data, overrides, display names, regions, diffs."""

from __future__ import annotations

import pytest

from contabo_reseller.domain.catalog import (
    CatalogImage,
    CatalogProduct,
    ProductOverride,
    apply_overrides,
    diff_items,
    regions_from_data_centers,
    shipped_catalog,
)
from contabo_reseller.domain.errors import InvalidInput
from contabo_reseller.domain.products import shipped_products


def test_shipped_catalog_is_versioned_and_matches_the_lifecycle_product_data():
    catalog = shipped_catalog()
    assert catalog.version
    ids = [p.product_id for p in catalog.products]
    assert len(ids) == len(set(ids))
    assert set(ids) == set(shipped_products())
    for product in catalog.products:
        lifecycle = shipped_products()[product.product_id]
        assert (product.cpu_cores, product.ram_mb, product.disk_mb) == (
            lifecycle.cpu_cores,
            lifecycle.ram_mb,
            lifecycle.disk_mb,
        )


@pytest.mark.parametrize(
    ("product_id", "name"),
    [
        ("V91", "Cloud VPS 10 (4 vCPU, 8 GB RAM, 75 GB NVMe)"),
        ("V92", "Cloud VPS 10 (4 vCPU, 8 GB RAM, 150 GB SSD)"),
        ("V93", "Cloud VPS 10 Storage (4 vCPU, 8 GB RAM, 300 GB SSD)"),
        ("V8", "Cloud VDS S (3 physical cores, 24 GB RAM, 180 GB NVMe)"),
    ],
)
def test_display_names_fit_a_resellers_dropdown(product_id, name):
    product = next(p for p in shipped_catalog().products if p.product_id == product_id)
    assert product.display_name == name


def test_fractional_sizes_show_one_decimal():
    product = CatalogProduct(
        product_id="V1",
        label="Tiny",
        product_type="ssd",
        cpu_cores=1,
        ram_mb=1536,
        disk_mb=10240,
        disk_type="SSD",
    )
    assert product.display_name == "Tiny (1 vCPU, 1.5 GB RAM, 10 GB SSD)"


def test_an_override_wins_field_by_field_and_is_marked():
    products = apply_overrides(
        shipped_catalog().products,
        {"V91": ProductOverride(label="Starter", enabled=False)},
    )
    v91 = next(p for p in products if p.product_id == "V91")
    assert (v91.label, v91.enabled, v91.overridden) == ("Starter", False, True)
    assert v91.cpu_cores == 4  # untouched fields keep the shipped value
    v92 = next(p for p in products if p.product_id == "V92")
    assert (v92.overridden, v92.enabled) == (False, True)


def test_the_admin_can_add_a_product_the_data_does_not_know_yet():
    new = ProductOverride(
        label="Cloud VPS 70",
        product_type="nvme",
        cpu_cores=24,
        ram_mb=131072,
        disk_mb=409600,
        disk_type="NVMe",
    )
    products = apply_overrides(shipped_catalog().products, {"V200": new})
    assert products[-1].product_id == "V200"
    assert products[-1].display_name == "Cloud VPS 70 (24 vCPU, 128 GB RAM, 400 GB NVMe)"


def test_a_new_product_needs_every_field():
    with pytest.raises(InvalidInput, match="give product_type, cpu_cores, ram_mb"):
        apply_overrides([], {"V200": ProductOverride(label="Half a product")})


def test_an_empty_override_is_recognised():
    assert ProductOverride().is_empty()
    assert not ProductOverride(enabled=True).is_empty()


def test_regions_group_data_centers_by_region_slug():
    regions = regions_from_data_centers(
        [
            {"slug": "EU1", "name": "European Union 1", "region_slug": "EU",
             "region_name": "European Union", "capabilities": ["VPS"]},
            {"slug": "EU2", "name": "European Union 2", "region_slug": "EU",
             "region_name": "European Union", "capabilities": ["VPS", "Object-Storage"]},
            {"slug": "SIN1", "name": "Asia (Singapore) 1", "region_slug": "SIN",
             "region_name": "Asia (Singapore)", "capabilities": ["VPS"]},
        ]
    )  # fmt: skip
    assert [r.region_id for r in regions] == ["EU", "SIN"]
    assert [dc.slug for dc in regions[0].data_centers] == ["EU1", "EU2"]
    assert regions[0].capabilities == ["Object-Storage", "VPS"]
    assert regions[0].display_name == "European Union (EU)"


def test_images_are_chosen_by_name_when_standard_and_by_id_when_custom():
    standard = CatalogImage(image_id="u-1", name="ubuntu-22.04", description="Ubuntu 22.04")
    custom = CatalogImage(image_id="c-1", name="ubuntu-22.04", standard=False, status="Pending")
    assert (standard.choice_id, standard.display_name) == ("ubuntu-22.04", "Ubuntu 22.04 (Linux)")
    assert (custom.choice_id, custom.display_name) == ("c-1", "ubuntu-22.04 (custom, Linux)")
    assert standard.available and not custom.available


def test_diff_names_added_removed_and_changed_fields():
    old = {"a": {"name": "A", "size": 1}, "b": {"name": "B"}, "c": {"name": "C", "x": 1}}
    new = {"a": {"name": "A", "size": 2}, "c": {"name": "C", "x": 1}, "d": {"name": "D"}}
    diff = diff_items(old, new)
    assert [(r.id, r.name) for r in diff.added] == [("d", "D")]
    assert [(r.id, r.name) for r in diff.removed] == [("b", "B")]
    assert [(c.id, {k: (v.old, v.new) for k, v in c.changes.items()}) for c in diff.changed] == [
        ("a", {"size": (1, 2)})
    ]
    assert not diff.empty
    assert diff_items(new, new).empty
