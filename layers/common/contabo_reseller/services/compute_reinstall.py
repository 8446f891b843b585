"""Images a server may be reinstalled with, and the reinstall itself.

Everything is checked before anything happens (guardrails, image, vault keys, cloud-init
rendered and validated, confirmation); then a new root password secret is made, Contabo
reinstalls (``PUT /v1/compute/instances/{instanceId}``), and only on success does the
service switch to the new password.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from contabo_reseller.adapters import service_store
from contabo_reseller.adapters.tables import ServiceRecord
from contabo_reseller.domain.cloud_init import validate_user_data, with_authorized_keys
from contabo_reseller.domain.compute import (
    REINSTALL_WARNING,
    ContaboImage,
    ImageList,
    ImageView,
    ReinstallRequest,
    default_user_for,
    usable_images,
)
from contabo_reseller.domain.errors import ActionRefused, DomainError, InvalidInput
from contabo_reseller.domain.guardrails import REFUSALS, Guardrails
from contabo_reseller.domain.passwords import generate_root_password
from contabo_reseller.domain.service import ServiceView
from contabo_reseller.observability import logger
from contabo_reseller.services import cloud_init_templates, service_policy, ssh_keys
from contabo_reseller.services.compute import applications, custom_images
from contabo_reseller.services.compute_port import ComputePort, compute_for
from contabo_reseller.services.views import service_view


def list_images(service_id: str) -> ImageList:
    record = service_policy.readable(service_id)
    service_policy.require_compute(record)
    images = compute_for(service_id, str(uuid.uuid4())).account_images()
    mine = custom_images.visible_to(record.client_id or "", usable_images(images))
    return ImageList(items=[_image_view(image) for image in mine])


def reinstall(service_id: str, request: ReinstallRequest, actor: str) -> ServiceView:
    with service_policy.changing(service_id, "reinstall", actor) as action:
        record = action.record
        service_policy.require_compute(record)
        rails = service_policy.guardrails_for(record)
        service_policy.require_allowed(rails, "allow_reinstall")
        contabo = compute_for(service_id, action.trace_id)
        user_data = _user_data(record, request, rails)
        image = _image(contabo, request.image_id, record.client_id or "")
        application_id = applications.application_id_for(
            request.application, image.image_id, image.name
        )
        keys = ssh_keys.keys_for(service_policy.client_id_of(record), request.ssh_key_ids)
        if rails.require_ssh_key and not keys:
            raise ActionRefused(
                REFUSALS["require_ssh_key"],
                details={"guardrail": "require_ssh_key"},
                message_code="guardrail_require_ssh_key",
            )
        if not request.confirm:
            raise ActionRefused(
                REINSTALL_WARNING,
                details={"confirm_required": True},
                message_code="reinstall_confirm",
            )
        default_user = default_user_for(record.details.get("username"), image.os_type)
        new_secret = contabo.create_secret(
            f"{record.display_name}-root", generate_root_password(), "password"
        )
        try:
            contabo.reinstall(
                service_policy.instance_id_of(record),
                image_id=image.image_id,
                default_user=default_user,
                root_password_secret_id=new_secret,
                ssh_key_secret_ids=keys.secret_ids,
                user_data=with_authorized_keys(user_data, keys.cloud_init_keys),
                application_id=application_id,
            )
        except DomainError:
            _forget_secret(contabo, new_secret)
            raise
        secret_ids = dict(record.details.get("secret_ids") or {})
        old_secret = secret_ids.get("root_password")
        service_store.update(
            record,
            details={
                "secret_ids": {**secret_ids, "root_password": new_secret},
                "image_id": image.image_id,
                "os": image.name,
                "os_type": image.os_type,
                "username": default_user,
                "instance_status": "installing",
                "reinstalled_at": datetime.now(UTC).isoformat(),
            },
            release=True,  # the last write: the old secret is forgotten at Contabo only
        )
        if old_secret:
            _forget_secret(contabo, int(old_secret))
        return service_view(record)


def reveal_root_password(service_id: str, answer: dict[str, Any]) -> dict[str, Any]:
    """Adds the new root password to the answer (a first one or an idempotent replay)."""
    record = service_store.require(service_id)
    secret_id = (record.details.get("secret_ids") or {}).get("root_password")
    if secret_id:
        password = compute_for(service_id, "reveal-root").get_secret_value(int(secret_id))
        return {**answer, "password": password}
    return answer


def _user_data(record: ServiceRecord, request: ReinstallRequest, rails: Guardrails) -> str | None:
    if request.cloud_init_template:
        return cloud_init_templates.user_data_for(
            record, request.cloud_init_template, rails.cloud_init_max_bytes
        )
    if request.user_data:
        return validate_user_data(request.user_data, rails.cloud_init_max_bytes)
    return None


def _image(contabo: ComputePort, wanted: str, client_id: str) -> ContaboImage:
    """A usable image this client may use (another client's custom image is never one)."""
    wanted = wanted.strip()
    for image in custom_images.visible_to(client_id, usable_images(contabo.account_images())):
        if image.image_id == wanted or image.name.lower() == wanted.lower():
            return image
    raise InvalidInput(
        f"The operating system image '{wanted}' is not available for reinstall.",
        message_code="image_not_available",
        params={"image": wanted},
    )


def _image_view(image: ContaboImage) -> ImageView:
    return ImageView(
        id=image.image_id,
        name=image.name,
        os_type=image.os_type,
        version=image.version,
        standard=image.standard,
    )


def _forget_secret(contabo: ComputePort, secret_id: int) -> None:
    """A leftover secret is untidy, not wrong: never fail the reinstall over it."""
    try:
        contabo.delete_secret(secret_id)
    except DomainError as error:
        logger.warning(
            "could not delete an unused password secret",
            extra={"secret_id": secret_id, "why": error.code},
        )
