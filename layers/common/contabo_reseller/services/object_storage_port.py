"""What the object storage use cases ask of Contabo, in the product's words.

``ObjectStoragePort`` is the port; ``object_storage_port_for`` binds the real client
(adapters.contabo.object_storage) to one service and one trace id, so every call lands in the
audit log under that service. Unit tests pass an in-memory implementation instead.
"""

from __future__ import annotations

from typing import Protocol

from contabo_reseller.domain.object_storage import (
    ObjectStorageFacts,
    ResizeOrder,
    S3Keys,
)


class ObjectStoragePort(Protocol):
    def create(
        self,
        *,
        request_id: str,
        region: str,
        size_tb: float,
        auto_scaling_limit_tb: float,
        display_name: str,
    ) -> str:
        """Buys one object storage (never retried); its id."""
        ...

    def find_created_by_request_id(self, request_id: str | None) -> str | None: ...

    def find_by_display_name(self, display_name: str | None) -> str | None: ...

    def in_region(self, region: str) -> list[ObjectStorageFacts]: ...

    def get(self, object_storage_id: str) -> ObjectStorageFacts: ...

    def resize(self, object_storage_id: str, order: ResizeOrder, *, request_id: str) -> None:
        """Buys more space and/or changes auto-scaling (never retried)."""
        ...

    def changed_by_request_id(self, object_storage_id: str, request_id: str | None) -> bool:
        """True when Contabo's audit list shows a change made by this x-request-id."""
        ...

    def cancel(self, object_storage_id: str) -> str | None:
        """Cancels at the next possible date; that date."""
        ...

    def usage(self, object_storage_id: str) -> tuple[float, float, int]:
        """(used TB, used %, number of objects) as Contabo's stats report them."""
        ...

    def credential_ref(self, object_storage_id: str) -> tuple[str, int]:
        """(user id, credential id) of the API user's S3 credentials for this storage."""
        ...

    def keys(self, user_id: str, object_storage_id: str, credential_id: int) -> S3Keys: ...

    def regenerate_keys(self, user_id: str, object_storage_id: str, credential_id: int) -> S3Keys:
        """New S3 keys; the old ones stop working."""
        ...


def object_storage_port_for(service_id: str, trace_id: str) -> ObjectStoragePort:
    from contabo_reseller.adapters.contabo.object_storage import ClientObjectStorage

    return ClientObjectStorage(service_id=service_id, trace_id=trace_id)
