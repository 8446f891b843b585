"""Costs and margins in, WHMCS prices out, over signed HTTP."""

from __future__ import annotations

PRICING = {
    "cost_currency": "EUR",
    "currencies": [{"code": "USD", "rate": "1.10"}],
    "costs": [
        {"product_id": "V91", "period": 1, "monthly": "4.50", "setup": "0"},
        {"product_id": "V91", "period": 12, "monthly": 4.0},
        {"product_id": "V91", "region": "US-east", "period": 1, "monthly": "5.50"},
        {"product_id": "V91", "region": "US-east", "period": 12, "monthly": "5.00"},
    ],
    "option_costs": [
        {"option": "backup", "monthly": "1.00"},
        {"option": "additional_ipv4", "monthly": "2.00"},
        {"option": "private_networking", "monthly": "0"},
        {"option": "image", "item": "windows-server-2022-standard", "monthly": "7.00"},
    ],
    "margins": [
        {"currency": "EUR", "percent": "20", "rounding": {"mode": "ending", "ending": "0.99"}},
        {"currency": "USD", "percent": "20", "rounding": {"mode": "step", "step": "0.50"}},
    ],
}


def test_pricing_round_trip_and_export(whmcs):
    stored = whmcs.request("PUT", "/admin/pricing", PRICING)
    assert stored.status_code == 200, stored.text
    assert whmcs.request("GET", "/admin/pricing").json()["costs"][1]["monthly"] == "4.0"

    exported = whmcs.request("GET", "/admin/pricing/export?currency=EUR")
    assert exported.status_code == 200, exported.text
    body = exported.json()
    (v91,) = body["products"]
    assert v91["pricing"]["monthly"] == "5.99"  # 4.50 +20% -> .99
    assert v91["pricing"]["annually"] == "57.99"  # 48.00 +20% -> .99
    assert v91["pricing"]["quarterly"] == "-1.00"
    options = {o["name"]: o for o in v91["config_group"]["options"]}
    assert list(options) == [
        "Region|Location",
        "Operating System",
        "Private Networking",
        "Backup",
        "Additional IPv4",
    ]
    region_option = options["Region|Location"]["sub_options"]
    regions = {s["name"]: s["pricing"]["monthly"] for s in region_option}
    assert len(regions) == 9  # every region of the synced catalog
    assert regions["US-east|United States (East)"] == "1.00"
    assert regions["EU|European Union"] == "0.00"
    systems = {s["name"]: s["pricing"] for s in options["Operating System"]["sub_options"]}
    windows = "windows-server-2022-standard|windows-server-2022-standard (Windows)"
    assert systems[windows]["monthly"] == "8.40"
    assert {s["product_id"] for s in body["skipped"]} >= {"V92", "V8"}  # no costs entered

    usd = whmcs.request("GET", "/admin/pricing/export?currency=USD").json()
    assert usd["products"][0]["pricing"]["monthly"] == "6.00"  # 4.95 +20% = 5.94 -> 6.00


def test_bad_pricing_is_refused_with_a_readable_message(whmcs):
    bad = {**PRICING, "margins": [{"currency": "GBP", "percent": "10"}]}
    refused = whmcs.request("PUT", "/admin/pricing", bad)
    assert refused.status_code == 400
    assert "add GBP to currencies first" in refused.json()["error"]["message"]

    unknown = {**PRICING, "costs": [{"product_id": "V999", "period": 1, "monthly": "1"}]}
    refused = whmcs.request("PUT", "/admin/pricing", unknown)
    assert refused.status_code == 400
    assert refused.json()["error"]["message"] == "Not in the catalog: V999."

    currency = whmcs.request("GET", "/admin/pricing/export?currency=GBP")
    assert currency.status_code == 400
    assert "No prices in GBP" in currency.json()["error"]["message"]
