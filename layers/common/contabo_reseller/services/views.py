"""Builds the ServiceView WHMCS sees from a service row."""

from __future__ import annotations

from contabo_reseller.adapters.tables import ServiceRecord
from contabo_reseller.domain import installations
from contabo_reseller.domain.object_storage import product as object_storage_product
from contabo_reseller.domain.service import ServiceState, ServiceView, view_fields
from contabo_reseller.domain.status_messages import StatusMessage, say

# What a service says when its row says nothing more, by state.
STATE_MESSAGES = {
    ServiceState.QUEUED: say("status_server_queued"),
    ServiceState.PURCHASING: say("status_server_purchasing"),
    ServiceState.PROVISIONING: say("status_server_provisioning"),
    ServiceState.ACTIVE: say("status_server_active"),
    ServiceState.FAILED: say("status_server_failed"),
    ServiceState.TERMINATED: say("status_server_terminated"),
}
STORAGE_STATE_MESSAGES = {
    ServiceState.QUEUED: say("status_storage_queued"),
    ServiceState.PURCHASING: say("status_storage_purchasing"),
    ServiceState.PROVISIONING: say("status_storage_provisioning"),
    ServiceState.ACTIVE: say("status_storage_active"),
    ServiceState.FAILED: say("status_storage_failed"),
    ServiceState.TERMINATED: say("status_storage_terminated"),
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
    message = _status(record, STORAGE_STATE_MESSAGES if is_storage else STATE_MESSAGES, state)
    # A suspension recorded for WHMCS and applied once a running action ends locks the
    # customer out from the moment it is recorded.
    details["suspended"] = bool(details.get("suspended")) or record.billing_action == "suspend"
    return ServiceView(
        **view_fields(details),
        service_id=installations.whmcs_id(record.service_id),
        client_id=record.client_id,
        kind=record.kind,
        state=state,
        status_message=message.text,
        status_message_code=message.code,
        status_message_params=message.params,
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


def _status(
    record: ServiceRecord, defaults: dict[ServiceState, StatusMessage], state: ServiceState
) -> StatusMessage:
    """The row's message, else its state's; a row written before codes existed has no code
    (the module then shows its English text)."""
    if not record.status_message:
        return defaults.get(state) or StatusMessage("", "")
    return StatusMessage(
        record.status_message_code or "",
        record.status_message,
        {name: str(value) for name, value in (record.status_message_params or {}).items()},
    )
