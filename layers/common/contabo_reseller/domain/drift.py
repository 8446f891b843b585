"""Comparing a service with its Contabo instance, and the drift report status sync keeps.

Pure: no I/O. ``compare`` says which fields of a service row to write (only what changed)
and which differences the admin should hear about; ``DriftReport`` collects them, capped so
that it (and a checkpoint holding it) stays far below DynamoDB's 400 KB item limit.
"""

from __future__ import annotations

import base64
import re
import zlib
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import Field, computed_field

from contabo_reseller.domain.instance import InstanceFacts, instance_details
from contabo_reseller.domain.model_base import DomainModel
from contabo_reseller.domain.service import ServiceState, display_name_for

MAX_LISTED = 200  # entries kept per list; the totals stay exact
# The instance facts a service row keeps in ``details`` and status sync keeps current.
SYNCED_DETAILS = (
    "instance_status",
    "ipv4",
    "ipv6",
    "additional_ips",
    "cpu_cores",
    "ram_mb",
    "disk_mb",
    "cancel_date",
)
# The service key (domain/installations.py): a bare id, or another installation's "name.id".
_SERVICE_NAME = re.compile(
    "^" + re.escape(display_name_for("")) + r"((?:[a-z][a-z0-9-]{0,31}\.)?[0-9]{1,12})$"
)

DriftKind = Literal["cancelled", "not_cancelled", "ip_changed", "changed", "instance_error"]


class DriftEntry(DomainModel):
    kind: DriftKind
    service_id: str
    instance_id: int
    message: str
    before: dict[str, Any] = Field(default_factory=dict)
    after: dict[str, Any] = Field(default_factory=dict)


class OrphanInstance(DomainModel):
    """A Contabo instance no service is linked to."""

    instance_id: int
    display_name: str
    status: str
    ipv4: str | None = None
    product_id: str | None = None
    region: str | None = None
    cancel_date: str | None = None
    ours: bool = Field(description="its display name is one this backend gives (whmcs-service-N)")
    suggested_service_id: str | None = None
    tagged_service_id: str | None = Field(
        default=None, description="carries the whmcs-service-N tag of a service with no server"
    )
    note: str = ""


class OrphanService(DomainModel):
    """A service whose instance Contabo no longer has."""

    service_id: str
    instance_id: int
    state: str


class DriftReport(DomainModel):
    started_at: str
    finished_at: str | None = None
    instances: int = 0
    services_linked: int = 0
    updated: int = 0
    drift: list[DriftEntry] = Field(default_factory=list)
    orphan_instances: list[OrphanInstance] = Field(default_factory=list)
    orphan_services: list[OrphanService] = Field(default_factory=list)
    totals: dict[str, int] = Field(
        default_factory=lambda: {"drift": 0, "orphan_instances": 0, "orphan_services": 0}
    )
    warnings: list[str] = Field(default_factory=list)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def truncated(self) -> bool:
        return any(self.totals[name] > MAX_LISTED for name in self.totals)

    def add(
        self, name: Literal["drift", "orphan_instances", "orphan_services"], entry: Any
    ) -> None:
        self.totals[name] += 1
        entries: list[Any] = getattr(self, name)
        if len(entries) < MAX_LISTED:
            entries.append(entry)


@dataclass
class Comparison:
    """What to write on the service row (only what changed) and what to tell the admin."""

    details: dict[str, Any] = field(default_factory=dict)
    fields: dict[str, Any] = field(default_factory=dict)
    drift: list[DriftEntry] = field(default_factory=list)

    @property
    def writes(self) -> bool:
        return bool(self.details or self.fields)


