from __future__ import annotations

from typing import Literal

from pydantic import BaseModel


class CheckResult(BaseModel):
    ok: bool
    detail: str


class HealthReport(BaseModel):
    status: Literal["ok", "degraded"]
    checks: dict[str, CheckResult]
    schedules: dict[str, dict[str, str]]

    @classmethod
    def from_checks(
        cls, checks: dict[str, CheckResult], schedules: dict[str, dict[str, str]]
    ) -> HealthReport:
        status: Literal["ok", "degraded"] = (
            "ok" if all(c.ok for c in checks.values()) else "degraded"
        )
        return cls(status=status, checks=checks, schedules=schedules)
