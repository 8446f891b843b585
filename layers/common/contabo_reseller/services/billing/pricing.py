"""The reseller's costs and margin rules (stored in the catalog table, kind ``pricing``) and
the WHMCS pricing export built from them and the current catalog."""

from __future__ import annotations

from contabo_reseller.adapters import audit_log, config_items
from contabo_reseller.domain.catalog import shipped_catalog
from contabo_reseller.domain.errors import InvalidInput
from contabo_reseller.domain.pricing import ANY, PricingConfig, PricingExport, build_export
from contabo_reseller.services import catalog

KIND, ITEM = "pricing", "config"


def get_pricing() -> PricingConfig:
    return PricingConfig.model_validate(config_items.get(KIND, ITEM) or {})


def put_pricing(config: PricingConfig, actor: str) -> PricingConfig:
    """Replaces the pricing after checking it names only products and regions that exist."""
    products = {p.product_id for p in catalog.effective_products()}
    regions = {r.region_id for r in catalog.known_regions()}
    named_products = (
        {c.product_id for c in config.costs}
        | {o.product_id for o in config.option_costs}
        | {m.product_id for m in config.margins}
    )
    unknown = sorted(named_products - products - {ANY})
    if unknown:
        raise InvalidInput(
            f"Not in the catalog: {', '.join(unknown)}.",
            message_code="pricing_unknown_products",
            params={"products": ", ".join(unknown)},
        )
    unknown = sorted({c.region for c in config.costs} - regions - {ANY})
    if unknown:
        raise InvalidInput(
            f"Unknown regions: {', '.join(unknown)}.",
            message_code="pricing_unknown_regions",
            params={"regions": ", ".join(unknown)},
        )
    config_items.put(KIND, ITEM, config.model_dump(mode="json"))
    audit_log.record(
        kind="action",
        action="pricing.update",
        outcome="ok",
        actor=actor,
        message=(
            f"{len(config.costs)} costs, {len(config.option_costs)} option costs, "
            f"{len(config.margins)} margin rules, currencies {config.selling_currencies()}"
        ),
    )
    return config


def export(currency: str) -> PricingExport:
    return build_export(
        get_pricing(),
        currency,
        products=catalog.effective_products(),
        regions=catalog.known_regions(),
        images=catalog.catalog_images(),
        products_version=shipped_catalog().version,
    )
