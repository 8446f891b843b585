from __future__ import annotations

from typing import Literal

from contabo_reseller.domain.model_base import DomainModel

HealthStatusValue = Literal["ok", "degraded"]


class CheckResult(DomainModel):
    ok: bool
    detail: str


class HealthStatus(DomainModel):
    """What the unsigned GET /health says: one word, nothing an attacker could use."""

    status: HealthStatusValue


class HealthReport(DomainModel):
    """The details, for signed callers only (GET /connection)."""

    status: HealthStatusValue
    checks: dict[str, CheckResult]
    schedules: dict[str, dict[str, str]]

    @classmethod
    def from_checks(
        cls, checks: dict[str, CheckResult], schedules: dict[str, dict[str, str]]
    ) -> HealthReport:
        return cls(status=status_of(checks), checks=checks, schedules=schedules)


def status_of(checks: dict[str, CheckResult]) -> HealthStatusValue:
    return "ok" if all(c.ok for c in checks.values()) else "degraded"
