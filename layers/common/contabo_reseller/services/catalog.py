"""Images customers may order, from the catalog table (filled by the catalog sync), with a
one-off read from Contabo when the table is empty so a new deployment works at once."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from contabo_reseller.adapters.tables import CatalogItem
from contabo_reseller.domain.errors import InvalidInput
from contabo_reseller.domain.instance import ImageFacts
from contabo_reseller.services.contabo_gateway import gateway_for

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)


def known_images() -> list[ImageFacts]:
    images = [ImageFacts.model_validate(item.data) for item in CatalogItem.query("image")]
    if images:
        return images
    return refresh_images()


def refresh_images() -> list[ImageFacts]:
    images = gateway_for("-", "catalog").list_images()
    now = datetime.now(UTC)
    with CatalogItem.batch_write() as batch:
        for image in images:
            batch.save(
                CatalogItem(
                    kind="image", item_id=image.image_id, data=image.model_dump(), synced_at=now
                )
            )
    return images


def resolve_image(image_id_or_name: str) -> ImageFacts:
    wanted = image_id_or_name.strip()
    for image in known_images():
        if image.image_id == wanted or image.name.lower() == wanted.lower():
            return image
    raise InvalidInput(f"The operating system image '{wanted}' is not available.")
