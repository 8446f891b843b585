"""What the lifecycle asks of Contabo, in the lifecycle's words.

``ContaboGateway`` is the port the services depend on; ``gateway_for`` binds the real client
(adapters.contabo) to one service and one trace id, so every call lands in the audit log under
that service. Unit tests pass an in-memory gateway instead.
"""

from __future__ import annotations

import threading
from typing import Any, Protocol

from contabo_reseller.domain.instance import InstanceFacts
from contabo_reseller.observability import logger

_loading: threading.Thread | None = None
_loading_lock = threading.Lock()


class ContaboGateway(Protocol):
    def create_instance(
        self,
        *,
        request_id: str,
        order: dict[str, Any],
        display_name: str,
        root_password_secret_id: int,
        ssh_key_secret_ids: list[int],
    ) -> int: ...

    def find_instance_by_request_id(self, request_id: str) -> int | None: ...

    def find_instance_by_display_name(self, display_name: str) -> int | None: ...

    def get_instance(self, instance_id: int) -> InstanceFacts: ...

    def tag_instance(self, instance_id: int) -> None: ...

    def create_secret(self, name: str, value: str, secret_type: str) -> int: ...

    def update_secret(self, secret_id: int, value: str) -> None: ...

    def get_secret_value(self, secret_id: int) -> str: ...

    def delete_secret(self, secret_id: int) -> None: ...

    def power(self, instance_id: int, action: str) -> None: ...

    def reset_password(self, instance_id: int, root_password_secret_id: int) -> None: ...

    def cancel_instance(self, instance_id: int) -> str | None: ...

    def upgrade_instance(
        self, instance_id: int, *, private_networking: bool, backup: bool, request_id: str
    ) -> None: ...

    def instance_changed_by_request_id(self, instance_id: int, request_id: str) -> bool:
        """Whether Contabo's audit list has a change of the instance made by ``request_id``."""
        ...

    def delete_snapshots(self, instance_id: int) -> int: ...

    def leave_private_networks(self, instance_id: int) -> int: ...

    def remove_service_tag(self, instance_id: int) -> None: ...

    ACCESS_AREAS: tuple[str, ...]

    def check_access(self) -> dict[str, bool]: ...

    def check_area(self, area: str) -> None: ...


def gateway_for(service_id: str, trace_id: str) -> ContaboGateway:
    from contabo_reseller.adapters.contabo.gateway import ClientGateway

    return ClientGateway(service_id=service_id, trace_id=trace_id)


def load_in_background() -> None:
    """Starts loading the Contabo client on a thread: its modules and the container's HTTP
    client with its TLS context, tens of ms of CPU a cold container otherwise pays at its
    first Contabo call, after the signature check, idempotency record and service lock. Begun
    with the request, that CPU runs while those round trips wait on the network. Once per
    container; the request's own first call waits for whatever is left (Python's import
    lock, the pool's own lock), never for more."""
    global _loading
    if _loading is not None:
        return
    with _loading_lock:
        if _loading is None:
            _loading = threading.Thread(target=_load, name="contabo-client-load", daemon=True)
            _loading.start()


def _load() -> None:
    try:
        from contabo_reseller.adapters.contabo import gateway, transport  # noqa: F401

        transport.pooled_http_client()
    except Exception:  # the request's own call raises it, where it is handled
        logger.debug("the Contabo client did not load ahead of its first call", exc_info=True)
