"""Guardrail admin routes; each guardrail's enforcement is tested with its action
(test_compute_rescue.py, test_compute_reinstall.py, test_snapshots.py)."""

from __future__ import annotations

DEFAULTS = {
    "allow_reinstall": True,
    "allow_rescue": True,
    "allow_snapshot_rollback": True,
    "allow_private_network_create": True,
    "allow_automatic_snapshots": True,
    "allow_custom_images": True,
    "require_ssh_key": False,
    "cloud_init_max_bytes": 16384,
    "max_snapshots": None,
    "max_custom_images": None,
    "max_dns_zones": 20,
    "max_dns_records_per_zone": 200,
}


def test_defaults_allow_everything(whmcs):
    response = whmcs.request("GET", "/admin/products/880001/guardrails")
    assert response.status_code == 200
    assert response.json() == DEFAULTS


def test_put_then_get(whmcs):
    wanted = {**DEFAULTS, "allow_rescue": False, "max_snapshots": 1, "cloud_init_max_bytes": 512}
    put = whmcs.request("PUT", "/admin/products/880002/guardrails", wanted)
    assert put.status_code == 200, put.text
    assert put.json() == wanted
    assert whmcs.request("GET", "/admin/products/880002/guardrails").json() == wanted
    assert whmcs.request("GET", "/admin/products/880003/guardrails").json() == DEFAULTS


def test_invalid_guardrails_are_refused(whmcs):
    too_big = whmcs.request(
        "PUT", "/admin/products/880004/guardrails", {"cloud_init_max_bytes": 10_000_000}
    )
    assert too_big.status_code == 400
    assert "cloud_init_max_bytes" in too_big.json()["error"]["message"]
    unknown = whmcs.request("PUT", "/admin/products/880004/guardrails", {"allow_everything": True})
    assert unknown.status_code == 400
    assert whmcs.request("GET", "/admin/products/abc/guardrails").status_code == 400
