"""moto's server on a background thread: DynamoDB, Secrets Manager and EventBridge on one port.

boto3 and pynamodb both reach it through AWS_ENDPOINT_URL (botocore's configured endpoint,
which pynamodb honours because it passes no endpoint of its own unless Meta.host is set).

moto keeps its state in process-wide backends, not in the server: a second server in the same
process (a test module's stack while the suite's shared one is up) would see the first one's
tables, jobs and secrets, and everything would outlive a stopped server. So the first server in
a process starts from a reset, the last one resets on its way out, and a server started while
another runs gets an AWS account of its own (``MOTO_ACCOUNT_ID``: moto keys every backend by
account), which nothing else in the process uses.
"""

from __future__ import annotations

import itertools
import logging
import socket
import threading
from collections.abc import Callable, Iterable
from typing import Any

import httpx
from moto.core import DEFAULT_ACCOUNT_ID
from moto.moto_server.werkzeug_app import (
    DomainDispatcherApplication,
    MotoRequestHandler,
    create_backend_app,
)
from moto.server import ThreadedMotoServer
from werkzeug.serving import make_server

FAKE_CREDENTIALS = {"AWS_ACCESS_KEY_ID": "local", "AWS_SECRET_ACCESS_KEY": "local"}
# The servers running in this process (they share moto's backends) and the accounts handed to
# the ones started while another was running.
_running: list[LocalMoto] = []
_running_lock = threading.Lock()
_other_accounts = (str(n) for n in itertools.count(100_000_000_001))


class LocalMoto:
    def __init__(self, host: str = "127.0.0.1", port: int = 4566) -> None:
        self.host = host
        self.port = port
        self.account_id = DEFAULT_ACCOUNT_ID
        self._server: ThreadedMotoServer | None = None

    @property
    def endpoint(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> LocalMoto:
        # ThreadedMotoServer binds on its own thread and would wait forever on a busy port.
        ensure_port_free(self.host, self.port, "moto", "--moto-port / LOCAL_MOTO_PORT")
        logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no access log per SDK call
        self._server = _AtomicDynamoDBMotoServer(
            ip_address=self.host, port=self.port, verbose=False
        )
        self._server.start()
        self.port = self._server.get_host_and_port()[1]
        with _running_lock:
            if _running:  # another stack's state lives in the default account
                self.account_id = next(_other_accounts)
            else:  # nothing an earlier stack in this process left behind
                self.reset()
            _running.append(self)
        return self

    def reset(self) -> None:
        """Every moto backend back to empty (moto's own reset API), in every account."""
        httpx.post(f"{self.endpoint}/moto-api/reset", timeout=30).raise_for_status()

    def stop(self) -> None:
        if self._server is not None:
            with _running_lock:
                _running.remove(self)
                if not _running:  # the last one: nothing outlives the stacks
                    self.reset()
            self._server.stop()
            # stop() shuts the loop down but leaves the listening socket open.
            if self._server._server is not None:
                self._server._server.server_close()
            self._server = None


class SerializedDynamoDB:
    """WSGI middleware: one DynamoDB call at a time.

    DynamoDB applies each item operation atomically, so a conditional write (the service lock,
    a purchase intent) has exactly one winner. moto checks a condition and then writes in
    Python, so two concurrent requests can both pass it; serializing DynamoDB calls gives the
    local stack the guarantee the product relies on in AWS. Other services stay concurrent.
    """

    def __init__(self, app: Callable[..., Iterable[bytes]]) -> None:
        self.app = app
        self._lock = threading.Lock()

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        if not environ.get("HTTP_X_AMZ_TARGET", "").startswith("DynamoDB_"):
            return self.app(environ, start_response)
        with self._lock:
            return list(self.app(environ, start_response))  # the whole answer, under the lock


class _AtomicDynamoDBMotoServer(ThreadedMotoServer):
    def _server_entry(self) -> None:
        app = SerializedDynamoDB(DomainDispatcherApplication(create_backend_app))
        self._server = make_server(
            self._ip_address, self._port, app, True, request_handler=MotoRequestHandler
        )
        self._server_ready_event.set()
        self._server.serve_forever()


def aws_environment(endpoint: str, region: str, account_id: str = "") -> dict[str, str]:
    """What every SDK client in the process needs to talk to moto instead of AWS; with
    ``account_id``, the account an in-process moto server answers as."""
    return {
        **({"MOTO_ACCOUNT_ID": account_id} if account_id else {}),
        "AWS_ENDPOINT_URL": endpoint,
        **FAKE_CREDENTIALS,
        "AWS_DEFAULT_REGION": region,
        "AWS_REGION": region,
        "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "false",
        # No X-Ray daemon locally: Tracer would complain about missing segments.
        "POWERTOOLS_TRACE_DISABLED": "true",
    }


def ensure_port_free(host: str, port: int, what: str, option: str) -> None:
    if port == 0:
        return
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            raise PortInUse(f"{what}: port {port} on {host} is in use ({option})") from error


class PortInUse(RuntimeError):
    pass
