"""An in-memory Contabo object storage account behind ``ObjectStoragePort``, for unit tests.

Realistic where the product depends on it: one object storage per region, purchases recorded
in an audit list by x-request-id, no shrinking, and ``commit_then_fail(n)`` (the purchase
happens, the answer is lost: ``PurchaseOutcomeUnknown``) / ``fail_before_commit(n)`` (the
same error, nothing bought) for the next n purchases of either kind.
"""

from __future__ import annotations

import itertools
import secrets
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from contabo_reseller.domain.errors import Conflict, NotFound, PurchaseOutcomeUnknown
from contabo_reseller.domain.object_storage.product import ObjectStorageFacts, ResizeOrder, S3Keys

USER_ID = "6cdf5968-f9fe-4192-97c2-f349e813c5e8"


@dataclass
class FakeObjectStorages:
    storages: dict[str, dict[str, Any]] = field(default_factory=dict)
    audits: list[dict[str, Any]] = field(default_factory=list)
    purchases: Counter[str] = field(default_factory=Counter)
    key_store: dict[str, S3Keys] = field(default_factory=dict)
    commit_then_fail_left: int = 0
    fail_before_commit_left: int = 0
    ids: Any = field(default_factory=lambda: itertools.count(1))

    # Test controls ------------------------------------------------------------------------

    def commit_then_fail(self, count: int = 1) -> None:
        self.commit_then_fail_left = count

    def fail_before_commit(self, count: int = 1) -> None:
        self.fail_before_commit_left = count

    def add(self, region: str, display_name: str, **fields: Any) -> str:
        """An object storage the account holds, e.g. one bought in the control panel."""
        storage_id = f"storage-{next(self.ids)}"
        self.storages[storage_id] = {
            "object_storage_id": storage_id,
            "display_name": display_name,
            "region": region,
            "region_name": region,
            "status": "READY",
            "s3_url": f"https://{region.lower()}.example",
            "size_tb": 1.0,
            "auto_scaling_enabled": False,
            "auto_scaling_limit_tb": 0.0,
            "cancel_date": None,
        } | fields
        self.key_store[storage_id] = _new_keys()
        return storage_id

    # The port -----------------------------------------------------------------------------

    def create(
        self,
        *,
        request_id: str,
        region: str,
        size_tb: float,
        auto_scaling_limit_tb: float,
        display_name: str,
    ) -> str:
        self._before_commit(request_id)
        if any(s["region"] == region for s in self.storages.values()):
            raise Conflict("You can only buy one object storage per location.")
        storage_id = self.add(
            region,
            display_name,
            status="PROVISIONING",
            size_tb=size_tb,
            auto_scaling_enabled=bool(auto_scaling_limit_tb),
            auto_scaling_limit_tb=auto_scaling_limit_tb,
        )
        self.purchases["create"] += 1
        self.audits.append({"request_id": request_id, "id": storage_id, "action": "CREATED"})
        self._after_commit(request_id)
        return storage_id

    def find_created_by_request_id(self, request_id: str | None) -> str | None:
        return next(
            (
                a["id"]
                for a in self.audits
                if a["request_id"] == request_id and a["action"] == "CREATED"
            ),
            None,
        )

    def find_by_display_name(self, display_name: str | None) -> str | None:
        return next(
            (i for i, s in self.storages.items() if s["display_name"] == display_name), None
        )

    def in_region(self, region: str) -> list[ObjectStorageFacts]:
        return [self.get(i) for i, s in self.storages.items() if s["region"] == region]

    def get(self, object_storage_id: str) -> ObjectStorageFacts:
        storage = self.storages.get(object_storage_id)
        if storage is None:
            raise NotFound("Contabo does not know this resource.")
        fields = {k: v for k, v in storage.items() if k != "region"}
        return ObjectStorageFacts(**fields)

    def resize(self, object_storage_id: str, order: ResizeOrder, *, request_id: str) -> None:
        self._before_commit(request_id)
        storage = self.storages[object_storage_id]
        if order.size_tb is not None:
            storage["size_tb"] = order.size_tb
        if order.auto_scaling_limit_tb is not None:
            storage["auto_scaling_enabled"] = bool(order.auto_scaling_limit_tb)
            storage["auto_scaling_limit_tb"] = order.auto_scaling_limit_tb
        self.purchases["resize"] += 1
        self.audits.append({"request_id": request_id, "id": object_storage_id, "action": "UPDATED"})
        self._after_commit(request_id)

    def changed_by_request_id(self, object_storage_id: str, request_id: str | None) -> bool:
        return any(
            a["request_id"] == request_id and a["id"] == object_storage_id for a in self.audits
        )

    def cancel(self, object_storage_id: str) -> str | None:
        storage = self.storages[object_storage_id]
        if storage["cancel_date"]:
            raise Conflict("already cancelled")
        storage["cancel_date"] = "2027-01-31"
        return storage["cancel_date"]

    def usage(self, object_storage_id: str) -> tuple[float, float, int]:
        return 0.25, 25.0, 12

    def credential_ref(self, object_storage_id: str) -> tuple[str, int]:
        if object_storage_id not in self.key_store:
            raise NotFound("Contabo has no S3 credentials for this object storage yet.")
        return USER_ID, list(self.storages).index(object_storage_id) + 1

    def keys(self, user_id: str, object_storage_id: str, credential_id: int) -> S3Keys:
        return self.key_store[object_storage_id]

    def regenerate_keys(self, user_id: str, object_storage_id: str, credential_id: int) -> S3Keys:
        self.key_store[object_storage_id] = _new_keys()
        return self.key_store[object_storage_id]

    def _before_commit(self, request_id: str) -> None:
        if self.fail_before_commit_left:
            self.fail_before_commit_left -= 1
            raise PurchaseOutcomeUnknown("fake: failed before commit", request_id=request_id)

    def _after_commit(self, request_id: str) -> None:
        if self.commit_then_fail_left:
            self.commit_then_fail_left -= 1
            raise PurchaseOutcomeUnknown("fake: answer lost after commit", request_id=request_id)


def _new_keys() -> S3Keys:
    return S3Keys(access_key=secrets.token_hex(8).upper(), secret_key=secrets.token_hex(16))
