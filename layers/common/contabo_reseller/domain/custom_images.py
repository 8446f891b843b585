"""A client's own custom images (qcow2 or ISO uploaded from a URL): the rules for a request and
what the client area shows. Ownership lives in the backend (the provider account is shared)."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field

from contabo_reseller.domain.model_base import DomainModel

# The provider downloads the image from a public http(s) URL; it accepts qcow2 and ISO files
# (its image format enum: qcow2, iso).
IMAGE_URL = r"^https?://[^\s/$.?#][^\s]*\.(qcow2|iso)(\?[^\s]*)?$"
IMAGE_NAME = r"^[A-Za-z0-9][A-Za-z0-9 ._-]{0,62}$"


class CustomImageRequest(DomainModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(pattern=IMAGE_NAME, description="1-63 letters, digits, spaces, . _ -")
    url: str = Field(
        max_length=2048,
        pattern=IMAGE_URL,
        description="a public http(s) URL of a .qcow2 or .iso file",
    )
    os_type: Literal["Linux", "Windows"]
    version: str = Field(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9._ -]+$")
    description: str | None = Field(default=None, max_length=255)


class CustomImageView(DomainModel):
    id: str
    name: str
    status: str  # downloading, downloaded, error (as the provider reports it)
    size_mb: float | None = None
    format: str | None = None
    os_type: str = ""
    version: str = ""
    error: str = ""
    usable: bool = False  # fully downloaded: a reinstall can use it


class CustomImageQuota(DomainModel):
    """The provider account's custom-image storage (shared by every client)."""

    images: int
    used_mb: float
    total_mb: float
    free_mb: float


class CustomImageList(DomainModel):
    items: list[CustomImageView]
    quota: CustomImageQuota | None = None
    allowed: bool = True
    limit: int | None = None  # the product's count per client (None: the quota only)
