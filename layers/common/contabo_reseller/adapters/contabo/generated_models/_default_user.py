# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by createInstance, reinstallInstance, retrieveInstance, retrieveInstancesList.

from __future__ import annotations

from enum import StrEnum


class DefaultUser(StrEnum):
    root = 'root'
    admin = 'admin'
    administrator = 'administrator'
