"""What every benchmark needs: the repo on sys.path, the stack's names in the environment
before the shared package reads its settings, the machine line, quiet stack output."""

from __future__ import annotations

import contextlib
import os
import platform
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
for _path in (REPO_ROOT, REPO_ROOT / "layers" / "common"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from local.stack.template import LocalNames, load_template, shared_environment  # noqa: E402


def stack_names(stack_name: str) -> LocalNames:
    """The bench stack's names, put in the environment: settings are read at import."""
    names = LocalNames(stack_name=stack_name)
    os.environ.update(shared_environment(load_template(), names))
    return names


def machine() -> str:
    return f"Python {platform.python_version()}, {os.cpu_count()} CPUs, {_cpu_model()}"


def _cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.partition(":")[2].strip()
    return platform.processor() or "unknown CPU"


@contextlib.contextmanager
def quiet_output() -> Iterator[None]:
    """The stack's JSON logs and EMF metrics still get formatted (a real cost), unseen."""
    with open(os.devnull, "w") as devnull, contextlib.redirect_stdout(devnull):
        yield


def seed_instances(stack: Any, display_names: list[str], request_prefix: str) -> list[int]:
    """One simulator instance per name, created through the simulator's own createInstance
    (no HTTP: thousands in seconds), then time passes until they are running."""
    from local.contabo_sim.routes import Context
    from local.contabo_sim.routes.instances import create_instance

    state = stack.sim.state
    ids = []
    for n, display_name in enumerate(display_names):
        context = Context(
            state=state,
            operation_id="createInstance",
            path={},
            query={},
            body={"productId": "V92", "region": "EU", "displayName": display_name},
            request_id=f"{request_prefix}-{n}",
            trace_id=request_prefix,
            url_path="/v1/compute/instances",
            raw_query={},
        )
        ids.append(create_instance(context).body["data"][0]["instanceId"])
    if ids:
        state.clock.advance(state.config.provision_seconds + 1)
        state.tick()
    return ids


def service_row(
    service_id: str, instance: dict[str, Any], client_id: str | None = None, **details: Any
) -> Any:
    """The active service row the provisioning worker would have written for this instance;
    ``details``: more of what the worker keeps (the client's e-mail, the order)."""
    from contabo_reseller.adapters.tables import ServiceRecord

    return ServiceRecord(
        service_id=service_id,
        state="active",
        resource_id=str(instance["instanceId"]),
        product_id=instance["productId"],
        region=instance["region"],
        display_name=instance["displayName"],
        client_id=client_id,
        details={
            "instance_status": instance["status"],
            "ipv4": instance["ipConfig"]["v4"]["ip"],
            "ipv6": instance["ipConfig"]["v6"]["ip"],
            "additional_ips": [],
            "cpu_cores": instance["cpuCores"],
            "ram_mb": int(instance["ramMb"]),
            "disk_mb": int(instance["diskMb"]),
            "cancel_date": None,
            **details,
        },
    )
