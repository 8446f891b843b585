"""The object storage port (services.object_storage.port.ObjectStoragePort) on the real client.

Translates between the product's words (size in TB, auto-scaling limit, S3 keys) and
Contabo's operations and generated models, so services never see Contabo's field names.
S3 keys pass through here and are returned, never logged: the client audits calls by path and
status only.
"""

from __future__ import annotations

import threading
from typing import Any

from contabo_reseller.adapters import secrets
from contabo_reseller.adapters.contabo import generated_models as gm
from contabo_reseller.adapters.contabo.client import ContaboClient, get_contabo_client
from contabo_reseller.domain.errors import ConfigurationError, NotFound
from contabo_reseller.domain.object_storage.product import ObjectStorageFacts, ResizeOrder, S3Keys

S3_ROLE_NAME = "S3 Read and Write"  # Contabo's role for S3 users (their bucket guide)
_user_ids: dict[str, str] = {}  # API user e-mail -> Contabo user id, per container
_user_ids_lock = threading.Lock()


class ClientObjectStorage:
    def __init__(self, service_id: str, trace_id: str, client: ContaboClient | None = None):
        self._client = (client or get_contabo_client()).for_service(service_id, trace_id)

    # Purchases and their reconciliation ----------------------------------------------------

    def create(
        self,
        *,
        request_id: str,
        region: str,
        size_tb: float,
        auto_scaling_limit_tb: float,
        display_name: str,
    ) -> str:
        order = gm.CreateObjectStorageRequest(
            region=region,
            total_purchased_space_tb=size_tb,
            auto_scaling=_create_auto_scaling(auto_scaling_limit_tb),
            display_name=display_name,
        )
        return self._client.create_object_storage(order, request_id=request_id).object_storage_id

    def find_created_by_request_id(self, request_id: str | None) -> str | None:
        if not request_id:
            return None
        for audit in self._client.object_storage_audits(request_id=request_id):
            if _action(audit) == "CREATED":
                return audit.object_storage_id
        return None

    def find_by_display_name(self, display_name: str | None) -> str | None:
        if not display_name:
            return None
        for storage in self._client.list_object_storages(display_name=display_name):
            if storage.display_name == display_name:  # the filter may match substrings
                return storage.object_storage_id
        return None

    def in_region(self, region: str) -> list[ObjectStorageFacts]:
        return [_facts(s) for s in self._client.list_object_storages(region=region)]

    def resize(self, object_storage_id: str, order: ResizeOrder, *, request_id: str) -> None:
        cap = order.auto_scaling_limit_tb
        auto_scaling = None
        if cap is not None:
            auto_scaling = (
                gm.UpgradeAutoScalingType(state=gm.State2.enabled, size_limit_tb=cap)
                if cap
                else gm.UpgradeAutoScalingType(state=gm.State2.disabled)
            )
        request = gm.UpgradeObjectStorageRequest(
            total_purchased_space_tb=order.size_tb, auto_scaling=auto_scaling
        )
        self._client.resize_object_storage(object_storage_id, request, request_id=request_id)

    def changed_by_request_id(self, object_storage_id: str, request_id: str | None) -> bool:
        if not request_id:
            return False
        audits = self._client.object_storage_audits(
            request_id=request_id, object_storage_id=object_storage_id
        )
        return any(audit.request_id == request_id for audit in audits)

    # Reading and cancelling ----------------------------------------------------------------

    def get(self, object_storage_id: str) -> ObjectStorageFacts:
        return _facts(self._client.get_object_storage(object_storage_id))

    def cancel(self, object_storage_id: str) -> str | None:
        return _iso(self._client.cancel_object_storage(object_storage_id).cancel_date)

    def usage(self, object_storage_id: str) -> tuple[float, float, int]:
        stats = self._client.object_storage_stats(object_storage_id)
        return stats.used_space_tb, stats.used_space_percentage, stats.number_of_objects

    # S3 credentials ------------------------------------------------------------------------

    def credential_ref(self, object_storage_id: str) -> tuple[str, int]:
        user_id = self._api_user_id()
        for credential in self._client.list_s3_credentials(
            user_id, object_storage_id=object_storage_id
        ):
            if credential.object_storage_id == object_storage_id:
                return user_id, int(credential.credential_id)
        raise NotFound(
            "There are no S3 credentials for this object storage yet.",
            message_code="s3_keys_not_ready",
        )

    def keys(self, user_id: str, object_storage_id: str, credential_id: int) -> S3Keys:
        credential = self._client.get_s3_credentials(user_id, object_storage_id, credential_id)
        return S3Keys(access_key=credential.access_key, secret_key=credential.secret_key)

    def regenerate_keys(self, user_id: str, object_storage_id: str, credential_id: int) -> S3Keys:
        credential = self._client.regenerate_s3_credentials(
            user_id, object_storage_id, credential_id
        )
        return S3Keys(access_key=credential.access_key, secret_key=credential.secret_key)

    # Tenant users: one Contabo user per customer, holding only the S3 role ---------------

    def ensure_user(self, email: str) -> str:
        """The user with this e-mail, created (enabled, S3 role only) if there is none yet;
        looked up first, so a retried order never makes a second user."""
        for user in self._client.list_users(email=email):
            if user.email.lower() == email.lower():
                return user.user_id
        request = gm.CreateUserRequest(
            email=email,
            enabled=True,
            totp=False,
            locale=gm.Locale.en,
            roles=[self._s3_role_id()],
        )
        return self._client.create_user(request)

    def set_user_enabled(self, user_id: str, enabled: bool) -> None:
        self._client.update_user(user_id, gm.UpdateUserRequest(enabled=enabled))

    def delete_user(self, user_id: str) -> None:
        try:
            self._client.delete_user(user_id)
        except NotFound:
            return  # already gone: nothing left to remove

    def user_credential_ref(self, user_id: str, object_storage_id: str) -> int:
        """The credential id under which this user's keys are listed for this storage."""
        for credential in self._client.list_s3_credentials(
            user_id, object_storage_id=object_storage_id
        ):
            if credential.object_storage_id == object_storage_id:
                return int(credential.credential_id)
        raise NotFound(
            "The S3 keys of this storage are not ready yet; try again in a minute.",
            message_code="s3_keys_not_ready",
        )

    def _s3_role_id(self) -> int:
        for role in self._client.list_roles(name=S3_ROLE_NAME):
            if role.name == S3_ROLE_NAME and not role.admin:
                return int(role.role_id)
        raise ConfigurationError(
            f"The Contabo account has no '{S3_ROLE_NAME}' role without admin rights; customers' "
            "object storage users are given only that role.",
            message_code="provider_s3_role_missing",
            params={"role": S3_ROLE_NAME},
        )

    def api_user_id(self) -> str:
        return self._api_user_id()

    def _api_user_id(self) -> str:
        """The Contabo user behind the API credentials: S3 keys are kept per user."""
        email = secrets.contabo_credentials().api_user
        with _user_ids_lock:
            known = _user_ids.get(email)
        if known:
            return known
        for user in self._client.list_users(email=email):
            if user.email.lower() == email.lower():
                with _user_ids_lock:
                    _user_ids[email] = user.user_id
                return user.user_id
        raise NotFound(
            "The API user was not found among the hosting account's users; check the API user "
            "in the provider credentials secret.",
            message_code="provider_api_user_not_found",
        )


