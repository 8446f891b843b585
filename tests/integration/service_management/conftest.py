"""Service management routes against the local stack: the lifecycle fixtures (imported, not
copied) plus factories for services in the states the rules are about.

``service_factory(client_id=..., whmcs_product_id=...)`` orders a server and waits until it is
active; ``active_service`` is one for client 7; ``pending_service`` is bought but still being
set up; ``suspend(whmcs, service_id)`` suspends one; ``new_public_key()`` makes an SSH key;
``all_logs`` captures every log line at DEBUG (for "no secret in any log" checks).
"""

from __future__ import annotations

import base64
import logging
import os
import struct
from collections.abc import Callable, Iterator

import pytest

from local.signed_client import SignedClient
from local.stack.runner import RunningStack
from tests.integration.lifecycle.conftest import (  # noqa: F401 (fixtures)
    _service_ids,
    service_id,
    settle,
    sim,
    stack,
    whmcs,
)
from tests.integration.lifecycle.test_create_and_provision import order

ServiceFactory = Callable[..., str]


def new_public_key(comment: str = "ada@laptop") -> str:
    """A well-formed ed25519 public key, different each call."""
    blob = b"".join(
        struct.pack(">I", len(part)) + part for part in (b"ssh-ed25519", os.urandom(32))
    )
    return f"ssh-ed25519 {base64.b64encode(blob).decode()} {comment}"


@pytest.fixture
def service_factory(stack: RunningStack, whmcs: SignedClient, sim) -> ServiceFactory:  # noqa: F811
    def create(*, client_id: str = "7", active: bool = True, **overrides: object) -> str:
        sid = str(next(_service_ids))
        created = whmcs.request(
            "POST", f"/services/{sid}/create", order(client_id=client_id, **overrides)
        )
        assert created.status_code == 202, created.text
        settle(stack, whmcs, sid, "provisioning")
        if active:
            sim.post("/clock/advance", json={"seconds": 120})
            settle(stack, whmcs, sid, "active")
        return sid

    return create


@pytest.fixture
def all_logs(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Every log line at DEBUG, our Powertools logger's (which does not propagate) included:
    what a test finds absent here is absent from the logs at any level."""
    from contabo_reseller.observability import logger

    own = logging.getLogger(logger.name)
    own.addHandler(caplog.handler)
    before = own.level
    own.setLevel(logging.DEBUG)
    with caplog.at_level(logging.DEBUG):
        yield caplog
    own.setLevel(before)
    own.removeHandler(caplog.handler)


@pytest.fixture
def active_service(service_factory: ServiceFactory) -> str:
    return service_factory()


@pytest.fixture
def pending_service(service_factory: ServiceFactory) -> str:
    return service_factory(active=False)


def suspend(whmcs: SignedClient, sid: str) -> None:  # noqa: F811
    response = whmcs.request("POST", f"/services/{sid}/suspend", {"reason": "overdue"})
    assert response.status_code == 200, response.text
