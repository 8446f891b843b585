"""A client's own custom images: upload from a URL, list with status and size beside the
account's custom-image storage, delete; reinstall uses them (services.compute_reinstall).

The provider account is shared by every client, so ownership is the backend's: each image
uploaded here is recorded (catalog kind ``custom_image_owner``, item = image id) with the WHMCS
client it belongs to. A client sees, deletes and reinstalls from its own images only; another
client's is "not found"; an image nobody uploaded here (the reseller's, from the provider's
panel) stays usable by all, as before. Guardrails: ``allow_custom_images`` and
``max_custom_images`` (per client).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from contabo_reseller.adapters import config_items
from contabo_reseller.domain.compute import ContaboImage
from contabo_reseller.domain.custom_images import (
    CustomImageList,
    CustomImageRequest,
    CustomImageView,
)
from contabo_reseller.domain.errors import InvalidInput, NotFound, QuotaExceeded
from contabo_reseller.domain.service import Deleted
from contabo_reseller.services import service_policy
from contabo_reseller.services.compute_port import compute_for

OWNER_KIND = "custom_image_owner"


def list_custom_images(service_id: str) -> CustomImageList:
    record = service_policy.readable(service_id)
    service_policy.require_compute(record)
    rails = service_policy.guardrails_for(record)
    client_id = service_policy.client_id_of(record)
    contabo = compute_for(service_id, str(uuid.uuid4()))
    own = owned_by(client_id)
    images = [_view(i) for i in contabo.account_images() if i.image_id in own]
    return CustomImageList(
        items=images,
        quota=contabo.custom_image_quota(),
        allowed=rails.allow_custom_images,
        limit=rails.max_custom_images,
    )


def upload(service_id: str, request: CustomImageRequest, actor: str) -> CustomImageView:
    with service_policy.changing(service_id, "custom_image_upload", actor) as action:
        record = action.record
        service_policy.require_compute(record)
        rails = service_policy.guardrails_for(record)
        service_policy.require_allowed(rails, "allow_custom_images")
        client_id = service_policy.client_id_of(record)
        count = len(owned_by(client_id))
        if rails.max_custom_images is not None and count >= rails.max_custom_images:
            raise QuotaExceeded(
                f"You already have {count} custom images, the most this product allows. "
                "Delete one first.",
                details={"limit": rails.max_custom_images, "count": count},
                message_code="custom_image_limit",
                params={"count": count},
            )
        contabo = compute_for(service_id, action.trace_id)
        image_id = contabo.create_custom_image(
            name=request.name,
            url=request.url,
            os_type=request.os_type,
            version=request.version,
            description=request.description,
        )
        config_items.put(
            OWNER_KIND,
            image_id,
            {
                "client_id": client_id,
                "service_id": service_id,
                "name": request.name,
                "uploaded_at": datetime.now(UTC).isoformat(),
            },
        )
        action.message = f"custom image {image_id} from {request.url.split('?')[0]}"
        return CustomImageView(
            id=image_id,
            name=request.name,
            status="downloading",
            format="iso" if request.url.split("?")[0].endswith(".iso") else "qcow2",
            os_type=request.os_type,
            version=request.version,
        )


def delete(service_id: str, image_id: str, actor: str) -> Deleted:
    with service_policy.changing(service_id, "custom_image_delete", actor) as action:
        record = action.record
        service_policy.require_compute(record)
        if image_id not in owned_by(service_policy.client_id_of(record)):
            raise NotFound(
                f"You have no custom image {image_id}.",
                message_code="custom_image_not_found",
                params={"image_id": image_id},
            )
        compute_for(service_id, action.trace_id).delete_image(image_id)
        config_items.delete(OWNER_KIND, image_id)
        action.message = f"custom image {image_id}"
        return Deleted()


def require_orderable(image_id: str, standard: bool, client_id: str) -> bool:
    """At CreateAccount: a custom image is orderable by its owner (or by all when the reseller
    uploaded it); another client's is refused as unknown. True when the image is custom."""
    if standard:
        return False
    owner = config_items.get(OWNER_KIND, image_id)
    if owner is not None and owner.get("client_id") != client_id:
        raise InvalidInput(
            f"The operating system image '{image_id}' is not available.",
            message_code="image_not_available",
            params={"image": image_id},
        )
    return True


def owned_by(client_id: str) -> set[str]:
    return {
        image_id
        for image_id, data in config_items.all_of(OWNER_KIND)
        if data.get("client_id") == client_id
    }


def visible_to(client_id: str, images: list[ContaboImage]) -> list[ContaboImage]:
    """The images a client may use: standard ones, the reseller's own, and the client's own;
    never a custom image another client uploaded."""
    owners = {image_id: data.get("client_id") for image_id, data in config_items.all_of(OWNER_KIND)}
    return [
        image
        for image in images
        if image.standard or owners.get(image.image_id) in (None, client_id)
    ]


def _view(image: ContaboImage) -> CustomImageView:
    return CustomImageView(
        id=image.image_id,
        name=image.name,
        status=image.status or "",
        size_mb=image.size_mb,
        format=image.format,
        os_type=image.os_type,
        version=image.version,
        error=image.error,
        usable=image.status.lower() == "downloaded",
    )
