"""Builds the ServiceView WHMCS sees from a service row."""

from __future__ import annotations

from contabo_reseller.adapters.tables import ServiceRecord
from contabo_reseller.domain import installations
from contabo_reseller.domain.object_storage import product as object_storage_product
from contabo_reseller.domain.service import ServiceState, ServiceView, view_fields

STATE_MESSAGES = {
    ServiceState.QUEUED: "Your server has been ordered and will be set up in a moment.",
    ServiceState.PURCHASING: "Your server is being ordered.",
    ServiceState.PROVISIONING: "Your server is being set up; this usually takes a few minutes.",
    ServiceState.ACTIVE: "Your server is ready.",
    ServiceState.FAILED: "Setting up your server needs attention from support.",
    ServiceState.TERMINATED: "This server has been cancelled.",
}


def service_view(record: ServiceRecord) -> ServiceView:
    details = dict(record.details or {})
    state = ServiceState(record.state) if record.state != "new" else ServiceState.QUEUED
    is_storage = record.kind == object_storage_product.OBJECT_STORAGE
    if is_storage:  # a resize in progress is shown with the storage it changes
        details["object_storage"] = {
            **(details.get("object_storage") or {}),
            "resize": details.get("resize"),
            "bucket": details.get("bucket"),
            "data_deleted_after": details.get("data_deleted_after"),
        }
    default_message = (
        object_storage_product.STATE_MESSAGES.get(state.value, "")
        if is_storage
        else STATE_MESSAGES.get(state, "")
    )
    # A suspension recorded for WHMCS and applied once a running action ends locks the
    # customer out from the moment it is recorded.
    details["suspended"] = bool(details.get("suspended")) or record.billing_action == "suspend"
    return ServiceView(
        **view_fields(details),
        service_id=installations.whmcs_id(record.service_id),
        client_id=record.client_id,
        kind=record.kind,
        state=state,
        status_message=record.status_message or default_message,
        # An object storage's id is a uuid, shown in object_storage.object_storage_id.
        # An object storage's or a private network's resource is no instance.
        instance_id=int(record.resource_id)
        if record.resource_id and record.kind == "compute"
        else None,
        product_id=record.product_id,
        region=record.region,
        created_at=record.created_at.isoformat() if record.created_at else None,
        lock=record.lock_action,
    )
