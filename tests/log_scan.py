"""Finds known secrets in what the code under test wrote to its logs.

Powertools' Logger keeps the ``sys.stdout`` it found at import in its handler, so neither
capsys nor capfd sees what it writes once the stack was started earlier in the session:
``captured_logs()`` tees every logging stream handler instead, and tests add capfd's text for
anything printed.
"""

from __future__ import annotations

import io
import json
import logging
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any, TextIO
from urllib.parse import quote, quote_plus

MIN_SECRET_LENGTH = 8  # shorter "secrets" would match ordinary text by chance


class _Tee:
    """A stream that writes through to the handler's own stream and into the capture."""

    def __init__(self, stream: TextIO, sink: io.StringIO, lock: threading.Lock) -> None:
        self.stream = stream
        self._sink = sink
        self._lock = lock

    def write(self, text: str) -> int:
        with self._lock:
            self._sink.write(text)
        return self.stream.write(text)

    def flush(self) -> None:
        self.stream.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


class CapturedLogs:
    def __init__(self) -> None:
        self._sink = io.StringIO()
        self._lock = threading.Lock()

    @property
    def text(self) -> str:
        with self._lock:
            return self._sink.getvalue()


@contextmanager
def captured_logs() -> Iterator[CapturedLogs]:
    """Everything every logging stream handler writes while the block runs."""
    captured = CapturedLogs()
    known = logging.root.manager.loggerDict.values()
    loggers = [logging.getLogger(), *(item for item in known if isinstance(item, logging.Logger))]
    swapped: list[tuple[logging.StreamHandler[Any], Any]] = []
    for logger in loggers:
        for handler in logger.handlers:
            if isinstance(handler, logging.StreamHandler) and not isinstance(handler.stream, _Tee):
                tee = _Tee(handler.stream, captured._sink, captured._lock)
                swapped.append((handler, handler.setStream(tee)))  # type: ignore[arg-type]
    try:
        yield captured
    finally:
        for handler, original in swapped:
            handler.setStream(original)


def secret_forms(secret: str) -> set[str]:
    """The secret as it would appear in plain text, in JSON, or form/URL-encoded."""
    return {secret, json.dumps(secret)[1:-1], quote(secret, safe=""), quote_plus(secret)}


def find_secrets(text: str, secrets: Mapping[str, str]) -> list[str]:
    """Names of the secrets that occur in ``text`` (in any of their usual encodings)."""
    for name, secret in secrets.items():
        if len(secret) < MIN_SECRET_LENGTH:
            raise ValueError(f"secret {name!r} is too short to scan for reliably")
    return sorted(
        name
        for name, secret in secrets.items()
        if any(form in text for form in secret_forms(secret))
    )
