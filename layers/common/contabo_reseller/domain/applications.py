"""One-click applications: the admin's catalogue (the provider lists no applications, so the
reseller records each one: a name customers see, the provider's application id, and the images
it installs on). An order or a reinstall names one by its key; it is checked against the image
before anything is bought or changed."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from contabo_reseller.domain.model_base import DomainModel

APPLICATION_KEY = r"^[a-z0-9][a-z0-9-]{0,39}$"


class ApplicationRequest(DomainModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=1, max_length=64, description="the name customers see")
    application_id: str = Field(
        pattern=r"^[A-Za-z0-9-]{1,64}$", description="the provider's application id (a uuid)"
    )
    # Image ids or names (case-insensitive) the application installs on; at least one.
    compatible_images: list[str] = Field(min_length=1, max_length=50)
    enabled: bool = True


class ApplicationView(ApplicationRequest):
    key: str


class ApplicationList(DomainModel):
    items: list[ApplicationView]


def compatible(application: ApplicationView, image_id: str, image_name: str) -> bool:
    wanted = {entry.strip().lower() for entry in application.compatible_images}
    return image_id.lower() in wanted or image_name.lower() in wanted
