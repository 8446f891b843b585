"""Turns X-Ray tracing on for the in-process local stack and catches what it would send.

The tests run with ``POWERTOOLS_TRACE_DISABLED`` (tests/conftest.py), so the Tracer and the
X-Ray SDK start disabled. ``traced()`` enables both, points the SDK's own UDP emitter at a
socket this process listens on (the X-Ray daemon's role), and opens one segment per request:
every segment and subsegment the handlers produce reaches that socket as the daemon would see
it. The local gateway runs handlers in worker threads, so the segment context is shared by all
threads instead of X-Ray's thread-local one (one request at a time in these tests).
"""

from __future__ import annotations

import socket
import threading
import time
import types
from collections.abc import Iterator
from contextlib import contextmanager

from aws_xray_sdk import global_sdk_config
from aws_xray_sdk.core import patch, xray_recorder
from aws_xray_sdk.core.context import Context


class _SharedContext(Context):
    """X-Ray's context with one entity stack for every thread."""

    def __init__(self) -> None:
        super().__init__(context_missing="LOG_ERROR")
        self._local = types.SimpleNamespace()


class DaemonCapture:
    """A UDP socket standing in for the X-Ray daemon; keeps every document it receives."""

    def __init__(self) -> None:
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self._socket.bind(("127.0.0.1", 0))
        self._socket.settimeout(0.2)
        self.address = f"127.0.0.1:{self._socket.getsockname()[1]}"
        self._documents: list[str] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._receive, daemon=True)
        self._thread.start()

    def _receive(self) -> None:
        while not self._stop.is_set():
            try:
                datagram = self._socket.recv(65535)
            except TimeoutError:
                continue
            with self._lock:
                # Each datagram is the daemon protocol's header line, then one segment document.
                self._documents.append(datagram.decode().partition("\n")[2])

    @property
    def documents(self) -> list[str]:
        """Every document received once none has arrived for a moment: the receiving thread
        may not have read the last ones yet when the last request has been answered."""
        deadline = time.monotonic() + 5.0
        seen = -1
        while time.monotonic() < deadline:
            with self._lock:
                count = len(self._documents)
            if count == seen:
                break
            seen = count
            time.sleep(0.3)
        with self._lock:
            return list(self._documents)

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self._socket.close()


@contextmanager
def traced() -> Iterator[DaemonCapture]:
    """X-Ray on, as in Lambda with ``Tracing: Active``, sending to a capture socket."""
    from contabo_reseller.observability import TRACED_MODULES, tracer

    capture = DaemonCapture()
    was_disabled = tracer.disabled
    xray_recorder.configure(
        daemon_address=capture.address,
        context=_SharedContext(),
        sampling=False,
        streaming_threshold=0,  # every subsegment is sent as soon as it closes
    )
    global_sdk_config.set_sdk_enabled(True)
    patch([*TRACED_MODULES, "httpx"])  # as deployed: the Tracer's modules, httpx on first use
    type(tracer)._config["disabled"] = False
    tracer.disabled = False
    try:
        yield capture
    finally:
        tracer.disabled = was_disabled
        type(tracer)._config["disabled"] = was_disabled
        global_sdk_config.set_sdk_enabled(False)
        capture.close()


@contextmanager
def request_segment(capture: DaemonCapture, name: str) -> Iterator[None]:
    """One segment around a request, like Lambda's facade segment; sent when it ends."""
    xray_recorder.begin_segment(name)
    try:
        yield
    finally:
        xray_recorder.end_segment()
