# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by retrieveObjectStorage, retrieveObjectStorageList, upgradeObjectStorage.

from __future__ import annotations

from enum import StrEnum


class Status2(StrEnum):
    ready = 'READY'
    provisioning = 'PROVISIONING'
    upgrading = 'UPGRADING'
    cancelled = 'CANCELLED'
    error = 'ERROR'
    disabled = 'DISABLED'
    manual_provisioning = 'MANUAL_PROVISIONING'
    product_not_available = 'PRODUCT_NOT_AVAILABLE'
    limit_exceeded = 'LIMIT_EXCEEDED'
    verification_required = 'VERIFICATION_REQUIRED'
    order_processing = 'ORDER_PROCESSING'
    pending_payment = 'PENDING_PAYMENT'
    unknown = 'UNKNOWN'