def _create_auto_scaling(cap_tb: float) -> gm.AutoScalingTypeRequest:
    if cap_tb:
        return gm.AutoScalingTypeRequest(state=gm.State.enabled, size_limit_tb=cap_tb)
    return gm.AutoScalingTypeRequest(state=gm.State.disabled, size_limit_tb=0)


def _facts(storage: Any) -> ObjectStorageFacts:
    auto_scaling = storage.auto_scaling
    return ObjectStorageFacts(
        object_storage_id=storage.object_storage_id,
        display_name=storage.display_name,
        region_name=storage.region,
        status=_value(storage.status),
        s3_url=storage.s3_url,
        size_tb=storage.total_purchased_space_tb,
        auto_scaling_enabled=_value(auto_scaling.state) == "enabled",
        auto_scaling_limit_tb=auto_scaling.size_limit_tb,
        cancel_date=_iso(storage.cancel_date),
        created_date=_iso(storage.created_date),
        s3_tenant_id=storage.s3_tenant_id,
        customer_id=storage.customer_id,
    )


def _action(audit: Any) -> str:
    return str(_value(audit.action)).upper()


def _value(value: Any) -> str:
    return str(getattr(value, "value", value))


def _iso(value: Any) -> str | None:
    """Dates come as date/datetime or, where the spec says string, as text; "" means none."""
    if not value:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
