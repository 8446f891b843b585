"""Where the generic lifecycle routes (suspend, unsuspend, terminate, renew) hand a service to
object storage (manage_service routes by the row's kind, read once). The object-storage
lifecycle (tenancy, the pool, S3 keys) is imported only when such a service is acted on, so the
server functions' cold start does not load it (docs/performance.md, "Cold call";
test_import_hygiene.py keeps it so).
"""

from __future__ import annotations

from types import ModuleType

from contabo_reseller.domain.service import RenewRequest, ServiceView, SuspendRequest


def suspend(service_id: str, request: SuspendRequest, actor: str) -> ServiceView:
    return _management().suspend(service_id, request, actor)


def unsuspend(service_id: str, actor: str) -> ServiceView:
    return _management().unsuspend(service_id, actor)


def terminate(service_id: str, actor: str) -> ServiceView:
    return _management().terminate(service_id, actor)


def renew(service_id: str, request: RenewRequest, actor: str) -> ServiceView:
    return _management().renew(service_id, request, actor)


def _management() -> ModuleType:
    from contabo_reseller.services.object_storage import management

    return management
