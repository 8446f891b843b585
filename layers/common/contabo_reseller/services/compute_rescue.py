"""Rescue mode: the server boots Contabo's rescue system with a fresh temporary root password
(and, if chosen, the client's vault keys). The password is kept only as a Contabo secret and
shown in the answer once (``reveal_rescue_password``), never stored by us nor logged."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from contabo_reseller.adapters import service_store
from contabo_reseller.adapters.tables import ServiceRecord
from contabo_reseller.domain.cloud_init import validate_user_data, with_authorized_keys
from contabo_reseller.domain.compute import RescueRequest, RescueResult
from contabo_reseller.domain.errors import NotFound
from contabo_reseller.domain.passwords import generate_root_password
from contabo_reseller.services import service_policy, ssh_keys
from contabo_reseller.services.compute_port import ComputePort, compute_for
from contabo_reseller.services.views import service_view


def rescue(service_id: str, request: RescueRequest, actor: str) -> RescueResult:
    with service_policy.changing(service_id, "rescue", actor) as action:
        record = action.record
        service_policy.require_compute(record)
        rails = service_policy.guardrails_for(record)
        service_policy.require_allowed(rails, "allow_rescue")
        if request.user_data:
            validate_user_data(request.user_data, rails.cloud_init_max_bytes)
        keys = ssh_keys.keys_for(service_policy.client_id_of(record), request.ssh_key_ids)
        contabo = compute_for(service_id, action.trace_id)
        secret_id = _store_rescue_password(record, contabo, generate_root_password())
        contabo.rescue(
            service_policy.instance_id_of(record),
            root_password_secret_id=secret_id,
            ssh_key_secret_ids=keys.secret_ids,
            user_data=with_authorized_keys(request.user_data, keys.cloud_init_keys),
        )
        service_store.update(
            record,
            details={"instance_status": "rescue", "rescued_at": datetime.now(UTC).isoformat()},
            release=True,  # the action's last write also releases its lock (one round trip)
        )
        return RescueResult(service=service_view(record))


def reveal_rescue_password(service_id: str, answer: dict[str, Any]) -> dict[str, Any]:
    """Adds the rescue password to an answer (a first one or an idempotent replay)."""
    record = service_store.require(service_id)
    secret_id = (record.details.get("secret_ids") or {}).get("rescue_password")
    if secret_id:
        password = compute_for(service_id, "reveal-rescue").get_secret_value(int(secret_id))
        return {**answer, "rescue_password": password}
    return answer


def _store_rescue_password(record: ServiceRecord, contabo: ComputePort, password: str) -> int:
    """One rescue password secret per service, overwritten by each rescue."""
    secret_ids = dict(record.details.get("secret_ids") or {})
    existing = secret_ids.get("rescue_password")
    if existing:
        try:
            contabo.update_secret(int(existing), password)
            return int(existing)
        except NotFound:
            pass  # deleted at Contabo meanwhile: make a new one
    secret_id = contabo.create_secret(f"{record.display_name}-rescue", password, "password")
    service_store.update(
        record, details={"secret_ids": {**secret_ids, "rescue_password": secret_id}}
    )
    return secret_id
