"""Guardrails per WHMCS product: read (defaults when none are set) and set by the admin."""

from __future__ import annotations

from contabo_reseller.adapters import config_items
from contabo_reseller.domain.guardrails import Guardrails

KIND = "guardrails"


def get_guardrails(whmcs_product_id: str | None) -> Guardrails:
    if not whmcs_product_id:
        return Guardrails()
    stored = config_items.get(KIND, whmcs_product_id)
    return Guardrails.model_validate(stored) if stored else Guardrails()


def put_guardrails(whmcs_product_id: str, guardrails: Guardrails) -> Guardrails:
    config_items.put(KIND, whmcs_product_id, guardrails.model_dump(mode="json"))
    return guardrails
