"""Injectable clock: tests move time forward instead of sleeping."""

import threading
from datetime import UTC, datetime, timedelta


class SimClock:
    """Wall-clock time plus an offset that only ever grows (advance())."""

    def __init__(self) -> None:
        self._offset = timedelta()
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return datetime.now(UTC) + self._offset

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._offset += timedelta(seconds=seconds)

    def reset(self) -> None:
        with self._lock:
            self._offset = timedelta()


def iso(moment: datetime) -> str:
    """Contabo's timestamp format: `2021-06-02T12:32:03.363Z`."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
