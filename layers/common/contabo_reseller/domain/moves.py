"""Moving a server to another region and changing its plan, as the provider's newer API
allows: it lists the plans an instance can be upgraded to (offers) but has no operation to
submit one; it checks and requests a region change, answering a support ticket."""

from __future__ import annotations

from contabo_reseller.domain.model_base import DomainModel

# How the provider moves the server (its region-change "method"): "migration" keeps the data
# (its upgrade request's provisioningType names the same two: installation wipes the disk).
REGION_CHANGE_METHOD = "migration"
NO_PLAN_SUBMIT = (
    "The provider's API lists the plans this server can move to but has no operation to submit "
    "one. An admin task was queued (job {job}): submit offer {offer} ({name}) in the provider's "
    "panel; the service follows the change once the server shows the new plan."
)


class PlanOffer(DomainModel):
    offer_id: int
    product_id: str
    name: str = ""
    cpu_cores: int | None = None
    ram_gb: float | None = None
    disk_gb: float | None = None
    location_change_required: bool = False
    required_confirmations: list[str] = []


class PlanOfferList(DomainModel):
    items: list[PlanOffer]
    # Always true: no submit operation exists, ChangePackage queues an admin task instead.
    submit_by_admin: bool = True
