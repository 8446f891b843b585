"""Read-only: one service's view (optionally with its root password), and the service list."""

from __future__ import annotations

import base64
import json
from typing import Any

from contabo_reseller.adapters import service_store
from contabo_reseller.domain import installations
from contabo_reseller.domain.errors import InvalidInput
from contabo_reseller.domain.service import ServiceList, ServiceState, ServiceView, StatusBatch
from contabo_reseller.services.contabo_gateway import gateway_for
from contabo_reseller.services.views import service_view


def get_service(service_id: str, include_password: bool = False) -> ServiceView:
    record = service_store.require(service_id)
    view = service_view(record)
    secret_id = (record.details.get("secret_ids") or {}).get("root_password")
    if include_password and secret_id and record.state == ServiceState.ACTIVE:
        view.password = gateway_for(service_id, "read-password").get_secret_value(secret_id)
    return view


def list_services(
    state: str | None, limit: int, cursor: str | None, installation: str | None = None
) -> ServiceList:
    if state and state not in {s.value for s in ServiceState}:
        raise InvalidInput(
            f"Unknown state '{state}'.", message_code="state_unknown", params={"state": state}
        )
    records, last_key = service_store.page(state, limit, _decode(cursor), installation)
    return ServiceList(
        services=[service_view(r) for r in records],
        next_cursor=_encode(last_key) if last_key else None,
    )


def status_batch(
    service_ids: list[str], installation: str = installations.DEFAULT_INSTALLATION
) -> StatusBatch:
    """Many services in one read (the cron hook asks once per run, not once per service),
    each looked up within the caller's WHMCS installation, like every path id."""
    wanted = list(dict.fromkeys(service_ids))
    keys = {sid: installations.scoped_id(installation, sid) for sid in wanted}
    found = {r.service_id: r for r in service_store.many(list(keys.values())) if r.state != "new"}
    return StatusBatch(
        services=[service_view(found[keys[sid]]) for sid in wanted if keys[sid] in found],
        unknown=[sid for sid in wanted if keys[sid] not in found],
    )


def _encode(key: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode()


def _decode(cursor: str | None) -> dict[str, Any] | None:
    if not cursor:
        return None
    try:
        return json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except ValueError:
        raise InvalidInput(
            "The cursor is not valid; start the listing again.", message_code="cursor_invalid"
        ) from None
