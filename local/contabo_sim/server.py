"""Run the simulator: on a background thread (tests, local stack) or in the foreground (CLI)."""

import dataclasses
import logging
import signal
import threading
from types import TracebackType

from werkzeug.serving import make_server

from .app import SimulatorApp
from .config import SimulatorConfig
from .s3_endpoint import RunningS3Endpoint
from .state import SimState


class RunningSimulator:
    """A simulator serving on a background thread; `.state` is the live in-memory account."""

    def __init__(self, config: SimulatorConfig) -> None:
        self.state = SimState(config)
        self.s3: RunningS3Endpoint | None = None
        if config.s3_backend_url:
            self.s3 = RunningS3Endpoint(
                self.state, config.host, config.s3_port, config.s3_backend_url
            )
            # Object storages report this endpoint as their s3Url.
            self.state.config = dataclasses.replace(config, s3_url=self.s3.url)
        self._server = make_server(
            config.host, config.port, SimulatorApp(self.state), threaded=True
        )
        self.port = self._server.server_port
        self.base_url = f"http://{config.host}:{self.port}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="contabo-sim", daemon=True
        )

    def start(self) -> "RunningSimulator":
        if self.s3 is not None:
            self.s3.start()
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
        if self.s3 is not None:
            self.s3.stop()

    def __enter__(self) -> "RunningSimulator":
        return self

    def __exit__(self, *_: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.stop()


def start_simulator(config: SimulatorConfig | None = None) -> RunningSimulator:
    """Start serving on a background thread (port 0 picks a free port)."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no access log lines in test output
    return RunningSimulator(config or SimulatorConfig(port=0)).start()


def main() -> None:
    config = SimulatorConfig.from_env()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    running = RunningSimulator(config)
    stopped = threading.Event()
    # SIGTERM/SIGINT only flag the stop; shutdown() must run off the serving thread.
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stopped.set())
    running.start()
    logging.info(
        "Contabo simulator on %s (token: %s/auth/realms/contabo/...)",
        running.base_url,
        running.base_url,
    )
    stopped.wait()
    running.stop()
    logging.info("Contabo simulator stopped")
