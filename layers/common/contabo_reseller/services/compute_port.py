"""What compute management (rescue, reinstall, images, snapshots, the SSH key vault) asks of
Contabo, in its own words. ``compute_for`` binds the real client (adapters.contabo.compute)
to one service (or client vault) and one trace id, so every call is audited under it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # the port's words; a function imports the models of its own routes only
    from contabo_reseller.domain.compute import ContaboImage
    from contabo_reseller.domain.custom_images import CustomImageQuota
    from contabo_reseller.domain.instance import InstanceFacts
    from contabo_reseller.domain.snapshots import SnapshotView


class ComputePort(Protocol):
    def get_instance(self, instance_id: int) -> InstanceFacts: ...

    def rescue(
        self,
        instance_id: int,
        *,
        root_password_secret_id: int,
        ssh_key_secret_ids: list[int],
        user_data: str | None,
    ) -> None: ...

    def reinstall(
        self,
        instance_id: int,
        *,
        image_id: str,
        default_user: str,
        root_password_secret_id: int,
        ssh_key_secret_ids: list[int],
        user_data: str | None,
        application_id: str | None = None,
    ) -> None: ...

    def account_images(self) -> list[ContaboImage]: ...

    def create_custom_image(
        self, *, name: str, url: str, os_type: str, version: str, description: str | None
    ) -> str: ...

    def delete_image(self, image_id: str) -> None: ...

    def custom_image_quota(self) -> CustomImageQuota: ...

    def list_snapshots(self, instance_id: int) -> list[SnapshotView]: ...

    def create_snapshot(
        self, instance_id: int, name: str, description: str | None
    ) -> SnapshotView: ...

    def rollback_snapshot(self, instance_id: int, snapshot_id: str) -> None: ...

    def delete_snapshot(self, instance_id: int, snapshot_id: str) -> None: ...

    def create_secret(self, name: str, value: str, secret_type: str) -> int: ...

    def update_secret(self, secret_id: int, value: str) -> None: ...

    def get_secret_value(self, secret_id: int) -> str: ...

    def delete_secret(self, secret_id: int) -> None: ...


def compute_for(scope: str, trace_id: str) -> ComputePort:
    """``scope`` is the service id (or ``client-<id>`` for a client's key vault)."""
    from contabo_reseller.adapters.contabo.compute import ComputeAdapter

    return ComputeAdapter(service_id=scope, trace_id=trace_id)
