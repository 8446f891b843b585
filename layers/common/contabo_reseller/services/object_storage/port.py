"""What the object storage use cases ask of Contabo, in the product's words.

``ObjectStoragePort`` is the port; ``object_storage_port_for`` binds the real client
(adapters.contabo.object_storage) to one service and one trace id, so every call lands in the
audit log under that service. Unit tests pass an in-memory implementation instead.
"""

from __future__ import annotations

from typing import Protocol

from contabo_reseller.domain.object_storage.product import ObjectStorageFacts, ResizeOrder, S3Keys


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
        """New S3 keys; the old ones stop working (in every location: keys are per user)."""
        ...

    def api_user_id(self) -> str:
        """The Contabo user behind the API credentials (the account's main user)."""
        ...

    def ensure_user(self, email: str) -> str:
        """The sub-user with this e-mail (S3 role only), created if missing; its id."""
        ...

    def set_user_enabled(self, user_id: str, enabled: bool) -> None:
        """A disabled user's S3 keys stop working; enabling restores them."""
        ...

    def delete_user(self, user_id: str) -> None:
        """Deletes the user and its keys (already gone counts as done)."""
        ...

    def user_credential_ref(self, user_id: str, object_storage_id: str) -> int:
        """The credential id of that user's keys as listed for that storage."""
        ...


def object_storage_port_for(service_id: str, trace_id: str) -> ObjectStoragePort:
    from contabo_reseller.adapters.contabo.object_storage import ClientObjectStorage

    return ClientObjectStorage(service_id=service_id, trace_id=trace_id)
