"""An in-memory Contabo behind ``ContaboPort``, for unit tests of the services.

Realistic where the lifecycle depends on it: instances are "provisioning" until ``advance()``,
``list_instances`` filters by displayName/status/search, purchases are recorded in the instance
audit list by x-request-id, and ``commit_then_fail(n)`` makes the next n purchases happen yet
raise ``PurchaseOutcomeUnknown`` (``fail_before_commit(n)``: raise and buy nothing). Models are
built with ``model_construct``: only the fields named here are set.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from contabo_reseller.adapters.contabo import generated_models as gm
from contabo_reseller.adapters.contabo.errors import ContaboConflict, ContaboNotFound
from contabo_reseller.domain.errors import PurchaseOutcomeUnknown


@dataclass
class FakeContaboAccount:
    """The account's state, shared by every bound view."""

    instances: dict[int, dict[str, Any]] = field(default_factory=dict)
    secrets: dict[int, dict[str, Any]] = field(default_factory=dict)
    tags: dict[int, dict[str, Any]] = field(default_factory=dict)
    assignments: set[tuple[int, str, str]] = field(default_factory=set)
    snapshots: dict[int, dict[str, dict[str, Any]]] = field(default_factory=dict)
    private_networks: dict[int, set[int]] = field(default_factory=dict)
    audits: list[dict[str, Any]] = field(default_factory=list)
    calls: list[tuple[str, str, str | None, tuple[Any, ...]]] = field(default_factory=list)
    purchases: int = 0
    commit_then_fail_left: int = 0
    fail_before_commit_left: int = 0
    ids: Iterator[int] = field(default_factory=lambda: itertools.count(202400001))


