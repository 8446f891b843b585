"""Pricing rules: rounding, margins, currencies, configuration checks and the WHMCS export.

Every expected price is worked out by hand in the comment beside it.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import ValidationError

from contabo_reseller.domain.catalog import CatalogImage, CatalogProduct, Region
from contabo_reseller.domain.errors import InvalidInput
from contabo_reseller.domain.pricing import (
    MarginRule,
    PricingConfig,
    Rounding,
    build_export,
    round_price,
    sell,
    sell_setup,
)

D = Decimal


# Rounding ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("price", "expected"),
    [("5.005", "5.01"), ("5.004", "5.00"), ("0.001", "0.00"), ("12", "12.00")],
)
def test_cents_round_half_up(price, expected):
    assert round_price(D(price), Rounding()) == D(expected)


@pytest.mark.parametrize(
    ("price", "step", "expected"),
    [
        ("5.01", "0.50", "5.50"),
        ("5.50", "0.50", "5.50"),
        ("5.01", "1", "6.00"),
        ("12", "5", "15.00"),
        ("0.01", "0.25", "0.25"),
    ],
)
def test_step_rounds_up_to_a_multiple(price, step, expected):
    assert round_price(D(price), Rounding(mode="step", step=D(step))) == D(expected)


@pytest.mark.parametrize(
    ("price", "ending", "expected"),
    [
        ("5.37", "0.99", "5.99"),
        ("5.99", "0.99", "5.99"),  # already ends right: unchanged
        ("6.00", "0.99", "6.99"),  # never below the price
        ("5.991", "0.99", "6.99"),
        ("5.96", "0.95", "6.95"),
        ("5.01", "0.00", "6.00"),
        ("5.00", "0.00", "5.00"),
        ("0.20", "0.49", "0.49"),
    ],
)
def test_ending_rounds_up_to_the_next_price_with_that_ending(price, ending, expected):
    assert round_price(D(price), Rounding(mode="ending", ending=D(ending))) == D(expected)


@pytest.mark.parametrize("rounding", [Rounding(), Rounding(mode="ending", ending=D("0.99"))])
def test_nothing_costs_nothing_whatever_the_rounding(rounding):
    assert round_price(D(0), rounding) == D("0.00")
    assert round_price(D("-1"), rounding) == D("0.00")


def test_rounding_needs_its_parameter_and_sane_values():
    with pytest.raises(ValidationError, match="needs 'step'"):
        Rounding(mode="step")
    with pytest.raises(ValidationError, match="needs 'ending'"):
        Rounding(mode="ending")
    with pytest.raises(ValidationError):
        Rounding(mode="ending", ending=D("1.00"))
    with pytest.raises(ValidationError):
        Rounding(mode="step", step=D("0.001"))


# Margins -----------------------------------------------------------------------------------


def test_percent_fixed_and_ending_on_a_twelve_month_period():
    rule = MarginRule(
        currency="EUR",
        percent=D(30),
        fixed_monthly=D(1),
        rounding=Rounding(mode="ending", ending=D("0.99")),
    )
    # 4.50 x 12 = 54.00; +30% = 70.20; +1.00 x 12 = 82.20; -> 82.99
    assert sell(D("4.50"), 12, D(1), rule) == D("82.99")


def test_conversion_then_margin_stays_exact_in_decimal():
    rule = MarginRule(currency="USD", percent=D(20))
    # 5.00 x 1.08 = 5.40; +20% = 6.48 (no float drift)
    assert sell(D("5.00"), 1, D("1.08"), rule) == D("6.48")
    # 0.10 x 3 x 1 = 0.30; +20% = 0.36
    price = sell(D("0.10"), 3, D(1), rule)
    assert price == D("0.36") and isinstance(price, Decimal)


def test_options_carry_the_percent_but_not_the_fixed_amount():
    rule = MarginRule(
        currency="EUR",
        percent=D(10),
        fixed_monthly=D(5),
        rounding=Rounding(mode="ending", ending=D("0.99")),
        option_rounding=Rounding(mode="step", step=D("0.50")),
    )
    # 1.00 x 3 = 3.00; +10% = 3.30; option rounding step 0.50 -> 3.50; no fixed amount
    assert sell(D("1.00"), 3, D(1), rule, option=True) == D("3.50")


def test_setup_fees_carry_the_percent_and_round_to_the_cent():
    rule = MarginRule(currency="EUR", percent=D(20), rounding=Rounding(mode="step", step=D(5)))
    # 3.00 + 20% = 3.60: the product's step rounding does not apply to setup fees
    assert sell_setup(D("3.00"), D(1), rule) == D("3.60")


# The configuration -------------------------------------------------------------------------


def config(**overrides) -> PricingConfig:
    data = {
        "cost_currency": "EUR",
        "currencies": [{"code": "USD", "rate": "1.10"}],
        "costs": [
            {"product_id": "V91", "period": 1, "monthly": "4.50", "setup": "3.00"},
            {"product_id": "V91", "period": 12, "monthly": "4.00"},
            {"product_id": "V91", "region": "US-east", "period": 1, "monthly": "5.50",
             "setup": "3.00"},
            {"product_id": "V91", "region": "US-east", "period": 12, "monthly": "5.00"},
            {"product_id": "V92", "period": 1, "monthly": "6.00"},
        ],
        "option_costs": [
            {"option": "backup", "monthly": "1.00"},
            {"option": "additional_ipv4", "monthly": "2.00"},
            {"option": "private_networking", "monthly": "0"},
            {"option": "image", "item": "windows-server-2022-standard", "product_id": "V91",
             "monthly": "7.00"},
        ],
        "margins": [
            {"currency": "EUR", "percent": "20",
             "rounding": {"mode": "ending", "ending": "0.99"}},
            {"currency": "USD", "percent": "20", "rounding": {"mode": "step", "step": "0.50"}},
        ],
    }  # fmt: skip
    data.update(overrides)
    return PricingConfig.model_validate(data)


def test_json_numbers_become_exact_decimals():
    parsed = PricingConfig.model_validate(
        {"costs": [{"product_id": "V91", "period": 1, "monthly": 4.99}]}
    )
    assert parsed.costs[0].monthly == D("4.99")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"costs": [{"product_id": "V91", "period": 1, "monthly": "1"}] * 2},
            "costs: V91/\\*/1 is listed twice",
        ),
        ({"margins": [{"currency": "GBP"}]}, "add GBP to currencies first"),
        ({"currencies": [{"code": "EUR", "rate": "1.2"}]}, "must have rate 1"),
        (
            {"option_costs": [{"option": "backup", "item": "x", "monthly": "1"}]},
            "item must be '\\*'",
        ),
        ({"costs": [{"product_id": "V91", "period": 2, "monthly": "1"}]}, "period"),
        ({"costs": [{"product_id": "V91", "period": 1, "monthly": "-1"}]}, "monthly"),
        ({"costs": [{"product_id": "X1", "period": 1, "monthly": "1"}]}, "product_id"),
        ({"discount": 5}, "discount"),
    ],
)
def test_inconsistent_configuration_is_refused_with_the_reason(change, message):
    with pytest.raises(ValidationError, match=message):
        config(**change)


def test_a_products_own_margin_rule_wins_over_the_currency_rule():
    special = {"currency": "EUR", "product_id": "V92", "percent": "50"}
    priced = config(margins=[*config().model_dump()["margins"], special])
    assert priced.margin_for("EUR", "V92").percent == 50
    assert priced.margin_for("EUR", "V91").percent == 20
    assert priced.margin_for("GBP", "V91") is None


def test_a_regions_own_cost_wins_over_the_cost_for_every_region():
    priced = config()
    assert priced.product_cost("V91", "US-east", 1).monthly == D("5.50")
    assert priced.product_cost("V91", "EU", 1).monthly == D("4.50")
    assert priced.product_cost("V91", "EU", 3) is None


def test_option_costs_are_found_most_specific_first():
    priced = config()
    assert priced.option_cost("image", "windows-server-2022-standard", "V91").monthly == 7
    assert priced.option_cost("image", "windows-server-2022-standard", "V92") is None
    assert priced.option_cost("backup", "*", "V92").monthly == 1


def test_an_unknown_selling_currency_is_a_clear_error():
    with pytest.raises(InvalidInput, match="No prices in GBP"):
        config().rate("GBP")
    assert config().rate("EUR") == 1
    assert config().selling_currencies() == ["EUR", "USD"]


# The export --------------------------------------------------------------------------------

REGIONS = [
    Region(region_id="EU", name="European Union"),
    Region(region_id="US-east", name="United States (East)"),
    Region(region_id="UK", name="United Kingdom"),
]
IMAGES = [
    CatalogImage(image_id="u", name="ubuntu-22.04", description="Ubuntu 22.04"),
    CatalogImage(image_id="w", name="windows-server-2022-standard", os_type="Windows"),
    CatalogImage(image_id="p", name="pending", status="Pending"),
]


def product(product_id: str, **changes) -> CatalogProduct:
    values = {
        "product_id": product_id,
        "label": f"Cloud {product_id}",
        "product_type": "nvme",
        "cpu_cores": 4,
        "ram_mb": 8192,
        "disk_mb": 76800,
        "disk_type": "NVMe",
        **changes,
    }
    return CatalogProduct.model_validate(values)


def export(currency="EUR", products=None, priced=None):
    return build_export(
        priced or config(),
        currency,
        products=products or [product("V91")],
        regions=REGIONS,
        images=IMAGES,
        products_version="test-1",
    )


def option(exported, name):
    return next(o for o in exported.config_group.options if o.name == name)


def test_product_prices_per_whmcs_cycle_with_setup_fees():
    v91 = export().products[0]
    # cheapest region per cycle: 4.50 +20% = 5.40 -> 5.99; 48.00 +20% = 57.60 -> 57.99
    assert v91.pricing.monthly == D("5.99")
    assert v91.pricing.annually == D("57.99")
    assert v91.pricing.quarterly == D("-1.00")  # no cost for 3 months: not offered
    assert v91.pricing.semiannually == D("-1.00")
    assert v91.pricing.msetupfee == D("3.60")  # 3.00 +20%
    assert v91.pricing.asetupfee == D("0.00")
    assert v91.module_settings == {"configoption1": "V91"}
    assert v91.name == "Cloud V91 (4 vCPU, 8 GB RAM, 75 GB NVMe)"


def test_each_region_adds_its_difference_to_the_cheapest():
    region = option(export().products[0], "Region|Location")
    assert region.whmcs_type == 1
    prices = {s.name: s.pricing for s in region.sub_options}
    assert set(prices) == {"EU|European Union", "US-east|United States (East)", "UK|United Kingdom"}
    assert prices["EU|European Union"].monthly == D("0.00")
    # US-east: 5.50 +20% = 6.60 -> 6.99, i.e. 1.00 more than 5.99
    assert prices["US-east|United States (East)"].monthly == D("1.00")
    # 60.00 +20% = 72.00 -> 72.99, i.e. 15.00 more than 57.99
    assert prices["US-east|United States (East)"].annually == D("15.00")
    assert prices["US-east|United States (East)"].quarterly == D("0.00")


def test_operating_systems_and_the_windows_licence():
    os_option = option(export().products[0], "Operating System")
    images = {s.name: s.pricing for s in os_option.sub_options}
    assert images["ubuntu-22.04|Ubuntu 22.04 (Linux)"].monthly == D("0.00")
    windows = images["windows-server-2022-standard|windows-server-2022-standard (Windows)"]
    assert (windows.monthly, windows.annually) == (D("8.40"), D("100.80"))  # 7.00 / 84.00 +20%
    assert not any(name.startswith("pending") for name in images)  # not ready: not sold


def test_windows_without_a_licence_cost_is_not_sold_and_the_admin_is_told():
    exported = export(products=[product("V92")])
    names = [s.name for s in option(exported.products[0], "Operating System").sub_options]
    assert names == ["ubuntu-22.04|Ubuntu 22.04 (Linux)"]
    needs_cost = "windows-server-2022-standard needs its licence cost"
    assert any(needs_cost in w for w in exported.warnings)


def test_add_ons_as_yes_no_and_quantity_options():
    v91 = export().products[0]
    backup = option(v91, "Backup")
    assert (backup.type, backup.whmcs_type) == ("yesno", 3)
    assert (backup.sub_options[0].pricing.monthly, backup.sub_options[0].pricing.annually) == (
        D("1.20"),
        D("14.40"),
    )
    ipv4 = option(v91, "Additional IPv4")
    assert (ipv4.whmcs_type, ipv4.quantity_min, ipv4.quantity_max) == (4, 0, 1)
    assert ipv4.sub_options[0].pricing.monthly == D("2.40")
    assert option(v91, "Private Networking").sub_options[0].pricing.monthly == D("0.00")


def test_an_add_on_without_a_cost_is_left_out_with_a_warning():
    priced = config(option_costs=[{"option": "backup", "monthly": "1"}])
    exported = export(priced=priced)
    names = [o.name for o in exported.products[0].config_group.options]
    assert "Additional IPv4" not in names and "Backup" in names
    assert "V91: no cost for additional_ipv4; the add-on is not offered" in exported.warnings


def test_selling_currency_converts_and_uses_its_own_rule():
    v91 = export("USD").products[0]
    # 4.50 x 1.10 = 4.95; +20% = 5.94; step 0.50 -> 6.00
    assert v91.pricing.monthly == D("6.00")
    # 48.00 x 1.10 = 52.80; +20% = 63.36 -> 63.50
    assert v91.pricing.annually == D("63.50")
    assert v91.pricing.msetupfee == D("3.96")  # 3.00 x 1.10 +20%
    region = {s.name: s.pricing for s in option(v91, "Region|Location").sub_options}
    # 5.50 x 1.10 = 6.05; +20% = 7.26 -> 7.50: 1.50 more
    assert region["US-east|United States (East)"].monthly == D("1.50")


def test_products_without_costs_or_margin_are_skipped_and_disabled_ones_left_out():
    products = [product("V91"), product("V93"), product("V92", enabled=False)]
    priced = config(margins=[{"currency": "EUR", "product_id": "V93", "percent": "10"}])
    exported = export(products=products, priced=priced)
    assert [p.product_id for p in exported.products] == []
    assert {(s.product_id, s.reason) for s in exported.skipped} == {
        ("V91", "no margin rule for EUR"),
        ("V93", "no cost entered for V93"),
    }


def test_a_region_missing_a_period_is_not_offered():
    costs = [
        {"product_id": "V91", "period": 1, "monthly": "4"},
        {"product_id": "V91", "region": "EU", "period": 12, "monthly": "3"},
    ]
    exported = export(priced=config(costs=costs))
    region = option(exported.products[0], "Region|Location")
    assert [s.name for s in region.sub_options] == ["EU|European Union"]
    assert any("region UK lacks a cost" in w for w in exported.warnings)


def test_the_export_as_json_carries_prices_as_strings():
    body = export().model_dump(mode="json")
    pricing = body["products"][0]["pricing"]
    assert pricing["monthly"] == "5.99"
    assert pricing["quarterly"] == "-1.00"
    assert body["rate"] == "1"
    assert body["products_version"] == "test-1"
