"""The history port (services.activity) on the Contabo client: the instance's audit lists.

Contabo's entries carry a ``changes`` object with old and new values; only the names of the
changed fields are kept, never values (they can name secrets or the account's users).
"""

from __future__ import annotations

from typing import Any

from contabo_reseller import invocation
from contabo_reseller.adapters.contabo.client import ContaboClient, get_contabo_client
from contabo_reseller.domain.activity import ActivityItem, Entry, sort_key, utc_iso


class ContaboInstanceHistory:
    def __init__(self, service_id: str, trace_id: str, client: ContaboClient | None = None):
        self._client = (client or get_contabo_client()).for_service(service_id, trace_id)

    def entries(self, instance_id: int) -> list[Entry]:
        # Two independent lists, each a Contabo round trip (1-3 s when it is slow): at once.
        instance_audits, action_audits = invocation.concurrently(
            lambda: list(self._client.instance_audits(instance_id=instance_id)),
            lambda: list(self._client.instance_action_audits(instance_id=instance_id)),
        )
        found = [
            _entry(audit, "instances", f"instance {_value(audit.action).lower()}")
            for audit in instance_audits
            if audit.instance_id == instance_id
        ]
        found += [
            _entry(audit, "actions", _action_name(audit.changes))
            for audit in action_audits
            if audit.instance_id == instance_id
        ]
        return [entry for entry in found if entry is not None]


def _entry(audit: Any, kind: str, action: str) -> Entry | None:
    if audit.timestamp is None:
        return None
    item = ActivityItem(
        at=utc_iso(audit.timestamp),
        source="contabo",
        action=action,
        actor="contabo",
        outcome="ok",
        request_id=audit.request_id or "",
        message=changed_fields(audit.changes),
    )
    return Entry(key=sort_key(audit.timestamp, f"contabo-{kind}-{audit.id}"), item=item)


def _action_name(changes: Any) -> str:
    action = changes.get("action") if isinstance(changes, dict) else None
    return str(action) if isinstance(action, str) and action.isidentifier() else "instance action"


def changed_fields(changes: Any) -> str:
    """ "changed: a, b" from Contabo's changes object, by field name only."""
    if not isinstance(changes, dict):
        return ""
    names: set[str] = set()
    for key, value in changes.items():
        if key in ("prev", "new") and isinstance(value, dict):
            names.update(str(name) for name in value)
        elif key != "action":
            names.add(str(key))
    return f"changed: {', '.join(sorted(names))}" if names else ""


def _value(field: Any) -> str:
    return str(getattr(field, "value", field) or "")
