"""Starts and stops the whole local stack in this process; ``python -m local.stack`` wraps it.

Order: moto (and the process's AWS environment), the Contabo simulator, tables and secrets
from template.yaml, the functions (imported once, like a cold start), the schedules, the API.
Stopping goes the other way and puts the process environment back as it was.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import threading
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import boto3
from werkzeug.serving import BaseWSGIServer, make_server

from local.contabo_sim.catalog import ADDITIONAL_IPV4_ADDON_ID as SIM_ADDITIONAL_IPV4_ADDON_ID
from local.ports import API_PORT, MOTO_PORT, SIM_PORT
from local.stack import iam, persistence
from local.stack.aws import (
    DEMO_CONTABO_CREDENTIALS,
    DEMO_SIGNING_KEY_ID,
    DEMO_SIGNING_SECRET,
    create_tables,
    seed_secrets,
)
from local.stack.functions import (
    LocalFunction,
    forget_cached_clients,
    load_functions,
    process_variables,
)
from local.stack.gateway import LocalApiGateway, RawHeadersRequestHandler, routes_from_template
from local.stack.moto_server import LocalMoto, aws_environment, ensure_port_free
from local.stack.scheduler import Scheduler, scheduled_functions
from local.stack.template import LocalNames, load_template, resources_of_type

CONTABO_TOKEN_PATH = "/auth/realms/contabo/protocol/openid-connect/token"
STATE_FILE_NAME = "stack.json"

log = logging.getLogger("local.stack")


class RunningStack:
    """The local stack, serving on background threads until ``stop()``."""

    def __init__(self, host: str, names: LocalNames, template: dict[str, Any]) -> None:
        self.host = host
        self.names = names
        self.template = template
        self.moto: LocalMoto | None = None
        self.sim: Any = None
        self.functions: dict[str, LocalFunction] = {}
        self.scheduler: Scheduler | None = None
        self.state_file: Path | None = None
        self.api_port = 0
        self._api_server: BaseWSGIServer | None = None
        self._api_thread: threading.Thread | None = None
        self.gateway: LocalApiGateway | None = None
        self._saved_environ: dict[str, str | None] = {}
        self.persist_dir: Path | None = None  # --persist: saved at stop, restored at start
        self._serving = False

    @property
    def api_root(self) -> str:
        return f"http://{self.host}:{self.api_port}"

    @property
    def api_url(self) -> str:
        """What WHMCS calls: the API with its stage, as the deployed stack's ApiUrl output."""
        return f"{self.api_root}/Prod"

    def wait_for_background(self, timeout: float = 30.0) -> bool:
        """Waits for the functions' Event invokes of each other to end (see the gateway)."""
        assert self.gateway is not None
        return self.gateway.wait_for_background(timeout)

    def run_job(self, function_id: str) -> dict[str, Any]:
        """Runs a scheduled function now (even with schedules off) and reports the outcome."""
        assert self.scheduler is not None
        return self.scheduler.run_now(function_id)

    def info(self) -> dict[str, Any]:
        """What a WHMCS install and scripts need; written to ``stack.json``."""
        assert self.moto is not None
        return {
            "api_url": self.api_url,
            "api_root": self.api_root,
            "whmcs_server": {
                "hostname": self.api_url.removeprefix("http://"),
                "secure": False,
                "username": DEMO_SIGNING_KEY_ID,
                "password": DEMO_SIGNING_SECRET,
            },
            "signing_key_id": DEMO_SIGNING_KEY_ID,
            "signing_secret": DEMO_SIGNING_SECRET,
            "simulator_url": self.sim.base_url,
            "contabo_credentials": DEMO_CONTABO_CREDENTIALS,
            "moto_endpoint": self.moto.endpoint,
            "s3_endpoint": self.sim.s3.url if self.sim.s3 else None,
            "region": self.names.region,
            "stack_name": self.names.stack_name,
            "ports": {"api": self.api_port, "moto": self.moto.port, "simulator": self.sim.port},
            "tables": _physical_names(self.template, self.names, "AWS::DynamoDB::Table"),
            "secrets": _physical_names(self.template, self.names, "AWS::SecretsManager::Secret"),
            "routes": [
                f"{r.method} /{r.stage}{r.resource}" for r in routes_from_template(self.template)
            ],
            "jobs": sorted(
                {s.function_id for s in (self.scheduler.schedules if self.scheduler else [])}
            ),
            "pid": os.getpid(),
            "started_at": datetime.now(UTC).isoformat(),
        }

    def stop(self) -> None:
        """Stops everything that started, last first; safe to call twice."""
        if self.persist_dir is not None and self._serving:
            self._serving = False
            self._save()
        if self._api_thread is not None:
            assert self._api_server is not None
            self._api_server.shutdown()
            self._api_thread.join()
            self._api_thread = None
        if self._api_server is not None:
            self._api_server.server_close()
            self._api_server = None
        if self.scheduler is not None:
            self.scheduler.stop()
        if self.sim is not None:
            self.sim.stop()
            self.sim = None
        if self.moto is not None:
            self.moto.stop()
        if self.state_file is not None:
            self.state_file.unlink(missing_ok=True)
            self.state_file = None
        for key, value in self._saved_environ.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        self._saved_environ = {}
        forget_cached_clients()  # nothing in this process keeps talking to the stopped moto

    def _persisted(self) -> tuple[Any, Any, dict[str, str], dict[str, str]]:
        session = boto3.session.Session()
        return (
            session.client("dynamodb"),
            session.client("secretsmanager"),
            _physical_names(self.template, self.names, "AWS::DynamoDB::Table"),
            _physical_names(self.template, self.names, "AWS::SecretsManager::Secret"),
        )

    def _save(self) -> None:
        assert self.persist_dir is not None
        if self.scheduler is not None:
            self.scheduler.stop()  # no job writes half-way through the snapshot
        try:
            persistence.save(self.persist_dir, *self._persisted(), self.sim.state)
        except Exception:
            log.exception("persist: could not save the stack to %s", self.persist_dir)

    def _set_environ(self, variables: dict[str, str]) -> None:
        for key, value in variables.items():
            self._saved_environ.setdefault(key, os.environ.get(key))
            os.environ[key] = value

    def __enter__(self) -> RunningStack:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


