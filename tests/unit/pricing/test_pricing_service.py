"""The pricing service on in-process moto: stored config, catalog checks, the export."""

from __future__ import annotations

import pytest

from contabo_reseller.domain.errors import InvalidInput
from contabo_reseller.domain.pricing import PricingConfig
from contabo_reseller.services import catalog
from contabo_reseller.services.billing import pricing
from tests.unit.catalog.test_catalog_service import FakeCatalogSource


@pytest.fixture(autouse=True)
def source(monkeypatch) -> FakeCatalogSource:
    fake = FakeCatalogSource()
    monkeypatch.setattr(catalog, "catalog_source", lambda: fake)
    return fake


CONFIG = {
    "costs": [
        {"product_id": "V91", "period": 1, "monthly": "4.50"},
        {"product_id": "V91", "region": "UK", "period": 1, "monthly": "5.00"},
    ],
    "margins": [{"currency": "EUR", "percent": "25"}],
}


def test_an_unset_pricing_is_empty_and_exports_nothing(aws):
    assert pricing.get_pricing() == PricingConfig()
    exported = pricing.export("EUR")
    assert exported.products == []
    assert {s.reason for s in exported.skipped} == {"no margin rule for EUR"}


def test_stored_pricing_drives_the_export_with_the_catalogs_regions(aws):
    pricing.put_pricing(PricingConfig.model_validate(CONFIG), "admin:test")
    assert pricing.get_pricing().costs[1].region == "UK"
    exported = pricing.export("EUR")
    (v91,) = exported.products
    assert str(v91.pricing.monthly) == "5.63"  # 4.50 +25% = 5.625 -> 5.63
    regions = [s.name for s in v91.config_group.options[0].sub_options]
    assert regions == ["EU|European Union", "UK|UK"]  # the fake source's two regions


def test_pricing_naming_what_the_catalog_lacks_is_refused(aws):
    unknown_product = {**CONFIG, "costs": [{"product_id": "V999", "period": 1, "monthly": "1"}]}
    with pytest.raises(InvalidInput, match="Not in the catalog: V999"):
        pricing.put_pricing(PricingConfig.model_validate(unknown_product), "admin:test")
    unknown_region = {
        **CONFIG,
        "costs": [{"product_id": "V91", "region": "MARS", "period": 1, "monthly": "1"}],
    }
    with pytest.raises(InvalidInput, match="Unknown regions: MARS"):
        pricing.put_pricing(PricingConfig.model_validate(unknown_region), "admin:test")
    assert pricing.get_pricing() == PricingConfig()  # nothing stored


def test_an_unknown_currency_is_refused(aws):
    with pytest.raises(InvalidInput, match="No prices in GBP"):
        pricing.export("GBP")
