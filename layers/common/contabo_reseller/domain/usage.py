"""Usage per service per day: what the usage sync records and WHMCS bills (UsageUpdate and
the MetricProvider). Contabo reports no disk or traffic use for servers; what it does report
is what is recorded: a server's additional IPv4 addresses and snapshots, an object storage's
used and purchased space."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from pydantic import Field

from contabo_reseller.domain.model_base import DomainModel

ADDITIONAL_IPV4 = "additional_ipv4"
SNAPSHOTS = "snapshots"
OBJECT_STORAGE_USED_TB = "object_storage_used_tb"
OBJECT_STORAGE_SIZE_TB = "object_storage_size_tb"

UNITS = {
    ADDITIONAL_IPV4: "addresses",
    SNAPSHOTS: "snapshots",
    OBJECT_STORAGE_USED_TB: "TB",
    OBJECT_STORAGE_SIZE_TB: "TB",
}
TB_PLACES = Decimal("0.0001")  # 100 MB: finer than any price per TB needs


class UsageMetric(DomainModel):
    metric: str
    value: float
    unit: str


class UsageItem(UsageMetric):
    day: str = Field(description="YYYY-MM-DD (UTC) the figures were collected on")


class UsageList(DomainModel):
    items: list[UsageItem]


def compute_usage(additional_ipv4: int, snapshots: int) -> list[UsageMetric]:
    return [
        UsageMetric(metric=ADDITIONAL_IPV4, value=additional_ipv4, unit=UNITS[ADDITIONAL_IPV4]),
        UsageMetric(metric=SNAPSHOTS, value=snapshots, unit=UNITS[SNAPSHOTS]),
    ]


def object_storage_usage(used_tb: float, size_tb: float) -> list[UsageMetric]:
    return [
        UsageMetric(metric=OBJECT_STORAGE_USED_TB, value=_tb(used_tb), unit="TB"),
        UsageMetric(metric=OBJECT_STORAGE_SIZE_TB, value=_tb(size_tb), unit="TB"),
    ]


def _tb(value: float) -> float:
    # Contabo answers floats; round through Decimal so 0.1 + 0.2 style noise is not billed.
    return float(Decimal(str(value)).quantize(TB_PLACES, rounding=ROUND_HALF_UP))
