"""Images: seeded standard images plus custom images (downloaded from a URL) within a quota."""

import uuid
from datetime import timedelta

from ..clock import iso
from ..errors import ApiError
from ..state import CUSTOM_IMAGE_QUOTA_MB, CUSTOMER_ID, TENANT_ID, SimState
from . import Context, Reply, by_request_id, operation, require

CUSTOM_IMAGE_SIZE_MB = 2048  # nothing is downloaded; every custom image "weighs" this much
CUSTOM_IMAGE_DOWNLOAD_SECONDS = 60  # a custom image is "downloading" this long, then usable


@operation("retrieveImageList")
def list_images(ctx: Context) -> Reply:
    items = [_aged(ctx, i) for i in ctx.state.images.values()]
    if "name" in ctx.query:
        items = [i for i in items if ctx.query["name"].lower() in i["name"].lower()]
    if "standardImage" in ctx.query:
        wanted = str(ctx.query["standardImage"]).lower() in ("true", "1")
        items = [i for i in items if i["standardImage"] == wanted]
    return ctx.page(items, present=_public)


@operation("retrieveImage")
def retrieve_image(ctx: Context) -> Reply:
    return ctx.one(200, _public(_aged(ctx, _image(ctx))))


def usable_image(state: SimState, image_id: str) -> dict:
    """An image an instance can be installed from: known, and fully downloaded."""
    image = require(state.images.get(image_id), "Image", image_id)
    if image.get("_downloadedAt") and _iso_now(state) < image["_downloadedAt"]:
        raise ApiError(409, f"Image {image_id} is still downloading")
    return image


@operation("createCustomImage")
def create_custom_image(ctx: Context) -> Reply:
    if _used_mb(ctx) + CUSTOM_IMAGE_SIZE_MB > CUSTOM_IMAGE_QUOTA_MB:
        raise ApiError(402, "Custom image storage quota exceeded")
    body, now = ctx.body, iso(ctx.state.clock.now())
    image_id = str(uuid.uuid4())
    ctx.state.images[image_id] = {
        "imageId": image_id,
        "tenantId": TENANT_ID,
        "customerId": CUSTOMER_ID,
        "name": body["name"],
        "description": body.get("description", ""),
        "url": body["url"],
        "sizeMb": CUSTOM_IMAGE_SIZE_MB,
        "uploadedSizeMb": 0,
        "osType": body["osType"],
        "version": body["version"],
        "format": "qcow2" if not body["url"].endswith(".iso") else "iso",
        "status": "downloading",
        "_downloadedAt": iso(
            ctx.state.clock.now() + timedelta(seconds=CUSTOM_IMAGE_DOWNLOAD_SECONDS)
        ),
        "errorMessage": "",
        "standardImage": False,
        "creationDate": now,
        "lastModifiedDate": now,
        "tags": [],
    }
    ctx.audit("images", "CREATED", imageId=image_id)
    return ctx.one(
        201,
        {"tenantId": TENANT_ID, "customerId": CUSTOMER_ID, "imageId": image_id},
        f"{ctx.url_path}/{image_id}",
    )


@operation("updateImage")
def update_image(ctx: Context) -> Reply:
    image = _custom_image(ctx)
    image |= {k: v for k, v in ctx.body.items() if k in ("name", "description")}
    image["lastModifiedDate"] = iso(ctx.state.clock.now())
    ctx.audit("images", "UPDATED", imageId=image["imageId"])
    return ctx.one(
        200, {"tenantId": TENANT_ID, "customerId": CUSTOMER_ID, "imageId": image["imageId"]}
    )


@operation("deleteImage")
def delete_image(ctx: Context) -> Reply:
    image = _custom_image(ctx)
    del ctx.state.images[image["imageId"]]
    ctx.audit("images", "DELETED", imageId=image["imageId"])
    return Reply(204)


@operation("retrieveCustomImagesStats")
def custom_image_stats(ctx: Context) -> Reply:
    used = _used_mb(ctx)
    count = sum(1 for i in ctx.state.images.values() if not i["standardImage"])
    stats = {
        "tenantId": TENANT_ID,
        "customerId": CUSTOMER_ID,
        "currentImagesCount": count,
        "totalSizeMb": CUSTOM_IMAGE_QUOTA_MB,
        "usedSizeMb": used,
        "freeSizeMb": CUSTOM_IMAGE_QUOTA_MB - used,
    }
    return ctx.one(200, stats)


@operation("retrieveImageAuditsList")
def image_audits(ctx: Context) -> Reply:
    return by_request_id(ctx, "images", ("imageId",))


def _aged(ctx: Context, image: dict) -> dict:
    """A custom image finishes downloading once the clock passes its download time."""
    if image.get("_downloadedAt") and _iso_now(ctx.state) >= image["_downloadedAt"]:
        image |= {"status": "downloaded", "uploadedSizeMb": image["sizeMb"]}
        del image["_downloadedAt"]
    return image


def _public(image: dict) -> dict:
    return {k: v for k, v in image.items() if not k.startswith("_")}


def _iso_now(state: SimState) -> str:
    return iso(state.clock.now())


def _image(ctx: Context) -> dict:
    return require(ctx.state.images.get(ctx.path["imageId"]), "Image", ctx.path["imageId"])


def _custom_image(ctx: Context) -> dict:
    image = _image(ctx)
    if image["standardImage"]:
        raise ApiError(403, "Standard images cannot be changed")
    return image


def _used_mb(ctx: Context) -> int:
    return sum(i["sizeMb"] for i in ctx.state.images.values() if not i["standardImage"])
