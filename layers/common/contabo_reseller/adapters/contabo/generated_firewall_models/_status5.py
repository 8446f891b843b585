# Generated from docs/contabo/openapi-2026-08.generator-normalized.yaml by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by patchFirewall, retrieveFirewallList.

from __future__ import annotations

from enum import StrEnum


class Status5(StrEnum):
    active = 'active'
    inactive = 'inactive'
