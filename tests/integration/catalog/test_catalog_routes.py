"""The ConfigOptions loaders' routes, the admin catalog and the daily sync, over signed HTTP."""

from __future__ import annotations

from tests.integration.lifecycle.test_create_and_provision import order


def test_loader_routes_list_products_regions_and_images(whmcs):
    products = whmcs.request("GET", "/catalog/products")
    assert products.status_code == 200, products.text
    names = {item["id"]: item["name"] for item in products.json()["items"]}
    assert names["V91"] == "Cloud VPS 10 (4 vCPU, 8 GB RAM, 75 GB NVMe)"

    regions = {i["id"]: i["name"] for i in whmcs.request("GET", "/catalog/regions").json()["items"]}
    assert regions["EU"] == "European Union (EU)"
    assert len(regions) == 9  # the simulator's data centers, one region each

    images = whmcs.request("GET", "/catalog/images").json()["items"]
    assert {"id": "ubuntu-22.04", "name": "ubuntu-22.04 (Linux)"} in images


def test_loader_routes_are_signed(stack):
    import httpx

    response = httpx.get(f"{stack.api_url}/catalog/products")
    assert response.status_code == 401


def test_catalog_sync_runs_and_its_diff_is_served(stack, whmcs):
    summary = stack.run_job("CatalogSyncFunction")["result"]
    assert summary["outcome"] == "finished", summary
    again = stack.run_job("CatalogSyncFunction")["result"]
    assert again["result"]["images"] == {"added": 0, "removed": 0, "changed": 0}

    diff = whmcs.request("GET", "/admin/catalog/diff").json()
    assert diff["previous_synced_at"] is not None
    assert diff["images"] == {"added": [], "removed": [], "changed": []}

    catalog = whmcs.request("GET", "/admin/catalog").json()
    assert catalog["synced_at"] == diff["synced_at"]
    assert {p["product_id"] for p in catalog["products"]} >= {"V91", "V16"}
    assert {r["region_id"] for r in catalog["regions"]} >= {"EU", "SIN"}


def test_admin_override_changes_the_dropdown_and_what_can_be_ordered(whmcs, service_id):
    hidden = whmcs.request("PUT", "/admin/catalog/products/V93", {"enabled": False})
    assert hidden.status_code == 200, hidden.text
    assert hidden.json()["product"]["enabled"] is False
    try:
        ids = {i["id"] for i in whmcs.request("GET", "/catalog/products").json()["items"]}
        assert "V93" not in ids
        refused = whmcs.request("POST", f"/services/{service_id}/create", order(product_id="V93"))
        assert refused.status_code == 400
        assert refused.json()["error"]["message"] == "The product V93 is not offered."
    finally:
        restored = whmcs.request("PUT", "/admin/catalog/products/V93", {})
        assert restored.status_code == 200
    assert restored.json()["override"] is None


def test_admin_override_refuses_bad_input_with_a_readable_message(whmcs):
    unknown_field = whmcs.request("PUT", "/admin/catalog/products/V91", {"price": 3})
    assert unknown_field.status_code == 400
    incomplete = whmcs.request("PUT", "/admin/catalog/products/V200", {"label": "New"})
    assert incomplete.status_code == 400
    assert "V200 is not in the shipped product data" in incomplete.json()["error"]["message"]