class FakeContabo:
    def __init__(
        self,
        account: FakeContaboAccount | None = None,
        service_id: str = "-",
        trace_id: str | None = None,
    ) -> None:
        self.account = account or FakeContaboAccount()
        self.service_id = service_id
        self.trace_id = trace_id

    def for_service(self, service_id: str, trace_id: str | None = None) -> FakeContabo:
        return FakeContabo(self.account, service_id, trace_id or "fake-trace")

    # Test controls ------------------------------------------------------------------------

    def commit_then_fail(self, count: int = 1) -> None:
        self.account.commit_then_fail_left = count

    def fail_before_commit(self, count: int = 1) -> None:
        self.account.fail_before_commit_left = count

    def advance(self, status: str = "running") -> None:
        """Provisioning (and reinstalls) finish."""
        for instance in self.account.instances.values():
            if instance["status"] in ("provisioning", "installing"):
                instance["status"] = status

    # Purchases ----------------------------------------------------------------------------

    def create_instance(
        self, order: gm.CreateInstanceRequest, *, request_id: str
    ) -> gm.CreateInstanceResponseData:
        self._record("createInstance", request_id)
        account = self.account
        if account.fail_before_commit_left:
            account.fail_before_commit_left -= 1
            raise PurchaseOutcomeUnknown("fake: failed before commit", request_id=request_id)
        instance_id = next(account.ids)
        account.purchases += 1
        account.instances[instance_id] = {
            "instance_id": instance_id,
            "display_name": order.display_name or "",
            "name": f"vmi{instance_id}",
            "product_id": order.product_id,
            "region": str(order.region.value if order.region else "EU"),
            "image_id": order.image_id,
            "status": "provisioning",
            "cancel_date": "",
            "ip_config": {"v4": {"ip": f"203.0.113.{instance_id % 250 + 1}"}},
        }
        account.audits.append(
            {"instance_id": instance_id, "request_id": request_id, "action": "CREATED"}
        )
        if account.commit_then_fail_left:
            account.commit_then_fail_left -= 1
            raise PurchaseOutcomeUnknown("fake: committed then failed", request_id=request_id)
        return gm.CreateInstanceResponseData.model_construct(
            instance_id=instance_id, status=gm.InstanceStatus.provisioning
        )

    def upgrade_instance(
        self, instance_id: int, order: gm.UpgradeInstanceRequest, *, request_id: str
    ) -> gm.PatchInstanceResponseData:
        self._record("upgradeInstance", request_id, instance_id)
        self._instance(instance_id).setdefault("upgrades", []).append(
            order.model_dump(exclude_none=True)
        )
        return gm.PatchInstanceResponseData.model_construct(instance_id=instance_id)

    # Instances ----------------------------------------------------------------------------

    def get_instance(self, instance_id: int) -> gm.InstanceResponse:
        self._record("retrieveInstance", None, instance_id)
        return gm.InstanceResponse.model_construct(**_model_fields(self._instance(instance_id)))

    def list_instances(
        self,
        *,
        display_name: str | None = None,
        name: str | None = None,
        status: str | None = None,
        search: str | None = None,
        region: str | None = None,
        data_center: str | None = None,
        instance_ids: list[int] | None = None,
        product_ids: list[str] | None = None,
        product_types: list[str] | None = None,
    ) -> Iterator[gm.ListInstancesResponseData]:
        self._record("retrieveInstancesList", None)
        for instance in list(self.account.instances.values()):
            if display_name is not None and instance["display_name"] != display_name:
                continue
            if status is not None and instance["status"] != status:
                continue
            if search is not None and search not in instance["display_name"] + instance["name"]:
                continue
            if instance_ids is not None and instance["instance_id"] not in instance_ids:
                continue
            if region is not None and instance["region"] != region:
                continue
            yield gm.ListInstancesResponseData.model_construct(**_model_fields(instance))

    def rename_instance(self, instance_id: int, display_name: str) -> gm.PatchInstanceResponseData:
        self._record("patchInstance", None, instance_id)
        self._instance(instance_id)["display_name"] = display_name
        return gm.PatchInstanceResponseData.model_construct(instance_id=instance_id)

    def reinstall_instance(
        self, instance_id: int, order: gm.ReinstallInstanceRequest
    ) -> gm.ReinstallInstanceResponseData:
        self._record("reinstallInstance", None, instance_id)
        instance = self._instance(instance_id)
        instance.update(image_id=order.image_id, status="installing")
        return gm.ReinstallInstanceResponseData.model_construct(instance_id=instance_id)

    def cancel_instance(
        self, instance_id: int, *, cancel_date: datetime | None = None
    ) -> gm.CancelInstanceResponseData:
        self._record("cancelInstance", None, instance_id)
        instance = self._instance(instance_id)
        instance["cancel_date"] = (cancel_date or datetime.now()).date().isoformat()
        return gm.CancelInstanceResponseData.model_construct(
            instance_id=instance_id, cancel_date=instance["cancel_date"]
        )

    def instance_audits(
        self, *, request_id: str | None = None, instance_id: int | None = None
    ) -> Iterator[gm.InstancesAuditResponse]:
        self._record("retrieveInstancesAuditsList", None)
        for audit in self.account.audits:
            if request_id is not None and audit["request_id"] != request_id:
                continue
            if instance_id is not None and audit["instance_id"] != instance_id:
                continue
            yield gm.InstancesAuditResponse.model_construct(**audit)

    # Power and access ---------------------------------------------------------------------

    def start_instance(self, instance_id: int) -> gm.InstanceStartActionResponseData:
        self._power(instance_id, "start", "running")
        return gm.InstanceStartActionResponseData.model_construct(instance_id=instance_id)

    def stop_instance(self, instance_id: int) -> gm.InstanceStopActionResponseData:
        self._power(instance_id, "stop", "stopped")
        return gm.InstanceStopActionResponseData.model_construct(instance_id=instance_id)

    def shutdown_instance(self, instance_id: int) -> gm.InstanceShutdownActionResponseData:
        self._power(instance_id, "shutdown", "stopped")
        return gm.InstanceShutdownActionResponseData.model_construct(instance_id=instance_id)

    def restart_instance(self, instance_id: int) -> gm.InstanceRestartActionResponseData:
        self._power(instance_id, "restart", "running")
        return gm.InstanceRestartActionResponseData.model_construct(instance_id=instance_id)

    def reset_password(
        self,
        instance_id: int,
        *,
        root_password_secret_id: int | None = None,
        ssh_key_secret_ids: list[int] | None = None,
        user_data: str | None = None,
    ) -> gm.InstanceResetPasswordActionResponseData:
        self._record("resetPasswordAction", None, instance_id)
        self._instance(instance_id)["root_password"] = root_password_secret_id
        return gm.InstanceResetPasswordActionResponseData.model_construct(instance_id=instance_id)

    # Secrets ------------------------------------------------------------------------------

    def create_secret(self, name: str, value: str, secret_type: str) -> gm.SecretResponse:
        self._record("createSecret", None)
        secret_id = next(self.account.ids)
        self.account.secrets[secret_id] = {
            "secret_id": secret_id,
            "name": name,
            "type": secret_type,
            "value": value,
        }
        return gm.SecretResponse.model_construct(secret_id=secret_id, name=name, type=secret_type)

    def delete_secret(self, secret_id: int) -> None:
        self._record("deleteSecret", None, secret_id)
        if self.account.secrets.pop(secret_id, None) is None:
            raise ContaboNotFound(f"fake: no secret {secret_id}", request_id="-")

    def list_secrets(
        self, *, name: str | None = None, secret_type: str | None = None
    ) -> Iterator[gm.SecretResponse]:
        for secret in list(self.account.secrets.values()):
            if (name is None or secret["name"] == name) and (
                secret_type is None or secret["type"] == secret_type
            ):
                yield gm.SecretResponse.model_construct(
                    secret_id=secret["secret_id"], name=secret["name"], type=secret["type"]
                )

    # Tags ---------------------------------------------------------------------------------

    def create_tag(
        self, name: str, color: str, *, description: str | None = None
    ) -> gm.CreateTagResponseData:
        self._record("createTag", None)
        if any(tag["name"] == name for tag in self.account.tags.values()):
            raise ContaboConflict(f"fake: tag {name} exists", request_id="-")
        tag_id = next(self.account.ids)
        self.account.tags[tag_id] = {"tag_id": tag_id, "name": name, "color": color}
        return gm.CreateTagResponseData.model_construct(tag_id=tag_id)

    def list_tags(self, *, name: str | None = None) -> Iterator[gm.TagResponse]:
        for tag in list(self.account.tags.values()):
            if name is None or tag["name"] == name:
                yield gm.TagResponse.model_construct(**tag)

    def assign_tag(self, tag_id: int, resource_type: str, resource_id: str | int) -> None:
        self._record("createAssignment", None, tag_id, resource_id)
        self.account.assignments.add((tag_id, resource_type, str(resource_id)))

    def unassign_tag(self, tag_id: int, resource_type: str, resource_id: str | int) -> None:
        self._record("deleteAssignment", None, tag_id, resource_id)
        self.account.assignments.discard((tag_id, resource_type, str(resource_id)))

    # Catalog ------------------------------------------------------------------------------

    def list_images(
        self,
        *,
        standard_image: bool | None = None,
        name: str | None = None,
        search: str | None = None,
    ) -> Iterator[gm.ListImageResponseData]:
        images = [
            ("afecbb85-e2fc-46f0-9684-b46b1faf00bb", "ubuntu-22.04", True),
            ("d64d5c6c-9dda-4e38-8174-0ee282474d8a", "debian-12", True),
        ]
        for image_id, image_name, standard in images:
            if standard_image not in (None, standard) or name not in (None, image_name):
                continue
            yield gm.ListImageResponseData.model_construct(
                image_id=image_id, name=image_name, standard_image=standard
            )

    def list_data_centers(
        self, *, region_slug: str | None = None
    ) -> Iterator[gm.DataCenterResponse]:
        for slug, region in (("EU1", "EU"), ("US-central", "US-central")):
            if region_slug is None or region_slug == region:
                yield gm.DataCenterResponse.model_construct(slug=slug, region_slug=region)

    # Private networks and snapshots -------------------------------------------------------

    def list_private_networks(
        self,
        *,
        name: str | None = None,
        instance_ids: list[int] | None = None,
        region: str | None = None,
        data_center: str | None = None,
    ) -> Iterator[gm.ListPrivateNetworkResponseData]:
        for network_id, members in list(self.account.private_networks.items()):
            if instance_ids is None or members & set(instance_ids):
                yield gm.ListPrivateNetworkResponseData.model_construct(
                    private_network_id=network_id
                )

    def unassign_private_network(self, private_network_id: int, instance_id: int) -> None:
        self._record("unassignInstancePrivateNetwork", None, private_network_id, instance_id)
        self.account.private_networks.get(private_network_id, set()).discard(instance_id)

    def list_snapshots(
        self, instance_id: int, *, name: str | None = None
    ) -> Iterator[gm.SnapshotResponse]:
        for snapshot in list(self.account.snapshots.get(instance_id, {}).values()):
            if name is None or snapshot["name"] == name:
                yield gm.SnapshotResponse.model_construct(**snapshot)

    def delete_snapshot(self, instance_id: int, snapshot_id: str) -> None:
        self._record("deleteSnapshot", None, instance_id, snapshot_id)
        if self.account.snapshots.get(instance_id, {}).pop(snapshot_id, None) is None:
            raise ContaboNotFound(f"fake: no snapshot {snapshot_id}", request_id="-")

    # Helpers ------------------------------------------------------------------------------

    def _record(self, operation_id: str, request_id: str | None, *args: Any) -> None:
        self.account.calls.append((operation_id, self.service_id, request_id, args))

    def _instance(self, instance_id: int) -> dict[str, Any]:
        instance = self.account.instances.get(instance_id)
        if instance is None:
            raise ContaboNotFound(
                f"Entry Instance not found by instanceId: {instance_id}", request_id="-"
            )
        return instance

    def _power(self, instance_id: int, operation_id: str, status: str) -> None:
        self._record(operation_id, None, instance_id)
        instance = self._instance(instance_id)
        if instance["status"] in ("provisioning", "installing"):
            raise ContaboConflict(
                f"Action {operation_id} is not possible while instance is {instance['status']}",
                request_id="-",
            )
        instance["status"] = status


def _model_fields(instance: dict[str, Any]) -> dict[str, Any]:
    fields = dict(instance)
    fields["status"] = gm.InstanceStatus(instance["status"])
    fields["ip_config"] = gm.IpConfig1.model_construct(
        v4=gm.IpV42.model_construct(ip=instance["ip_config"]["v4"]["ip"])
    )
    return fields