def compare(
    *,
    service_id: str,
    state: str,
    product_id: str | None,
    region: str | None,
    details: dict[str, Any],
    instance: InstanceFacts,
) -> Comparison:
    """Active services take Contabo's facts; terminated ones are only checked for a missing
    cancellation (we would still be paying); pending ones belong to the provisioning worker."""
    found = Comparison()
    if state == ServiceState.TERMINATED:
        if not instance.cancel_date:
            found.drift.append(
                _drift(
                    "not_cancelled",
                    service_id,
                    instance,
                    "The service is terminated but its server is not cancelled at Contabo.",
                )
            )
        return found
    if state != ServiceState.ACTIVE:
        return found
    facts = _synced_facts(instance)
    found.details = {key: value for key, value in facts.items() if details.get(key) != value}
    if instance.product_id and product_id != instance.product_id:
        found.fields["product_id"] = instance.product_id
    if instance.region and region != instance.region:
        found.fields["region"] = instance.region
    if instance.cancel_date:
        found.drift.append(
            _drift(
                "cancelled",
                service_id,
                instance,
                f"Cancelled at Contabo (ends {instance.cancel_date}) but active in WHMCS.",
                after={"cancel_date": instance.cancel_date},
            )
        )
    ips = {k: details.get(k) for k in ("ipv4", "ipv6") if details.get(k) != facts[k]}
    if any(ips.values()):
        found.drift.append(
            _drift(
                "ip_changed",
                service_id,
                instance,
                "The server's IP address changed at Contabo.",
                before=ips,
                after={k: facts[k] for k in ips},
            )
        )
    changed = _product_changes(product_id, region, details, instance)
    if changed:
        found.drift.append(
            _drift(
                "changed",
                service_id,
                instance,
                f"Changed at Contabo: {', '.join(changed)}.",
                before={k: v[0] for k, v in changed.items()},
                after={k: v[1] for k, v in changed.items()},
            )
        )
    if instance.failed:
        found.drift.append(
            _drift(
                "instance_error",
                service_id,
                instance,
                f"Contabo reports the server as '{instance.status}'.",
            )
        )
    return found


def _synced_facts(instance: InstanceFacts) -> dict[str, Any]:
    """The row's instance facts that can change (a server's creation date does not)."""
    facts = instance_details(instance)
    del facts["instance_created_at"]
    return facts


def _product_changes(
    product_id: str | None, region: str | None, details: dict[str, Any], instance: InstanceFacts
) -> dict[str, tuple[Any, Any]]:
    """Differences from what we knew (a field we never knew is filled in, not drift)."""
    known = {
        "product_id": (product_id, instance.product_id),
        "region": (region, instance.region),
        "cpu_cores": (details.get("cpu_cores"), instance.cpu_cores),
        "ram_mb": (details.get("ram_mb"), instance.ram_mb),
        "disk_mb": (details.get("disk_mb"), instance.disk_mb),
    }
    return {
        name: (old, new)
        for name, (old, new) in known.items()
        if old is not None and new is not None and old != new
    }


def _drift(
    kind: DriftKind,
    service_id: str,
    instance: InstanceFacts,
    message: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> DriftEntry:
    return DriftEntry(
        kind=kind,
        service_id=service_id,
        instance_id=instance.instance_id,
        message=message,
        before=before or {},
        after=after or {},
    )


def service_id_in_name(display_name: str) -> str | None:
    """The service id in a display name this backend gave (``whmcs-service-<id>``)."""
    match = _SERVICE_NAME.match(display_name or "")
    return match.group(1) if match else None


def pack_ids(ids: set[int]) -> str:
    """A set of instance ids as short text: sorted gaps, zlib, base64 (10,000 ids: ~100 B)."""
    ordered = sorted(ids)
    gaps = [b - a for a, b in zip([0, *ordered], ordered, strict=False)]
    return base64.b64encode(zlib.compress(",".join(map(str, gaps)).encode())).decode()


def unpack_ids(packed: str) -> set[int]:
    if not packed:
        return set()
    text = zlib.decompress(base64.b64decode(packed)).decode()
    total, ids = 0, set()
    for gap in filter(None, text.split(",")):
        total += int(gap)
        ids.add(total)
    return ids
