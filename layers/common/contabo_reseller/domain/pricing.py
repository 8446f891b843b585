"""Prices: the reseller's costs and margin rules -> the prices WHMCS charges. Pure, and all
money is ``Decimal`` (never float).

Contabo publishes no price API, so the admin enters what Contabo charges (per product,
region and contract period, in the currency Contabo bills) and per selling currency an
exchange rate and margin rules (percent, a fixed amount per month, rounding such as .99).

The export is what WHMCS needs, per product: the product's recurring price and setup fee
per billing cycle (Contabo's periods 1/3/6/12 months are WHMCS's monthly, quarterly,
semiannually, annually), and a configurable option group whose sub-options carry the extra
price of each region, operating system and add-on. Sub-option names use WHMCS's
``value|Display`` form with the value the server module reads (see ServiceRequestMapper).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Annotated, Literal, Self

from pydantic import ConfigDict, Field, model_validator

from contabo_reseller.domain.catalog import CatalogImage, CatalogProduct, Region
from contabo_reseller.domain.errors import InvalidInput, InvalidValue
from contabo_reseller.domain.model_base import DomainModel

ANY = "*"
CENT = Decimal("0.01")
DISABLED = Decimal("-1.00")  # WHMCS's price for a billing cycle that is not offered
ZERO = Decimal("0.00")

Money = Annotated[Decimal, Field(ge=0, max_digits=12, decimal_places=4)]
Period = Literal[1, 3, 6, 12]
CurrencyCode = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
ProductRef = Annotated[str, Field(pattern=r"^(\*|V[0-9]{1,4})$")]
RegionRef = Annotated[str, Field(pattern=r"^(\*|[A-Za-z][A-Za-z-]{1,19})$")]
OptionKind = Literal["image", "private_networking", "backup", "additional_ipv4"]

PERIODS: tuple[int, ...] = (1, 3, 6, 12)
CYCLE_BY_PERIOD: dict[int, str] = {1: "monthly", 3: "quarterly", 6: "semiannually", 12: "annually"}
SETUP_BY_PERIOD: dict[int, str] = {1: "msetupfee", 3: "qsetupfee", 6: "ssetupfee", 12: "asetupfee"}


# The admin's configuration (GET/PUT /admin/pricing) ----------------------------------------


class ProductCost(DomainModel):
    """What Contabo charges for a product in a region on a contract period."""

    model_config = ConfigDict(extra="forbid")

    product_id: ProductRef
    region: RegionRef = ANY
    period: Period
    monthly: Money = Field(description="per month on this contract period")
    setup: Money = Field(default=Decimal(0), description="once per order on this period")


class OptionCost(DomainModel):
    """What an operating system licence or an add-on costs per month."""

    model_config = ConfigDict(extra="forbid")

    option: OptionKind
    item: str = Field(default=ANY, min_length=1, max_length=100, description="image name")
    product_id: ProductRef = ANY
    monthly: Money


class Rounding(DomainModel):
    """``cents``: to the cent; ``step``: up to a multiple of ``step`` (0.50, 1, 5);
    ``ending``: up to the next price ending in ``ending`` (0.99, 0.95, 0.00)."""

    model_config = ConfigDict(extra="forbid")

    mode: Literal["cents", "step", "ending"] = "cents"
    step: Decimal | None = Field(default=None, gt=0, decimal_places=2)
    ending: Decimal | None = Field(default=None, ge=0, lt=1, decimal_places=2)

    @model_validator(mode="after")
    def _parameter_matches_mode(self) -> Self:
        if self.mode == "step" and self.step is None:
            raise InvalidValue(
                "rounding mode 'step' needs 'step', e.g. 0.50", message_code="rounding_step_missing"
            )
        if self.mode == "ending" and self.ending is None:
            raise InvalidValue(
                "rounding mode 'ending' needs 'ending', e.g. 0.99",
                message_code="rounding_ending_missing",
            )
        return self


class MarginRule(DomainModel):
    """How a selling currency's prices are made from costs; a rule for one product wins
    over the currency's rule for every product (``"*"``)."""

    model_config = ConfigDict(extra="forbid")

    currency: CurrencyCode
    product_id: ProductRef = ANY
    percent: Decimal = Field(default=Decimal(0), ge=0, le=1000, decimal_places=4)
    fixed_monthly: Money = Decimal(0)
    rounding: Rounding = Field(default_factory=Rounding)
    option_rounding: Rounding = Field(default_factory=Rounding)


