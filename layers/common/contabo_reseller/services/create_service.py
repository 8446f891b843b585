"""CreateAccount: check the order, record it once, and hand the purchase to the worker.

No Contabo purchase happens here, so WHMCS gets its answer in well under a second; the
provisioning worker buys (exactly once) and finishes the setup in the background.
"""

from __future__ import annotations

from datetime import UTC, datetime

from contabo_reseller.adapters import service_store, worker_trigger
from contabo_reseller.domain.errors import ActionRefused
from contabo_reseller.domain.service import (
    CreateServiceRequest,
    ServiceState,
    ServiceView,
    display_name_for,
)
from contabo_reseller.domain.status_messages import CLEARED
from contabo_reseller.services import catalog, ownership
from contabo_reseller.services.actions import service_action
from contabo_reseller.services.compute import applications, custom_images
from contabo_reseller.services.networking import extra_ips
from contabo_reseller.services.views import service_view

# States from which a Create starts a (new) order. A failed service that already has an
# instance is never re-ordered: that instance is the service's, whatever went wrong.
ORDERABLE = ("new", ServiceState.FAILED.value)


def failed_with_a_server(record: service_store.ServiceRecord) -> str:
    """Create on a service whose bought server failed: never a bare success that changes
    nothing, and never a second purchase (that server is the service's, and billed)."""
    return (
        f"This service's server was bought but its setup failed: {record.status_message} "
        "It is not ordered again. Terminate the service to cancel that server, then create "
        "it again; or repair the server in the provider's panel and contact support to link "
        "it."
    )


def create_service(service_id: str, request: CreateServiceRequest, actor: str) -> ServiceView:
    catalog.require_orderable_product(request.product_id)  # shipped data + admin overrides
    image = catalog.resolve_image(request.image_id)
    extra_ips.require_orderable_quantity(request.add_ons.additional_ipv4)
    custom = custom_images.require_orderable(image.image_id, image.standard, request.client_id)
    application_id = applications.application_id_for(
        request.application, image.image_id, image.name
    )
    with service_action(service_id, "create", actor) as action:
        record = action.record
        ownership.require_same_order(
            record,
            kind="compute",
            client_id=request.client_id,
            product_id=request.product_id,
            region=request.region,
        )
        if record.state == ServiceState.FAILED and record.resource_id:
            raise ActionRefused(
                failed_with_a_server(record),
                message_code="setup_failed_not_reordered",
                params={"reason": record.status_message or ""},
            )
        if record.state not in ORDERABLE or record.resource_id:
            action.message = "already ordered"
            return service_view(record)
        order = request.model_dump(mode="json")
        order["image_id"] = image.image_id
        if application_id:
            order["application_id"] = application_id
        if custom:  # the provider installs a custom image only with its Custom Images add-on
            order["add_ons"]["custom_image"] = True
        queued = service_store.update(
            record,
            condition=service_store.ServiceRecord.resource_id.does_not_exist(),
            state=ServiceState.QUEUED.value,
            kind="compute",
            client_id=request.client_id,
            product_id=request.product_id,
            region=request.region,
            display_name=display_name_for(service_id),
            **CLEARED,
            created_at=record.created_at or datetime.now(UTC),
            details={
                "order": order,
                "image_id": image.image_id,
                "os": image.name,
                "os_type": image.os_type,
                "hostname": request.hostname,
                "username": request.default_user,
                "whmcs_product_id": request.whmcs_product_id,
                "client_email": request.client_email,
            },
        )
        if not queued:
            action.message = "linked concurrently"
        view = service_view(record)
    worker_trigger.trigger_provisioning(service_id)
    return view
