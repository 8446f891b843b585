"""Terminate answered 409 by Contabo: done only if the storage really is cancelled (someone
cancelled it meanwhile); any other conflict fails the call, never a success still billed."""

from __future__ import annotations

import pytest

from contabo_reseller.adapters import service_store
from contabo_reseller.adapters.object_storage import pool_claims
from contabo_reseller.domain.errors import Conflict
from contabo_reseller.services.object_storage import management as object_storage
from tests.unit.fakes.object_storage import FakeObjectStorages
from tests.unit.services.test_object_storage_worker import ACTOR, _active, contabo  # noqa: F401


def test_a_cancel_refused_with_409_leaves_the_service_as_it_was(
    contabo: FakeObjectStorages,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    storage_id = _active("1", contabo)

    def busy(object_storage_id: str) -> str | None:
        raise Conflict("The object storage cannot be cancelled while it is being resized.")

    monkeypatch.setattr(contabo, "cancel", busy)

    with pytest.raises(Conflict, match="being resized"):
        object_storage.terminate("1", ACTOR)

    assert service_store.require("1").state == "active"
    assert contabo.storages[storage_id]["cancel_date"] is None
    assert pool_claims.region_holder("EU") == "1"


def test_a_409_because_it_was_cancelled_meanwhile_counts_as_done(
    contabo: FakeObjectStorages,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    storage_id = _active("1", contabo)
    cancel = contabo.cancel

    def cancelled_meanwhile(object_storage_id: str) -> str | None:
        cancel(object_storage_id)  # someone else's cancel lands first
        raise Conflict("already cancelled")

    monkeypatch.setattr(contabo, "cancel", cancelled_meanwhile)

    view = object_storage.terminate("1", ACTOR)

    assert view.state == "terminated"
    assert view.cancel_date == contabo.storages[storage_id]["cancel_date"]
