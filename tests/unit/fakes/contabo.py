"""An in-memory Contabo behind ``ContaboGateway`` (services.contabo_gateway), for unit tests of
the services.

Realistic where the lifecycle depends on it: instances are "provisioning" until ``advance()``,
power actions are refused (409) while an instance is provisioning, purchases are recorded in
the audit list by x-request-id, and ``commit_then_fail(n)`` makes the next n purchases happen
yet raise ``PurchaseOutcomeUnknown`` (``fail_before_commit(n)``: raise and buy nothing).

Every gateway bound by ``for_service`` (same signature as ``gateway_for``, so a test can
monkeypatch it in) shares one ``FakeContaboAccount``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from contabo_reseller.adapters.contabo.errors import ContaboConflict, ContaboNotFound
from contabo_reseller.domain.errors import PurchaseOutcomeUnknown
from contabo_reseller.domain.instance import ImageFacts, InstanceFacts

PURCHASES = ("createInstance", "upgradeInstance")

IMAGES = (
    ImageFacts(image_id="afecbb85-e2fc-46f0-9684-b46b1faf00bb", name="ubuntu-22.04"),
    ImageFacts(image_id="d64d5c6c-9dda-4e38-8174-0ee282474d8a", name="debian-12"),
    ImageFacts(
        image_id="9f2b1c3e-7d4a-4f5b-8e6c-1a2b3c4d5e6f",
        name="windows-server-2022",
        os_type="Windows",
    ),
)


@dataclass
class FakeContaboAccount:
    """The account's state, shared by every bound gateway."""

    instances: dict[int, InstanceFacts] = field(default_factory=dict)
    root_passwords: dict[int, int] = field(default_factory=dict)  # instance -> secret id
    secrets: dict[int, dict[str, Any]] = field(default_factory=dict)
    tags: dict[str, set[int]] = field(default_factory=dict)  # tag name -> instance ids
    snapshots: dict[int, list[str]] = field(default_factory=dict)
    private_networks: dict[int, set[int]] = field(default_factory=dict)
    audits: list[dict[str, Any]] = field(default_factory=list)
    calls: list[tuple[str, str, tuple[Any, ...]]] = field(default_factory=list)
    purchases: dict[str, int] = field(default_factory=lambda: dict.fromkeys(PURCHASES, 0))
    commit_then_fail_left: dict[str, int] = field(default_factory=dict)
    fail_before_commit_left: dict[str, int] = field(default_factory=dict)
    ids: Iterator[int] = field(default_factory=lambda: itertools.count(202400001))


