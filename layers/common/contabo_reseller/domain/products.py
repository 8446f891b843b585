"""Contabo's products as shipped data: Contabo's API has no product or price list."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from contabo_reseller.domain.model_base import DomainModel

_DATA = Path(__file__).resolve().parent.parent / "data" / "products.json"


class Product(DomainModel):
    product_id: str
    name: str
    product_type: str
    cpu_cores: int
    ram_mb: int
    disk_mb: int


@lru_cache(maxsize=1)
def shipped_products() -> dict[str, Product]:
    raw = json.loads(_DATA.read_text())
    return {item["product_id"]: Product.model_validate(item) for item in raw["products"]}