class Currency(DomainModel):
    model_config = ConfigDict(extra="forbid")

    code: CurrencyCode
    rate: Decimal = Field(gt=0, decimal_places=6, description="per 1 unit of the cost currency")


class PricingConfig(DomainModel):
    model_config = ConfigDict(extra="forbid")

    cost_currency: CurrencyCode = "EUR"
    currencies: list[Currency] = Field(default_factory=list, max_length=50)
    costs: list[ProductCost] = Field(default_factory=list, max_length=5000)
    option_costs: list[OptionCost] = Field(default_factory=list, max_length=2000)
    margins: list[MarginRule] = Field(default_factory=list, max_length=2000)

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        _unique("currencies", [(c.code,) for c in self.currencies])
        _unique("costs", [(c.product_id, c.region, c.period) for c in self.costs])
        _unique("option_costs", [(o.option, o.item, o.product_id) for o in self.option_costs])
        _unique("margins", [(m.currency, m.product_id) for m in self.margins])
        for currency in self.currencies:
            if currency.code == self.cost_currency and currency.rate != 1:
                raise InvalidValue(
                    f"the cost currency {self.cost_currency} must have rate 1",
                    message_code="cost_currency_rate",
                    params={"currency": self.cost_currency},
                )
        for rule in self.margins:
            if rule.currency not in self.selling_currencies():
                raise InvalidValue(
                    f"margin rule for {rule.currency}: add {rule.currency} to currencies first",
                    message_code="margin_currency_missing",
                    params={"currency": rule.currency},
                )
        for option in self.option_costs:
            if option.option != "image" and option.item != ANY:
                raise InvalidValue(
                    f"option_costs for {option.option}: item must be '*'",
                    message_code="option_item_star",
                    params={"option": option.option},
                )
        return self

    def selling_currencies(self) -> list[str]:
        codes = [c.code for c in self.currencies]
        return codes if self.cost_currency in codes else [self.cost_currency, *codes]

    def rate(self, currency: str) -> Decimal:
        if currency == self.cost_currency:
            return Decimal(1)
        for entry in self.currencies:
            if entry.code == currency:
                return entry.rate
        raise InvalidInput(
            f"No prices in {currency}: add it to the pricing's currencies with its exchange rate.",
            message_code="prices_missing_currency",
            params={"currency": currency},
        )

    def margin_for(self, currency: str, product_id: str) -> MarginRule | None:
        rules = {(m.currency, m.product_id): m for m in self.margins}
        return rules.get((currency, product_id)) or rules.get((currency, ANY))

    def product_cost(self, product_id: str, region: str, period: int) -> ProductCost | None:
        """A region's own cost wins over the product's cost for every region."""
        found: dict[tuple[str, int], ProductCost] = {
            (c.region, c.period): c for c in self.costs if c.product_id == product_id
        }
        return found.get((region, period)) or found.get((ANY, period))

    def option_cost(self, option: str, item: str, product_id: str) -> OptionCost | None:
        found = {(o.item, o.product_id): o for o in self.option_costs if o.option == option}
        for key in ((item, product_id), (item, ANY), (ANY, product_id), (ANY, ANY)):
            if key in found:
                return found[key]
        return None


def _unique(what: str, keys: Sequence[tuple[object, ...]]) -> None:
    seen: set[tuple[object, ...]] = set()
    for key in keys:
        if key in seen:
            raise InvalidValue(
                f"{what}: {'/'.join(map(str, key))} is listed twice",
                message_code="listed_twice",
                params={"what": what, "key": "/".join(map(str, key))},
            )
        seen.add(key)


# Price arithmetic --------------------------------------------------------------------------


def round_price(price: Decimal, rounding: Rounding) -> Decimal:
    """Rounds up (never below cost plus margin) to what the rule wants; zero stays zero."""
    if price <= 0:
        return ZERO
    if rounding.mode == "step":
        assert rounding.step is not None
        steps = (price / rounding.step).to_integral_value(rounding=ROUND_CEILING)
        return (steps * rounding.step).quantize(CENT)
    if rounding.mode == "ending":
        assert rounding.ending is not None
        candidate = price.to_integral_value(rounding=ROUND_FLOOR) + rounding.ending
        if candidate < price:
            candidate += 1
        return candidate.quantize(CENT)
    return price.quantize(CENT, rounding=ROUND_HALF_UP)


