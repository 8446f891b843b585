"""The catalog service and its daily sync on in-process moto with an in-memory Contabo."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from contabo_reseller.domain.catalog import CatalogImage, ProductOverride
from contabo_reseller.domain.errors import InvalidInput, NotFound, UpstreamUnavailable
from contabo_reseller.services import catalog
from contabo_reseller.services.catalog_sync import JOB_NAME, sync_catalog
from contabo_reseller.services.jobs.scheduled_jobs import run_job
from tests.unit.services.jobs.test_scheduled_jobs import FakeContext


def _dc(slug: str, region: str, name: str) -> dict[str, Any]:
    return {
        "slug": slug,
        "name": f"{name} 1",
        "region_slug": region,
        "region_name": name,
        "capabilities": ["VPS"],
    }


@dataclass
class FakeCatalogSource:
    data_centers: list[dict[str, Any]] = field(
        default_factory=lambda: [_dc("EU2", "EU", "European Union"), _dc("UK1", "UK", "UK")]
    )
    images: list[CatalogImage] = field(
        default_factory=lambda: [
            CatalogImage(image_id="img-ubuntu", name="ubuntu-22.04", description="Ubuntu 22.04"),
            CatalogImage(image_id="img-debian", name="debian-12"),
            CatalogImage(image_id="img-mine", name="golden", standard=False),
            CatalogImage(image_id="img-pending", name="half", standard=False, status="Pending"),
        ]
    )
    calls: int = 0

    def list_data_centers(self) -> list[dict[str, Any]]:
        self.calls += 1
        return list(self.data_centers)

    def list_images(self) -> list[CatalogImage]:
        self.calls += 1
        return list(self.images)


@pytest.fixture
def source(monkeypatch) -> FakeCatalogSource:
    fake = FakeCatalogSource()
    monkeypatch.setattr(catalog, "catalog_source", lambda: fake)
    return fake


def sync(source: FakeCatalogSource, context: FakeContext | None = None) -> dict[str, Any]:
    return run_job(JOB_NAME, context or FakeContext(), lambda run: sync_catalog(run, source))


def test_an_empty_catalog_reads_contabo_once_then_serves_from_the_table(aws, source):
    assert [c.id for c in catalog.choices("regions").items] == ["EU", "UK"]
    images = [c.id for c in catalog.choices("images").items]
    assert images == ["debian-12", "ubuntu-22.04", "img-mine"]  # standard first, by name
    calls = source.calls
    catalog.choices("regions")
    catalog.choices("images")
    assert source.calls == calls


def test_resolve_image_by_name_or_id_and_refuses_one_not_ready(aws, source):
    assert catalog.resolve_image("Ubuntu-22.04").image_id == "img-ubuntu"
    assert catalog.resolve_image("img-mine").name == "golden"
    with pytest.raises(InvalidInput, match="'img-pending' is not available"):
        catalog.resolve_image("img-pending")


def test_product_choices_follow_overrides_and_hide_disabled_products(aws):
    names = {c.id: c.name for c in catalog.choices("products").items}
    assert names["V91"] == "Cloud VPS 10 (4 vCPU, 8 GB RAM, 75 GB NVMe)"
    result = catalog.set_product_override("V91", ProductOverride(enabled=False), "admin:test")
    assert result.product is not None and result.product.enabled is False
    assert "V91" not in {c.id for c in catalog.choices("products").items}
    with pytest.raises(InvalidInput, match="V91 is not offered"):
        catalog.require_orderable_product("V91")
    catalog.set_product_override("V91", ProductOverride(), "admin:test")  # empty: removed
    assert catalog.require_orderable_product("V91").enabled


def test_removing_an_override_nobody_set_on_an_unknown_product_is_not_found(aws):
    with pytest.raises(NotFound):
        catalog.set_product_override("V999", ProductOverride(), "admin:test")


def test_first_sync_records_everything_as_added(aws, source):
    summary = sync(source)
    assert summary["outcome"] == "finished"
    diff = catalog.last_diff()
    assert [r.id for r in diff.regions.added] == ["EU", "UK"]
    assert len(diff.images.added) == 4
    assert len(diff.products.added) == len(catalog.effective_products())
    assert diff.previous_synced_at is None
    assert diff.products_version


def test_second_sync_keeps_only_what_changed(aws, source):
    sync(source)
    source.data_centers.append(_dc("JPN1", "JPN", "Asia (Japan)"))
    source.images = [i for i in source.images if i.image_id != "img-debian"]
    source.images[0] = source.images[0].model_copy(update={"description": "Ubuntu 22.04 LTS"})
    catalog.set_product_override("V92", ProductOverride(label="Cloud VPS 10 SSD"), "admin:test")

    summary = sync(source)

    assert summary["result"]["regions"] == {"added": 1, "removed": 0, "changed": 0}
    diff = catalog.last_diff()
    assert [r.id for r in diff.regions.added] == ["JPN"]
    assert [r.id for r in diff.images.removed] == ["img-debian"]
    change = diff.images.changed[0]
    assert change.id == "img-ubuntu"
    assert change.changes["description"].new == "Ubuntu 22.04 LTS"
    product_change = diff.products.changed[0]
    assert product_change.id == "V92"
    assert set(product_change.changes) == {"label", "overridden"}
    assert diff.previous_synced_at is not None
    assert "debian-12" not in {c.id for c in catalog.choices("images").items}


def test_a_sync_short_of_time_resumes_with_the_next_step(aws, source):
    # 45 s left, 15 s per read (the lease reads once), 20 s margin: regions only.
    first = sync(source, FakeContext(remaining_ms=45_000, tick=15_000))
    assert first["outcome"] == "partial"
    assert first["counts"] == {"regions_changed": 2}
    calls = source.calls

    second = sync(source)

    assert second["outcome"] == "finished"
    assert second["resumed"] is True
    assert source.calls == calls + 1  # images only; regions were done
    diff = catalog.last_diff()
    assert len(diff.regions.added) == 2 and len(diff.images.added) == 4


def test_an_empty_answer_from_contabo_never_empties_the_catalog(aws, source):
    sync(source)
    source.images = []
    with pytest.raises(UpstreamUnavailable):
        sync(source)
    assert len(catalog.catalog_images()) == 4


def test_the_admin_view_shows_products_regions_images_and_the_version(aws, source):
    sync(source)
    view = catalog.catalog_view()
    assert view.products_version and view.synced_at
    assert {p.product_id for p in view.products} >= {"V91", "V8"}
    assert next(i for i in view.images if i["image_id"] == "img-pending")["available"] is False
