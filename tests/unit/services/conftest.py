"""The in-memory Contabo (tests/unit/fakes) standing in for every gateway the lifecycle uses."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from contabo_reseller.services import manage_service, provisioning
from tests.unit.fakes.contabo import FakeContaboGateway


@pytest.fixture
def contabo(aws: None, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeContaboGateway]:
    fake = FakeContaboGateway()
    monkeypatch.setattr(manage_service, "gateway_for", fake.for_service)
    monkeypatch.setattr(provisioning, "gateway_for", fake.for_service)
    yield fake
