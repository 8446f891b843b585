"""Object storage routes against the local stack: the lifecycle fixtures (imported, not copied)
plus factories for object storage services.

Every region's object storage is a pool shared by the services ordered there, so every test
starts with no object storage in the simulator's account, no region claimed and no tenant
(``fresh_account``, automatic: it also settles what a test left pending, so no order of an
earlier test is bought into the next one's account). ``storage_factory(region=...)`` orders
one and waits until it is active; ``contabo_storage(sid)`` is the pool it is in as the
simulator holds it; ``tenant_keys(sid)`` its own user's S3 keys.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from contabo_reseller.adapters import service_store
from contabo_reseller.adapters.object_storage import pool_claims
from contabo_reseller.adapters.tables import CatalogItem, ServiceRecord
from contabo_reseller.domain.object_storage.product import OBJECT_STORAGE
from contabo_reseller.domain.service import PENDING_STATES, ServiceState
from contabo_reseller.services.object_storage.pool import pool_service_id
from contabo_reseller.services.object_storage.tenancy import PROTECTED_KIND, TENANT_KIND
from local.signed_client import SignedClient
from local.stack.runner import RunningStack
from tests.integration.lifecycle.conftest import (  # noqa: F401 (fixtures)
    _service_ids,
    run_worker,
    service_id,
    settle,
    sim,
    stack,
    whmcs,
)

StorageFactory = Callable[..., str]


def storage_order(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "client_id": "7",
        "client_email": "ada@example.com",
        "region": "EU",
        "size_tb": 1,
        "whmcs_product_id": "42",
    }
    body.update(overrides)
    return body


def new_service_id() -> str:
    return str(next(_service_ids))


def sim_state(stack: RunningStack) -> Any:  # noqa: F811
    return stack.sim.state


def contabo_storage(stack: RunningStack, sid: str) -> dict[str, Any]:  # noqa: F811
    """The simulator's object storage the service is in (its region's pool)."""
    record = service_store.require(sid)
    assert record.resource_id, f"service {sid} is in no object storage yet"
    return sim_state(stack).object_storages[record.resource_id]


def tenant_keys(stack: RunningStack, sid: str) -> dict[str, str]:  # noqa: F811
    """The S3 keys of the service's own Contabo user, as the simulator holds them."""
    user_id = service_store.require(sid).details["s3_user_id"]
    return sim_state(stack).s3_keys[user_id]


def storage_purchases(stack: RunningStack, operation: str = "createObjectStorage") -> int:  # noqa: F811
    return sim_state(stack).purchases[operation]


def clear_account(stack: RunningStack) -> None:  # noqa: F811
    """No object storage in the simulated account, no region claimed, no resize pending, no
    sub-user, no pool tenant, no bucket policy."""
    state = sim_state(stack)
    with state.lock:
        state.object_storages.clear()
        state.credentials.clear()
        for user_id in [u for u, user in state.users.items() if not user["owner"]]:
            del state.users[user_id]
            state.s3_keys.pop(user_id, None)
    if stack.sim.s3 is not None:
        stack.sim.s3.app.policies.clear()
        stack.sim.s3.app.policy_writes.clear()
    for region in ("EU", "US-central", "SIN"):  # the pools' own rows
        pool = service_store.get(pool_service_id(region))
        if pool is not None:
            pool.delete()
    for kind in (
        pool_claims.REGION_KIND,
        pool_claims.RESIZE_KIND,
        TENANT_KIND,
        PROTECTED_KIND,
    ):
        for item in CatalogItem.query(kind):
            item.delete()


def settle_leftovers(stack: RunningStack) -> None:  # noqa: F811
    """Lets the worker finish every object storage order and resize a test left pending; what
    still cannot finish (e.g. waiting out a reconcile grace period) is retired."""
    for _ in range(4):
        if not _pending_storage_services():
            return
        stack.sim.state.clock.advance(120)
        run_worker(stack)
    for record in _pending_storage_services():
        service_store.update(
            record,
            condition=ServiceRecord.state == record.state,
            state=ServiceState.TERMINATED.value,
            status_message="retired by the test fixture",
        )


def _pending_storage_services() -> list[ServiceRecord]:
    pending = [
        record
        for state in PENDING_STATES
        for record in service_store.in_state(state.value)
        if record.kind == OBJECT_STORAGE
    ]
    resizing = [service_store.get(sid) for sid in pool_claims.pending_resizes()]
    return pending + [record for record in resizing if record is not None]


@pytest.fixture(autouse=True)
def fresh_account(stack: RunningStack) -> Iterator[None]:  # noqa: F811
    clear_account(stack)
    yield
    settle_leftovers(stack)
    clear_account(stack)


@pytest.fixture
def storage_factory(stack: RunningStack, whmcs: SignedClient, sim) -> StorageFactory:  # noqa: F811
    def create(*, active: bool = True, **overrides: Any) -> str:
        sid = new_service_id()
        created = whmcs.request(
            "POST", f"/services/{sid}/object-storage", storage_order(**overrides)
        )
        assert created.status_code == 202, created.text
        settle(stack, whmcs, sid, "provisioning", "active")
        if active:
            sim.post("/clock/advance", json={"seconds": 120})
            settle(stack, whmcs, sid, "active")
        return sid

    return create


@pytest.fixture
def active_storage(storage_factory: StorageFactory) -> str:
    return storage_factory()
