# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by retrieveTagAuditsList, retrieveVipAuditsList.

from __future__ import annotations

from enum import StrEnum


class Action7(StrEnum):
    created = 'CREATED'
    deleted = 'DELETED'
    updated = 'UPDATED'
