"""Fault injection: what Contabo does on a bad day, switchable at start and at run time.

Settable from SIM_FAULTS (JSON), `POST /__sim/faults` (same JSON) or `state.faults` directly:
  {"error_rates": {"createInstance": 0.5},      # share of calls answered 5xx, seeded randomness
   "throttle_next": 3, "retry_after_seconds": 2,  # next N API requests -> 429 + Retry-After
   "latency_ms": 200,                           # added to every request
   "commit_then_fail": {"count": 1, "mode": "500" | "drop"},  # purchase happens, answer fails
   "fail_before_commit": 2,                     # next N purchases -> 500, nothing bought
   "product_failures": {"V8": "verification_required"}}  # provisioning ends in this status
"""

import random
import threading
from dataclasses import dataclass, field
from typing import Any

PURCHASE_OPERATIONS = frozenset(
    # A region change is no purchase but has the same risk: asked twice, two moves/tickets.
    {
        "createInstance",
        "upgradeInstance",
        "createObjectStorage",
        "upgradeObjectStorage",
        "requestRegionChange",
        "orderDomain",
    }
)
COMMIT_FAILURE_MODES = ("500", "drop")


@dataclass
class FaultSettings:
    error_rates: dict[str, float] = field(default_factory=dict)
    throttle_next: int = 0
    retry_after_seconds: int = 1
    latency_ms: int = 0
    commit_then_fail_count: int = 0
    commit_then_fail_mode: str = "500"
    fail_before_commit: int = 0
    product_failures: dict[str, str] = field(default_factory=dict)


class Faults:
    """Thread-safe holder of the fault settings plus the seeded random source."""

    def __init__(self, seed: int, base_latency_ms: int = 0) -> None:
        self._lock = threading.Lock()
        self._seed = seed
        self._base_latency_ms = base_latency_ms
        self.settings = FaultSettings(latency_ms=base_latency_ms)
        self._random = random.Random(seed)

    def configure(self, spec: dict[str, Any]) -> None:
        with self._lock:
            s = self.settings
            s.error_rates.update(
                {op: float(rate) for op, rate in spec.get("error_rates", {}).items()}
            )
            s.throttle_next = int(spec.get("throttle_next", s.throttle_next))
            s.retry_after_seconds = int(spec.get("retry_after_seconds", s.retry_after_seconds))
            s.latency_ms = int(spec.get("latency_ms", s.latency_ms))
            s.fail_before_commit = int(spec.get("fail_before_commit", s.fail_before_commit))
            s.product_failures.update(spec.get("product_failures", {}))
            if "commit_then_fail" in spec:
                mode = str(spec["commit_then_fail"].get("mode", "500"))
                if mode not in COMMIT_FAILURE_MODES:
                    raise ValueError(f"commit_then_fail.mode must be one of {COMMIT_FAILURE_MODES}")
                s.commit_then_fail_count = int(spec["commit_then_fail"].get("count", 1))
                s.commit_then_fail_mode = mode

    def reset(self) -> None:
        with self._lock:
            self.settings = FaultSettings(latency_ms=self._base_latency_ms)
            self._random = random.Random(self._seed)

    def latency_seconds(self) -> float:
        return self.settings.latency_ms / 1000

    def take_throttle(self) -> int | None:
        """Retry-After seconds if this request is throttled, else None."""
        with self._lock:
            if self.settings.throttle_next <= 0:
                return None
            self.settings.throttle_next -= 1
            return self.settings.retry_after_seconds

    def roll_error(self, operation_id: str) -> bool:
        with self._lock:
            rate = self.settings.error_rates.get(operation_id, 0.0)
            return rate > 0 and self._random.random() < rate

    def take_fail_before_commit(self, operation_id: str) -> bool:
        with self._lock:
            if operation_id not in PURCHASE_OPERATIONS or self.settings.fail_before_commit <= 0:
                return False
            self.settings.fail_before_commit -= 1
            return True

    def take_commit_then_fail(self, operation_id: str) -> str | None:
        """Failure mode ('500' or 'drop') for a purchase that has just committed, else None."""
        with self._lock:
            if operation_id not in PURCHASE_OPERATIONS or self.settings.commit_then_fail_count <= 0:
                return None
            self.settings.commit_then_fail_count -= 1
            return self.settings.commit_then_fail_mode

    def provisioning_failure(self, product_id: str) -> str | None:
        return self.settings.product_failures.get(product_id)

    def snapshot(self) -> dict[str, Any]:
        s = self.settings
        return {
            "error_rates": dict(s.error_rates),
            "throttle_next": s.throttle_next,
            "retry_after_seconds": s.retry_after_seconds,
            "latency_ms": s.latency_ms,
            "commit_then_fail": {
                "count": s.commit_then_fail_count,
                "mode": s.commit_then_fail_mode,
            },
            "fail_before_commit": s.fail_before_commit,
            "product_failures": dict(s.product_failures),
        }
