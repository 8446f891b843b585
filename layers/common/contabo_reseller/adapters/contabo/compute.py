"""Compute management's port (services.compute_port.ComputePort) on the real Contabo client.

Builds on the lifecycle gateway (instances, secrets) and adds rescue, reinstall
(``PUT /v1/compute/instances/{instanceId}``), the account's images and snapshots.
"""

from __future__ import annotations

from typing import Any

from contabo_reseller.adapters.contabo import generated_models as gm
from contabo_reseller.adapters.contabo.gateway import ClientGateway, _iso
from contabo_reseller.domain.compute import ContaboImage
from contabo_reseller.domain.custom_images import CustomImageQuota
from contabo_reseller.domain.snapshots import SnapshotView


class ComputeAdapter(ClientGateway):
    def rescue(
        self,
        instance_id: int,
        *,
        root_password_secret_id: int,
        ssh_key_secret_ids: list[int],
        user_data: str | None,
    ) -> None:
        self._client.rescue_instance(
            instance_id,
            root_password_secret_id=root_password_secret_id,
            ssh_key_secret_ids=ssh_key_secret_ids or None,
            user_data=user_data,
        )

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
    ) -> None:
        order = gm.ReinstallInstanceRequest(
            image_id=image_id,
            default_user=gm.DefaultUser(default_user),
            root_password=root_password_secret_id,
            ssh_keys=ssh_key_secret_ids or None,
            user_data=user_data,
            application_id=application_id,
        )
        self._client.reinstall_instance(instance_id, order)

    def account_images(self) -> list[ContaboImage]:
        return [
            ContaboImage(
                image_id=image.image_id,
                name=image.name,
                os_type=image.os_type,
                version=image.version,
                standard=image.standard_image,
                status=image.status,
                size_mb=image.size_mb,
                format=str(getattr(image.format, "value", image.format) or "") or None,
                error=image.error_message or "",
            )
            for image in self._client.list_images()
        ]

    def create_custom_image(
        self, *, name: str, url: str, os_type: str, version: str, description: str | None
    ) -> str:
        order = gm.CreateCustomImageRequest(
            name=name, url=url, os_type=gm.OsType(os_type), version=version, description=description
        )
        return str(self._client.create_custom_image(order).image_id)

    def delete_image(self, image_id: str) -> None:
        self._client.delete_image(image_id)

    def custom_image_quota(self) -> CustomImageQuota:
        stats = self._client.custom_image_stats()
        return CustomImageQuota(
            images=int(stats.current_images_count),
            used_mb=float(stats.used_size_mb),
            total_mb=float(stats.total_size_mb),
            free_mb=float(stats.free_size_mb),
        )

    def list_snapshots(self, instance_id: int) -> list[SnapshotView]:
        return [_snapshot(s) for s in self._client.list_snapshots(instance_id)]

    def create_snapshot(self, instance_id: int, name: str, description: str | None) -> SnapshotView:
        return _snapshot(self._client.create_snapshot(instance_id, name, description=description))

    def rollback_snapshot(self, instance_id: int, snapshot_id: str) -> None:
        self._client.rollback_snapshot(instance_id, snapshot_id)

    def delete_snapshot(self, instance_id: int, snapshot_id: str) -> None:
        self._client.delete_snapshot(instance_id, snapshot_id)


def _snapshot(snapshot: Any) -> SnapshotView:
    return SnapshotView(
        id=snapshot.snapshot_id,
        name=snapshot.name,
        description=snapshot.description or "",
        created_at=_iso(snapshot.created_date),
        expires_at=_iso(snapshot.auto_delete_date),
    )
