"""Turns X-Ray tracing on for the in-process local stack and catches what it would send.

The tests run with ``POWERTOOLS_TRACE_DISABLED`` (tests/conftest.py), so the Tracer and the
X-Ray SDK start disabled. ``traced()`` enables both and points the SDK's own UDP emitter at a
socket this process listens on (the X-Ray daemon's role): every subsegment the handlers
produce reaches that socket as the daemon would see it. As in Lambda, where each invocation's
thread (and each thread it starts) gets a facade segment of its own, every thread here gets its
own segment on first use: the local stack runs each invocation in a thread of its own, and
work it wakes in the background (the action-queue worker) never lands in a request's trace.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from aws_xray_sdk import global_sdk_config
from aws_xray_sdk.core import patch, xray_recorder
from aws_xray_sdk.core.context import Context
from aws_xray_sdk.core.models.segment import Segment


class _SegmentPerThread(Context):
    """X-Ray's thread-local context, where a thread without a segment gets one of its own."""

    def __init__(self) -> None:
        super().__init__(context_missing="LOG_ERROR")

    def get_trace_entity(self) -> Any:
        if not getattr(self._local, "entities", None) and global_sdk_config.sdk_enabled():
            self._local.entities = [Segment(threading.current_thread().name, sampled=True)]
        return super().get_trace_entity()


_SENTINEL = b"end of what was sent"


class DaemonCapture:
    """A UDP socket standing in for the X-Ray daemon; keeps every document it receives."""

    def __init__(self) -> None:
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self._socket.bind(("127.0.0.1", 0))
        self._socket.settimeout(0.2)
        self.address = f"127.0.0.1:{self._socket.getsockname()[1]}"
        self._documents: list[str] = []
        self._sentinel_seen = threading.Event()
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
            if datagram == _SENTINEL:
                self._sentinel_seen.set()
                continue
            with self._lock:
                # Each datagram is the daemon protocol's header line, then one segment document.
                self._documents.append(datagram.decode().partition("\n")[2])

    def _drain(self) -> None:
        """Returns once every datagram sent before the call has been read: a marker sent now is
        queued behind them (loopback queues a datagram as it is sent), however late the
        receiving thread runs on a busy machine."""
        self._sentinel_seen.clear()
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as marker:
            marker.sendto(_SENTINEL, self._socket.getsockname())
        if not self._sentinel_seen.wait(10.0):
            raise AssertionError("the capture socket read nothing for 10 s")

    @property
    def documents(self) -> list[str]:
        """Every document sent so far and, while the capture is open, any that arrive within a
        quiet moment after (work the requests woke in the background)."""
        if not self._stop.is_set():
            self._drain()
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
        """Stops listening once everything sent before has been read."""
        self._drain()
        self._stop.set()
        self._thread.join()
        self._socket.close()


@contextmanager
def traced() -> Iterator[DaemonCapture]:
    """X-Ray on, as in Lambda with ``Tracing: Active``, sending to a capture socket."""
    from contabo_reseller.observability import TRACED_MODULES, tracer

    capture = DaemonCapture()
    was_disabled = tracer.disabled
    earlier_context = xray_recorder.context
    xray_recorder.configure(
        daemon_address=capture.address,
        context=_SegmentPerThread(),
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
        xray_recorder.context = earlier_context
        capture.close()