class FakeContaboGateway:
    def __init__(
        self,
        account: FakeContaboAccount | None = None,
        service_id: str = "-",
        trace_id: str = "fake-trace",
    ) -> None:
        self.account = account or FakeContaboAccount()
        self.service_id = service_id
        self.trace_id = trace_id

    def for_service(self, service_id: str, trace_id: str) -> FakeContaboGateway:
        return FakeContaboGateway(self.account, service_id, trace_id)

    # Test controls ------------------------------------------------------------------------

    def commit_then_fail(self, count: int = 1, operation: str = "createInstance") -> None:
        self.account.commit_then_fail_left[operation] = count

    def fail_before_commit(self, count: int = 1, operation: str = "createInstance") -> None:
        self.account.fail_before_commit_left[operation] = count

    def advance(self, status: str = "running", error_message: str | None = None) -> None:
        """Provisioning finishes (or fails with ``status`` and Contabo's message)."""
        for instance_id, instance in self.account.instances.items():
            if instance.status in ("provisioning", "installing"):
                self.account.instances[instance_id] = instance.model_copy(
                    update={"status": status, "error_message": error_message}
                )

    def called(self, operation: str) -> list[tuple[Any, ...]]:
        return [args for name, _, args in self.account.calls if name == operation]

    # Purchases and their reconciliation -----------------------------------------------------

    def create_instance(
        self,
        *,
        request_id: str,
        order: dict[str, Any],
        display_name: str,
        root_password_secret_id: int,
        ssh_key_secret_ids: list[int],
    ) -> int:
        self._purchase_may_fail_before_commit("createInstance", request_id)
        instance_id = next(self.account.ids)
        image = next((i for i in IMAGES if i.image_id == order.get("image_id")), IMAGES[0])
        add_ons = order.get("add_ons") or {}
        self.account.instances[instance_id] = InstanceFacts(
            instance_id=instance_id,
            display_name=display_name,
            status="provisioning",
            product_id=order.get("product_id"),
            region=order.get("region", "EU"),
            image_id=image.image_id,
            os_type=image.os_type,
            ipv4=f"203.0.113.{instance_id % 250 + 1}",
            ipv6=f"2001:db8::{instance_id % 65536:x}",
            add_ons=[name for name in ("private_networking", "backup") if add_ons.get(name)],
            default_user=order.get("default_user", "root"),
            created_date=datetime.now(UTC).isoformat(),
        )
        self.account.root_passwords[instance_id] = root_password_secret_id
        self._bought("createInstance", instance_id, request_id)
        return instance_id

    def find_instance_by_request_id(self, request_id: str) -> int | None:
        self._record("retrieveInstancesAuditsList", request_id)
        for audit in self.account.audits:
            if audit["request_id"] == request_id and audit["action"] == "CREATED":
                return int(audit["instance_id"])
        return None

    def instance_changed_by_request_id(self, instance_id: int, request_id: str) -> bool:
        self._record("retrieveInstancesAuditsList", request_id)
        return any(
            audit["request_id"] == request_id and audit["instance_id"] == instance_id
            for audit in self.account.audits
        )

    def find_instance_by_display_name(self, display_name: str) -> int | None:
        self._record("retrieveInstancesList", display_name)
        for instance in self.account.instances.values():
            if instance.display_name == display_name:
                return instance.instance_id
        return None

    def upgrade_instance(
        self, instance_id: int, *, private_networking: bool, backup: bool, request_id: str
    ) -> None:
        self._purchase_may_fail_before_commit("upgradeInstance", request_id, instance_id)
        instance = self._instance(instance_id)
        wanted = [
            name
            for name, on in (("private_networking", private_networking), ("backup", backup))
            if on and name not in instance.add_ons
        ]
        self._replace(instance_id, add_ons=[*instance.add_ons, *wanted])
        self._bought("upgradeInstance", instance_id, request_id)

    # Instances -----------------------------------------------------------------------------

    def get_instance(self, instance_id: int) -> InstanceFacts:
        self._record("retrieveInstance", instance_id)
        return self._instance(instance_id)

    def power(self, instance_id: int, action: str) -> None:
        self._record(f"{action}Instance", instance_id)
        instance = self._instance(instance_id)
        if instance.status in ("provisioning", "installing"):
            raise ContaboConflict(
                f"Action {action} is not possible while instance is {instance.status}",
                request_id=self.trace_id,
            )
        status = {"start": "running", "restart": "running"}.get(action, "stopped")
        self._replace(instance_id, status=status)

    def reset_password(self, instance_id: int, root_password_secret_id: int) -> None:
        self._record("resetPasswordAction", instance_id, root_password_secret_id)
        self._instance(instance_id)
        if root_password_secret_id not in self.account.secrets:
            raise ContaboNotFound(
                f"Entry Secret not found by secretId: {root_password_secret_id}",
                request_id=self.trace_id,
            )
        self.account.root_passwords[instance_id] = root_password_secret_id

    def cancel_instance(self, instance_id: int) -> str | None:
        self._record("cancelInstance", instance_id)
        instance = self._instance(instance_id)
        # Contabo cancels at the end of the paid term; a month ahead is close enough here.
        cancel_date = instance.cancel_date or (datetime.now(UTC) + timedelta(days=30)).date()
        self._replace(instance_id, cancel_date=str(cancel_date))
        return str(cancel_date)

    def delete_snapshots(self, instance_id: int) -> int:
        self._record("deleteSnapshots", instance_id)
        return len(self.account.snapshots.pop(instance_id, []))

    def leave_private_networks(self, instance_id: int) -> int:
        self._record("unassignInstancePrivateNetwork", instance_id)
        left = 0
        for members in self.account.private_networks.values():
            if instance_id in members:
                members.discard(instance_id)
                left += 1
        return left

    # Service tag ---------------------------------------------------------------------------

    def tag_instance(self, instance_id: int) -> None:
        self._record("createAssignment", instance_id)
        self._instance(instance_id)
        self.account.tags.setdefault(self._tag_name, set()).add(instance_id)

    def remove_service_tag(self, instance_id: int) -> None:
        self._record("deleteAssignment", instance_id)
        self.account.tags.pop(self._tag_name, None)

    # Secrets -------------------------------------------------------------------------------

    def create_secret(self, name: str, value: str, secret_type: str) -> int:
        self._record("createSecret", name, secret_type)
        secret_id = next(self.account.ids)
        self.account.secrets[secret_id] = {"name": name, "type": secret_type, "value": value}
        return secret_id

    def update_secret(self, secret_id: int, value: str) -> None:
        self._record("updateSecret", secret_id)
        self._secret(secret_id)["value"] = value

    def get_secret_value(self, secret_id: int) -> str:
        self._record("retrieveSecret", secret_id)
        return str(self._secret(secret_id)["value"])

    def delete_secret(self, secret_id: int) -> None:
        # Like the real gateway: a secret already gone counts as deleted.
        self._record("deleteSecret", secret_id)
        self.account.secrets.pop(secret_id, None)

    # Access --------------------------------------------------------------------------------

    ACCESS_AREAS = ("instances", "secrets", "tags")

    def check_area(self, area: str) -> None:
        self._record("checkAccess", area)

    def check_access(self) -> dict[str, bool]:
        self._record("checkAccess")
        return {"instances": True, "secrets": True, "tags": True}

    # Helpers -------------------------------------------------------------------------------

    @property
    def _tag_name(self) -> str:
        return f"whmcs-service-{self.service_id}"

    def _record(self, operation: str, *args: Any) -> None:
        self.account.calls.append((operation, self.service_id, args))

    def _purchase_may_fail_before_commit(self, operation: str, request_id: str, *args: Any) -> None:
        self._record(operation, request_id, *args)
        if self.account.fail_before_commit_left.get(operation):
            self.account.fail_before_commit_left[operation] -= 1
            raise PurchaseOutcomeUnknown("fake: failed before commit", request_id=request_id)

    def _bought(self, operation: str, instance_id: int, request_id: str) -> None:
        self.account.purchases[operation] += 1
        action = "CREATED" if operation == "createInstance" else "UPDATED"
        self.account.audits.append(
            {"instance_id": instance_id, "request_id": request_id, "action": action}
        )
        if self.account.commit_then_fail_left.get(operation):
            self.account.commit_then_fail_left[operation] -= 1
            raise PurchaseOutcomeUnknown("fake: committed then failed", request_id=request_id)

    def _instance(self, instance_id: int) -> InstanceFacts:
        instance = self.account.instances.get(instance_id)
        if instance is None:
            raise ContaboNotFound(
                f"Entry Instance not found by instanceId: {instance_id}", request_id=self.trace_id
            )
        return instance

    def _replace(self, instance_id: int, **changes: Any) -> None:
        self.account.instances[instance_id] = self._instance(instance_id).model_copy(update=changes)

    def _secret(self, secret_id: int) -> dict[str, Any]:
        secret = self.account.secrets.get(secret_id)
        if secret is None:
            raise ContaboNotFound(
                f"Entry Secret not found by secretId: {secret_id}", request_id=self.trace_id
            )
        return secret