def sell(
    cost_monthly: Decimal, months: int, rate: Decimal, rule: MarginRule, *, option: bool = False
) -> Decimal:
    """The selling price of ``months`` months: converted, plus percent, plus the rule's fixed
    amount per month (already in the selling currency; products only), rounded by the rule."""
    converted = cost_monthly * months * rate
    price = converted * (1 + rule.percent / 100)
    if not option:
        price += rule.fixed_monthly * months
    return round_price(price, rule.option_rounding if option else rule.rounding)


def sell_setup(cost: Decimal, rate: Decimal, rule: MarginRule) -> Decimal:
    """A setup fee carries the percent margin, rounded to the cent only."""
    return round_price(cost * rate * (1 + rule.percent / 100), Rounding())


# The WHMCS export (GET /admin/pricing/export) -------------------------------------------------


class CyclePrices(DomainModel):
    """One tblpricing row: recurring price and setup fee per cycle; -1.00 = not offered."""

    monthly: Decimal = DISABLED
    quarterly: Decimal = DISABLED
    semiannually: Decimal = DISABLED
    annually: Decimal = DISABLED
    msetupfee: Decimal = ZERO
    qsetupfee: Decimal = ZERO
    ssetupfee: Decimal = ZERO
    asetupfee: Decimal = ZERO

    @classmethod
    def of(cls, prices: Mapping[int, tuple[Decimal, Decimal]], *, missing: Decimal) -> CyclePrices:
        values: dict[str, Decimal] = {}
        for period in PERIODS:
            recurring, setup = prices.get(period, (missing, ZERO))
            values[CYCLE_BY_PERIOD[period]] = recurring
            values[SETUP_BY_PERIOD[period]] = setup
        return cls(**values)


class SubOption(DomainModel):
    name: str
    pricing: CyclePrices


class ConfigOption(DomainModel):
    name: str
    type: Literal["dropdown", "yesno", "quantity"]
    whmcs_type: int = Field(description="tblproductconfigoptions.optiontype: 1, 3 or 4")
    quantity_min: int | None = None
    quantity_max: int | None = None
    sub_options: list[SubOption]


class ConfigGroup(DomainModel):
    name: str
    options: list[ConfigOption]


class ProductExport(DomainModel):
    product_id: str
    name: str  # the provider's label and specs: for the reseller, never a customer-facing name
    # What a reseller's naming template may use: cpu_cores, ram_gb, disk_gb, disk_type, kind.
    specs: dict[str, str] = Field(default_factory=dict)
    module_settings: dict[str, str]
    pricing: CyclePrices
    config_group: ConfigGroup


class Skipped(DomainModel):
    product_id: str
    reason: str


class PricingExport(DomainModel):
    currency: str
    cost_currency: str
    rate: Decimal
    products_version: str
    products: list[ProductExport]
    skipped: list[Skipped]
    warnings: list[str]


OPTION_TYPES = {"dropdown": 1, "yesno": 3, "quantity": 4}
ADD_ONS: tuple[tuple[OptionKind, str, Literal["yesno", "quantity"], str], ...] = (
    ("private_networking", "Private Networking", "yesno", "Yes"),
    ("backup", "Backup", "yesno", "Yes"),
    ("additional_ipv4", "Additional IPv4", "quantity", "IPv4 address"),
)


def build_export(
    config: PricingConfig,
    currency: str,
    *,
    products: Sequence[CatalogProduct],
    regions: Sequence[Region],
    images: Sequence[CatalogImage],
    products_version: str,
) -> PricingExport:
    """Every enabled product that has costs and a margin rule in ``currency``, priced."""
    rate = config.rate(currency)
    exported: list[ProductExport] = []
    skipped: list[Skipped] = []
    warnings: list[str] = []
    for product in products:
        if not product.enabled:
            continue
        rule = config.margin_for(currency, product.product_id)
        if rule is None:
            skipped.append(
                Skipped(product_id=product.product_id, reason=f"no margin rule for {currency}")
            )
            continue
        priced = _price_product(config, product, rule, rate, regions, images, warnings)
        if isinstance(priced, Skipped):
            skipped.append(priced)
        else:
            exported.append(priced)
    return PricingExport(
        currency=currency,
        cost_currency=config.cost_currency,
        rate=rate,
        products_version=products_version,
        products=exported,
        skipped=skipped,
        warnings=warnings,
    )


