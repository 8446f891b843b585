"""What the lifecycle needs from Contabo, as a Protocol: the client and the unit-test fake
(tests/unit/fakes/contabo.py) both satisfy it.

Values returned are the generated response models; services read their attributes only.
Importing this module costs nothing at run time (the models are imported for typing only).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from contabo_reseller.adapters.contabo import generated_models as gm


class ContaboPort(Protocol):
    def for_service(self, service_id: str, trace_id: str | None = None) -> ContaboPort: ...

    # Purchases: never retried; an unknown outcome raises PurchaseOutcomeUnknown(request_id).
    def create_instance(
        self, order: gm.CreateInstanceRequest, *, request_id: str
    ) -> gm.CreateInstanceResponseData: ...

    def upgrade_instance(
        self, instance_id: int, order: gm.UpgradeInstanceRequest, *, request_id: str
    ) -> gm.PatchInstanceResponseData: ...

    # Instances
    def get_instance(self, instance_id: int) -> gm.InstanceResponse: ...

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
    ) -> Iterator[gm.ListInstancesResponseData]: ...

    def rename_instance(
        self, instance_id: int, display_name: str
    ) -> gm.PatchInstanceResponseData: ...

    def reinstall_instance(
        self, instance_id: int, order: gm.ReinstallInstanceRequest
    ) -> gm.ReinstallInstanceResponseData: ...

    def cancel_instance(
        self, instance_id: int, *, cancel_date: datetime | None = None
    ) -> gm.CancelInstanceResponseData: ...

    def instance_audits(
        self, *, request_id: str | None = None, instance_id: int | None = None
    ) -> Iterator[gm.InstancesAuditResponse]: ...

    # Power and access
    def start_instance(self, instance_id: int) -> gm.InstanceStartActionResponseData: ...

    def stop_instance(self, instance_id: int) -> gm.InstanceStopActionResponseData: ...

    def shutdown_instance(self, instance_id: int) -> gm.InstanceShutdownActionResponseData: ...

    def restart_instance(self, instance_id: int) -> gm.InstanceRestartActionResponseData: ...

    def reset_password(
        self,
        instance_id: int,
        *,
        root_password_secret_id: int | None = None,
        ssh_key_secret_ids: list[int] | None = None,
        user_data: str | None = None,
    ) -> gm.InstanceResetPasswordActionResponseData: ...

    # Secrets (root passwords and SSH keys are passed to Contabo by secret id)
    def create_secret(self, name: str, value: str, secret_type: str) -> gm.SecretResponse: ...

    def delete_secret(self, secret_id: int) -> None: ...

    def list_secrets(
        self, *, name: str | None = None, secret_type: str | None = None
    ) -> Iterator[gm.SecretResponse]: ...

    # Tags (mark what this reseller bought for which service)
    def create_tag(
        self, name: str, color: str, *, description: str | None = None
    ) -> gm.CreateTagResponseData: ...

    def list_tags(self, *, name: str | None = None) -> Iterator[gm.TagResponse]: ...

    def assign_tag(self, tag_id: int, resource_type: str, resource_id: str | int) -> None: ...

    def unassign_tag(self, tag_id: int, resource_type: str, resource_id: str | int) -> None: ...

    # Catalog
    def list_images(
        self,
        *,
        standard_image: bool | None = None,
        name: str | None = None,
        search: str | None = None,
    ) -> Iterator[gm.ListImageResponseData]: ...

    def list_data_centers(
        self, *, region_slug: str | None = None
    ) -> Iterator[gm.DataCenterResponse]: ...

    # Private networks and snapshots (cleaned up on termination)
    def list_private_networks(
        self,
        *,
        name: str | None = None,
        instance_ids: list[int] | None = None,
        region: str | None = None,
        data_center: str | None = None,
    ) -> Iterator[gm.ListPrivateNetworkResponseData]: ...

    def unassign_private_network(self, private_network_id: int, instance_id: int) -> None: ...

    def list_snapshots(
        self, instance_id: int, *, name: str | None = None
    ) -> Iterator[gm.SnapshotResponse]: ...

    def delete_snapshot(self, instance_id: int, snapshot_id: str) -> None: ...
