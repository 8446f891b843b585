"""The daily catalog sync: regions (Contabo's data centers), images (standard and the
reseller's custom ones) and products (shipped data with the admin's overrides).

Each kind is one step; after each step the run saves its checkpoint (the steps done and their
diffs), so a run cut short resumes with the next step. Only items that changed are written.
The diff against the previous sync is kept for ``GET /admin/catalog/diff``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from contabo_reseller.adapters import config_items
from contabo_reseller.domain.catalog import CatalogDiff, KindDiff, diff_items, shipped_catalog
from contabo_reseller.services import catalog
from contabo_reseller.services.catalog_port import CatalogSource, catalog_source
from contabo_reseller.services.jobs.scheduled_jobs import JobRun, Paused

JOB_NAME = "catalog-sync"
STEPS = ("regions", "images", "products")


def sync_catalog(run: JobRun, source: CatalogSource | None = None) -> dict[str, Any] | Paused:
    contabo = source or catalog_source()
    done: list[str] = list(run.checkpoint.get("done") or [])
    diffs: dict[str, Any] = dict(run.checkpoint.get("diffs") or {})
    started_at = run.checkpoint.get("started_at") or datetime.now(UTC).isoformat()
    steps: dict[str, Callable[[], KindDiff]] = {
        "regions": lambda: _sync_regions(contabo),
        "images": lambda: _sync_images(contabo),
        "products": _sync_products,
    }
    for step in STEPS:
        if step in done:
            continue
        if run.out_of_time():
            return run.pause({"done": done, "diffs": diffs, "started_at": started_at})
        diff = steps[step]()
        diffs[step] = diff.model_dump()
        done.append(step)
        run.count(f"{step}_changed", len(diff.added) + len(diff.removed) + len(diff.changed))
        run.save({"done": done, "diffs": diffs, "started_at": started_at})
    return _finish(diffs, started_at)


def _sync_regions(source: CatalogSource) -> KindDiff:
    regions = catalog.fetched_regions(source)
    return _apply(catalog.REGION, {r.region_id: r.model_dump() for r in regions})


def _sync_images(source: CatalogSource) -> KindDiff:
    images = catalog.fetched_images(source)
    return _apply(catalog.IMAGE, {i.image_id: i.model_dump() for i in images})


def _sync_products() -> KindDiff:
    products = catalog.effective_products()
    return _apply(
        catalog.PRODUCT,
        {p.product_id: p.model_dump(exclude={"display_name"}) for p in products},
        name_field="label",
    )


def _apply(kind: str, new: dict[str, dict[str, Any]], name_field: str = "name") -> KindDiff:
    """Writes what changed since the stored list and says what that was."""
    old = dict(config_items.all_of(kind))
    diff = diff_items(old, new, name_field)
    for ref in diff.added:
        config_items.put(kind, ref.id, new[ref.id])
    for change in diff.changed:
        config_items.put(kind, change.id, new[change.id])
    for ref in diff.removed:
        config_items.delete(kind, ref.id)
    return diff


def _finish(diffs: dict[str, Any], started_at: str) -> dict[str, Any]:
    previous = config_items.get(catalog.SYNC, "state") or {}
    version = shipped_catalog().version
    diff = CatalogDiff(
        synced_at=started_at,
        previous_synced_at=previous.get("synced_at"),
        products_version=version,
        previous_products_version=previous.get("products_version"),
        **{step: KindDiff.model_validate(diffs[step]) for step in STEPS},
    )
    config_items.put(catalog.SYNC, "diff", diff.model_dump(mode="json"))
    config_items.put(catalog.SYNC, "state", {"synced_at": started_at, "products_version": version})
    return {
        step: {
            "added": len(getattr(diff, step).added),
            "removed": len(getattr(diff, step).removed),
            "changed": len(getattr(diff, step).changed),
        }
        for step in STEPS
    }
