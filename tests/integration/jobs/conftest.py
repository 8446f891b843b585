"""Scheduled jobs and the action queue against the local stack: the lifecycle fixtures
(imported, not copied) plus helpers to drive the queue and the simulator's inventory.

``active_service`` orders a server and waits until it is active; ``make_due(job_id)`` makes a
job in backoff due now (instead of waiting); ``seed_instances(sim_state, n)`` adds instances
to the simulator as copies of a real one, for inventory-sized tests.
"""

from __future__ import annotations

import copy
import time
from typing import Any

import pytest

from contabo_reseller.adapters import job_queue
from contabo_reseller.adapters.tables import JobRecord
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


@pytest.fixture
def active_service(stack: RunningStack, whmcs: SignedClient, sim) -> str:  # noqa: F811
    sid = str(next(_service_ids))
    created = whmcs.request("POST", f"/services/{sid}/create", order())
    assert created.status_code == 202, created.text
    settle(stack, whmcs, sid, "provisioning")
    sim.post("/clock/advance", json={"seconds": 120})
    settle(stack, whmcs, sid, "active")
    return sid


def make_due(job_id: str) -> JobRecord:
    job = job_queue.get(job_id)
    assert job is not None
    job.update(actions=[JobRecord.run_after.set(time.time() - 1)])
    return job


def wait_for_job(job_id: str, *statuses: str, attempts: int = 0) -> JobRecord:
    """Waits (bounded) for a background wake-up to leave the job in one of ``statuses``."""
    job = None
    for _ in range(200):
        job = job_queue.get(job_id)
        if job and job.status in statuses and int(job.attempts or 0) >= attempts:
            return job
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} stuck: {job and job.attribute_values}")


def seed_instances(state: Any, count: int, template_id: int, **overrides: Any) -> list[int]:
    """Adds ``count`` instances to the simulator, each a copy of ``template_id`` with its own
    id, IPs and display name (``displayName`` may be a format string with ``{id}``)."""
    template = state.instances[template_id]
    ids = []
    with state.lock:
        for _ in range(count):
            instance_id = state.next_instance_id()
            ipv4, ipv6 = state.next_ip_pair()
            instance = copy.deepcopy(template)
            instance.update(
                instanceId=instance_id,
                name=f"vmi{instance_id}",
                displayName=str(overrides.get("displayName", "")).format(id=instance_id),
                status=overrides.get("status", "running"),
                cancelDate="",
            )
            instance["ipConfig"]["v4"]["ip"] = ipv4
            instance["ipConfig"]["v6"]["ip"] = ipv6
            state.instances[instance_id] = instance
            ids.append(instance_id)
    return ids