def start_local_stack(
    *,
    host: str = "127.0.0.1",
    api_port: int = API_PORT,
    moto_port: int = MOTO_PORT,
    sim_port: int = SIM_PORT,
    speedup: float = 1.0,
    schedules: bool = True,
    provision_seconds: float | None = None,
    names: LocalNames | None = None,
    state_dir: Path | None = None,
    sim_validate: bool = True,
    persist_dir: Path | None = None,
) -> RunningStack:
    """Starts moto, the simulator, the functions, the schedules and the API (0 = a free port).

    ``names`` defaults to stack ``local``; tests pass their own so the tables match what code
    already imported in the process expects. With ``state_dir``, writes ``stack.json`` there.
    ``schedules=False`` keeps the timers off; ``run_job`` still works. ``sim_validate=False``
    skips the simulator's spec validation (bulk benchmarks: it dominates their time).
    With ``persist_dir``, the tables, secrets and simulator saved there at the last stop are
    put back, and saved there again at this stop.
    """
    names = names or LocalNames(stack_name="local")
    template = load_template()
    stack = RunningStack(host, names, template)
    try:
        ensure_port_free(host, api_port, "API", "--api-port / LOCAL_API_PORT")
        stack.moto = LocalMoto(host, moto_port).start()
        stack._set_environ(
            aws_environment(stack.moto.endpoint, names.region, stack.moto.account_id)
        )
        stack.sim = _start_simulator(
            host, sim_port, provision_seconds, sim_validate, stack.moto.endpoint
        )
        names = dataclasses.replace(
            names,
            parameters={
                **names.parameters,
                "ContaboApiUrl": stack.sim.base_url,
                "ContaboAuthUrl": stack.sim.base_url + CONTABO_TOKEN_PATH,
                # The simulator's Additional IPv4 add-on id (its product list).
                "AdditionalIpv4AddonId": str(SIM_ADDITIONAL_IPV4_ADDON_ID),
            },
        )
        stack.names = names
        session = boto3.session.Session()
        create_tables(session.client("dynamodb"), names, template)
        seed_secrets(session.client("secretsmanager"), names, template)
        if persist_dir is not None:
            stack.persist_dir = persist_dir
            persistence.restore(persist_dir, *stack._persisted(), stack.sim.state)
        iam.install(template, names)  # each function's AWS calls checked against its grants

        # Bound now, served last: functions learn its address for Lambda's Invoke API.
        gateway = stack.gateway = LocalApiGateway(routes_from_template(template), {})
        stack._api_server = make_server(
            host, api_port, gateway, threaded=True, request_handler=RawHeadersRequestHandler
        )
        stack.api_port = stack._api_server.server_port
        stack._set_environ({"AWS_ENDPOINT_URL_LAMBDA": stack.api_root})

        stack.functions = load_functions(template, names)
        stack._set_environ(process_variables(stack.functions.values()))
        forget_cached_clients()
        for function in stack.functions.values():
            function.load()

        stack.scheduler = Scheduler(scheduled_functions(template, names), stack.functions, speedup)
        if schedules:
            stack.scheduler.start()

        gateway.functions = stack.functions
        gateway.run_job = stack.scheduler.run_now
        stack._api_thread = threading.Thread(
            target=stack._api_server.serve_forever, name="local-api", daemon=True
        )
        stack._api_thread.start()
        if state_dir is not None:
            stack.state_file = write_state(stack, state_dir)
        stack._serving = True
    except BaseException:
        stack.stop()
        raise
    return stack


def write_state(stack: RunningStack, state_dir: Path) -> Path:
    state_dir.mkdir(parents=True, exist_ok=True)
    path = state_dir / STATE_FILE_NAME
    partial = path.with_suffix(".json.tmp")
    partial.write_text(json.dumps(stack.info(), indent=2) + "\n")
    partial.replace(path)  # readers never see half a file
    return path


def _start_simulator(
    host: str,
    port: int,
    provision_seconds: float | None,
    validate: bool = True,
    s3_backend_url: str = "",
) -> Any:
    ensure_port_free(host, port, "simulator", "--sim-port / SIM_PORT")
    try:
        from local.contabo_sim import SimulatorConfig, start_simulator
    except ImportError as error:
        raise RuntimeError(
            "The Contabo simulator (local/contabo_sim) is missing or broken; "
            f"the local stack needs it: {error}"
        ) from error
    config = SimulatorConfig(
        host=host,
        port=port,
        client_id=DEMO_CONTABO_CREDENTIALS["client_id"],
        client_secret=DEMO_CONTABO_CREDENTIALS["client_secret"],
        api_user=DEMO_CONTABO_CREDENTIALS["api_user"],
        api_password=DEMO_CONTABO_CREDENTIALS["api_password"],
        validate=validate,
        s3_backend_url=s3_backend_url,  # the S3 endpoint checks keys and policies, moto stores
    )
    if provision_seconds is not None:
        config = dataclasses.replace(config, provision_seconds=provision_seconds)
    return start_simulator(config)


def _physical_names(template: dict[str, Any], names: LocalNames, kind: str) -> dict[str, str]:
    return {
        logical_id: names.physical(logical_id) for logical_id in resources_of_type(template, kind)
    }