def _price_product(
    config: PricingConfig,
    product: CatalogProduct,
    rule: MarginRule,
    rate: Decimal,
    regions: Sequence[Region],
    images: Sequence[CatalogImage],
    warnings: list[str],
) -> ProductExport | Skipped:
    pid = product.product_id
    costs = {
        region.region_id: {
            period: cost
            for period in PERIODS
            if (cost := config.product_cost(pid, region.region_id, period)) is not None
        }
        for region in regions
    }
    periods: list[int] = sorted({period for by_period in costs.values() for period in by_period})
    if not periods:
        return Skipped(product_id=pid, reason=f"no cost entered for {pid}")
    offered = [r for r in regions if all(p in costs[r.region_id] for p in periods)]
    for region in regions:
        if region not in offered and costs[region.region_id]:
            warnings.append(
                f"{pid}: region {region.region_id} lacks a cost for some of the periods "
                f"{', '.join(map(str, periods))}; it is not offered"
            )
    if not offered:
        return Skipped(product_id=pid, reason="no region has a cost for every offered period")

    full = {
        region.region_id: {
            period: (
                sell(costs[region.region_id][period].monthly, period, rate, rule),
                sell_setup(costs[region.region_id][period].setup, rate, rule),
            )
            for period in periods
        }
        for region in offered
    }
    # The product's own price is the cheapest region's; each region adds its difference.
    base = {
        period: (
            min(full[r.region_id][period][0] for r in offered),
            min(full[r.region_id][period][1] for r in offered),
        )
        for period in periods
    }
    region_option = ConfigOption(
        name="Region|Location",
        type="dropdown",
        whmcs_type=OPTION_TYPES["dropdown"],
        sub_options=[
            SubOption(
                name=f"{region.region_id}|{region.name}",
                pricing=CyclePrices.of(
                    {
                        period: (
                            full[region.region_id][period][0] - base[period][0],
                            full[region.region_id][period][1] - base[period][1],
                        )
                        for period in periods
                    },
                    missing=ZERO,
                ),
            )
            for region in offered
        ],
    )
    options = [region_option]
    image_option = _image_option(config, product, rule, rate, periods, images, warnings)
    if image_option is not None:
        options.append(image_option)
    options.extend(_add_on_options(config, product, rule, rate, periods, warnings))
    return ProductExport(
        product_id=pid,
        name=product.display_name,
        specs=product.specs(),
        module_settings={"configoption1": pid},
        pricing=CyclePrices.of(base, missing=DISABLED),
        config_group=ConfigGroup(name=f"{product.label} ({pid}) options", options=options),
    )


def _image_option(
    config: PricingConfig,
    product: CatalogProduct,
    rule: MarginRule,
    rate: Decimal,
    periods: Sequence[int],
    images: Sequence[CatalogImage],
    warnings: list[str],
) -> ConfigOption | None:
    sub_options = []
    for image in images:
        if not image.available:
            continue
        cost = config.option_cost("image", image.name, product.product_id)
        if cost is None and image.os_type.lower() == "windows":
            # Contabo charges a licence for Windows: never sell it without its cost.
            warnings.append(
                f"{product.product_id}: {image.name} needs its licence cost "
                "(option_costs, option 'image'); it is not offered"
            )
            continue
        monthly = cost.monthly if cost else Decimal(0)
        sub_options.append(
            SubOption(
                name=f"{image.choice_id}|{image.display_name}",
                pricing=_option_prices(monthly, rate, rule, periods),
            )
        )
    if not sub_options:
        return None
    return ConfigOption(
        name="Operating System",
        type="dropdown",
        whmcs_type=OPTION_TYPES["dropdown"],
        sub_options=sub_options,
    )


def _add_on_options(
    config: PricingConfig,
    product: CatalogProduct,
    rule: MarginRule,
    rate: Decimal,
    periods: Sequence[int],
    warnings: list[str],
) -> list[ConfigOption]:
    options = []
    for kind, name, option_type, sub_name in ADD_ONS:
        cost = config.option_cost(kind, ANY, product.product_id)
        if cost is None:
            warnings.append(f"{product.product_id}: no cost for {kind}; the add-on is not offered")
            continue
        options.append(
            ConfigOption(
                name=name,
                type=option_type,
                whmcs_type=OPTION_TYPES[option_type],
                quantity_min=0 if option_type == "quantity" else None,
                quantity_max=1 if option_type == "quantity" else None,
                sub_options=[
                    SubOption(
                        name=sub_name, pricing=_option_prices(cost.monthly, rate, rule, periods)
                    )
                ],
            )
        )
    return options


def _option_prices(
    monthly: Decimal, rate: Decimal, rule: MarginRule, periods: Sequence[int]
) -> CyclePrices:
    return CyclePrices.of(
        {period: (sell(monthly, period, rate, rule, option=True), ZERO) for period in periods},
        missing=ZERO,
    )
