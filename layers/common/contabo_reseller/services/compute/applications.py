"""The admin's one-click application catalogue (catalog kind ``application``, item = key) and
the check an order or a reinstall makes before anything is bought or changed."""

from __future__ import annotations

from contabo_reseller.adapters import config_items
from contabo_reseller.domain.applications import (
    ApplicationList,
    ApplicationRequest,
    ApplicationView,
    compatible,
)
from contabo_reseller.domain.errors import InvalidInput, NotFound
from contabo_reseller.domain.service import Deleted

KIND = "application"


def list_applications(*, enabled_only: bool = False) -> ApplicationList:
    items = [ApplicationView(key=key, **data) for key, data in config_items.all_of(KIND)]
    return ApplicationList(items=[a for a in items if a.enabled or not enabled_only])


def put_application(key: str, request: ApplicationRequest) -> ApplicationView:
    config_items.put(KIND, key, request.model_dump())
    return ApplicationView(key=key, **request.model_dump())


def delete_application(key: str) -> Deleted:
    if not config_items.delete(KIND, key):
        raise NotFound(
            f"There is no application '{key}'.",
            message_code="application_not_found",
            params={"application": key},
        )
    return Deleted()


def application_id_for(key: str | None, image_id: str, image_name: str) -> str | None:
    """The provider's application id for ``key`` on this image; None without an application.
    Unknown, turned off or not made for the image: a clear 400, nothing bought or changed."""
    if not key:
        return None
    data = config_items.get(KIND, key)
    if data is None or not data.get("enabled", True):
        raise InvalidInput(
            f"The application '{key}' is not available.",
            message_code="application_not_available",
            params={"application": key},
        )
    application = ApplicationView(key=key, **data)
    if not compatible(application, image_id, image_name):
        raise InvalidInput(
            f"The application '{application.name}' cannot be installed on {image_name}; "
            f"choose one of: {', '.join(application.compatible_images)}.",
            message_code="application_incompatible",
            params={
                "application": application.name,
                "image": image_name,
                "images": ", ".join(application.compatible_images),
            },
        )
    return application.application_id
