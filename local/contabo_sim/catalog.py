"""Seed data: Contabo's products, regions, data centers and standard images.

Product ids and disk sizes are the table in the spec's createInstance description; cores and
RAM are Contabo's published figures for those plans.
"""

import uuid
from dataclasses import dataclass

# The simulator's product-list ids of the instance add-ons (addOns.addonsIds takes them with a
# quantity; the spec names no ids, Contabo's product list does). The local stack passes the
# Additional IPv4 one to the backend as its AdditionalIpv4AddonId parameter.
ADDON_IDS = {
    "privateNetworking": 1477,
    "backup": 1470,
    "additionalIps": 1478,
    "extraStorage": 1474,
    "customImage": 1479,
}
ADDITIONAL_IPV4_ADDON_ID = ADDON_IDS["additionalIps"]


@dataclass(frozen=True)
class Product:
    product_id: str
    name: str
    product_type: str  # spec enum: hdd, ssd, vds, nvme
    cpu_cores: int
    ram_mb: int
    disk_mb: int


def _gb(size: int) -> int:
    return size * 1024


# (cores, RAM GB) per plan size; every plan comes as NVMe, SSD and Storage.
_VPS_PLANS = {10: (4, 8), 20: (6, 12), 30: (8, 24), 40: (12, 48), 50: (16, 64), 60: (18, 96)}
_VPS_DISKS = {  # productId: (plan, variant, disk GB, medium)
    "V91": (10, "NVMe", 75, "nvme"),
    "V92": (10, "SSD", 150, "ssd"),
    "V93": (10, "Storage", 300, "ssd"),
    "V94": (20, "NVMe", 100, "nvme"),
    "V95": (20, "SSD", 200, "ssd"),
    "V96": (20, "Storage", 400, "ssd"),
    "V97": (30, "NVMe", 200, "nvme"),
    "V98": (30, "SSD", 400, "ssd"),
    "V99": (30, "Storage", 1000, "nvme"),
    "V100": (40, "NVMe", 250, "nvme"),
    "V101": (40, "SSD", 500, "ssd"),
    "V102": (40, "Storage", 1200, "nvme"),
    "V103": (50, "NVMe", 300, "nvme"),
    "V104": (50, "SSD", 600, "ssd"),
    "V105": (50, "Storage", 1400, "ssd"),
    "V106": (60, "NVMe", 350, "nvme"),
    "V107": (60, "SSD", 700, "ssd"),
}
_VDS = {  # productId: (name, physical cores, RAM GB, NVMe GB)
    "V8": ("VDS S", 3, 24, 180),
    "V9": ("VDS M", 4, 32, 240),
    "V10": ("VDS L", 6, 48, 360),
    "V11": ("VDS XL", 8, 64, 480),
    "V16": ("VDS XXL", 12, 96, 720),
}

PRODUCTS: dict[str, Product] = {
    **{
        pid: Product(
            pid,
            f"VPS {plan} {variant}",
            medium,
            *_VPS_PLANS[plan][:1],
            _gb(_VPS_PLANS[plan][1]),
            _gb(disk),
        )
        for pid, (plan, variant, disk, medium) in _VPS_DISKS.items()
    },
    **{
        pid: Product(pid, name, "vds", cores, _gb(ram), _gb(disk))
        for pid, (name, cores, ram, disk) in _VDS.items()
    },
}


@dataclass(frozen=True)
class Region:
    slug: str
    name: str
    data_center: str
    data_center_slug: str
    s3_host: str


REGIONS: dict[str, Region] = {
    r.slug: r
    for r in (
        Region("EU", "European Union", "European Union 2", "EU2", "eu2.contabostorage.com"),
        Region(
            "US-central",
            "United States (Central)",
            "United States Central 1",
            "USC1",
            "usc1.contabostorage.com",
        ),
        Region(
            "US-east",
            "United States (East)",
            "United States East 1",
            "USE1",
            "use1.contabostorage.com",
        ),
        Region(
            "US-west",
            "United States (West)",
            "United States West 1",
            "USW1",
            "usw1.contabostorage.com",
        ),
        Region("SIN", "Asia (Singapore)", "Asia (Singapore) 1", "SIN1", "sin1.contabostorage.com"),
        Region("UK", "United Kingdom", "United Kingdom 1", "UK1", "uk1.contabostorage.com"),
        Region(
            "AUS", "Australia (Sydney)", "Australia (Sydney) 1", "AUS1", "aus1.contabostorage.com"
        ),
        Region("JPN", "Asia (Japan)", "Asia (Japan) 1", "JPN1", "jpn1.contabostorage.com"),
        Region("IND", "Asia (India)", "Asia (India) 1", "IND1", "ind1.contabostorage.com"),
    )
}


@dataclass(frozen=True)
class StandardImage:
    image_id: str
    name: str
    os_type: str
    version: str
    size_mb: int


# The spec's createInstance default imageId is Ubuntu 22.04; the others get stable uuid5 ids.
DEFAULT_IMAGE_ID = "afecbb85-e2fc-46f0-9684-b46b1faf00bb"


def _image(
    name: str, os_type: str, version: str, size_mb: int, image_id: str | None = None
) -> StandardImage:
    return StandardImage(
        image_id or str(uuid.uuid5(uuid.NAMESPACE_URL, f"contabo-sim/{name}")),
        name,
        os_type,
        version,
        size_mb,
    )


STANDARD_IMAGES: tuple[StandardImage, ...] = (
    _image("ubuntu-22.04", "Linux", "22.04", 2252, DEFAULT_IMAGE_ID),
    _image("ubuntu-24.04", "Linux", "24.04", 2458),
    _image("debian-12", "Linux", "12", 1843),
    _image("rockylinux-9", "Linux", "9", 2048),
    _image("almalinux-9", "Linux", "9", 2048),
    _image("windows-server-2022-standard", "Windows", "2022", 10240),
)
