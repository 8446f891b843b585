"""A domain row (and, when given, the provider's facts) as the registrar module sees it."""

from __future__ import annotations

from typing import Any

from contabo_reseller.adapters.tables import ServiceRecord
from contabo_reseller.domain import installations
from contabo_reseller.domain.domains import (
    GONE_STATUSES,
    NEEDS_ACTION_STATUS,
    PENDING_STATUSES,
    DomainView,
)
from contabo_reseller.domain.service import ServiceState


def domain_view(domain_id: str, record: ServiceRecord, facts: Any = None) -> DomainView:
    details = record.details or {}
    status = str(facts.status) if facts is not None else details.get("status")
    renewal = _iso(facts.renewal_date) if facts is not None else details.get("renewal_date")
    cancel = _iso(facts.cancel_date) if facts is not None else details.get("cancel_date")
    registered = (
        _iso(facts.registration_date) if facts is not None else details.get("registration_date")
    )
    nameservers = (
        [str(ns) for ns in facts.nameservers]
        if facts is not None
        else list(details.get("order", {}).get("nameservers", []))
    )
    transfer = bool(details.get("transfer"))
    return DomainView(
        domain_id=installations.whmcs_id(domain_id),  # as its WHMCS installation numbers it
        domain=str(record.display_name or ""),
        state=str(record.state),
        status=status,
        registration_date=registered,
        renewal_date=renewal,
        cancel_date=cancel,
        nameservers=nameservers,
        transfer_completed=transfer
        and record.state == ServiceState.ACTIVE.value
        and status not in (*PENDING_STATUSES, NEEDS_ACTION_STATUS),
        transfer_failed=transfer and record.state == ServiceState.FAILED.value,
        needs_manual_action=status == NEEDS_ACTION_STATUS,
        transfer_out_pending=status == "transferring out",
        auto_renews=not cancel and status not in GONE_STATUSES,
        message=str(record.status_message or ""),
        message_code=str(record.status_message_code or ""),  # cleared with the message
        message_params={k: str(v) for k, v in (record.status_message_params or {}).items()},
    )


def _iso(moment: Any) -> str | None:
    return moment.isoformat() if moment else None
