"""TestConnection: the backend, its secrets, and Contabo credentials that can read what we need."""

from __future__ import annotations

from pydantic import BaseModel

from contabo_reseller.domain.errors import DomainError
from contabo_reseller.domain.health import CheckResult
from contabo_reseller.services.contabo_gateway import gateway_for
from contabo_reseller.services.health import health_details
from contabo_reseller.settings import get_settings


class ConnectionReport(BaseModel):
    """``checks`` names each check with its result, so WHMCS can say which one failed;
    ``schedules`` is each scheduled job's last run; ``warnings`` are settings to review."""

    ok: bool
    checks: dict[str, CheckResult]
    schedules: dict[str, dict[str, str]] = {}
    warnings: list[str] = []


def test_connection() -> ConnectionReport:
    health = health_details()
    checks = dict(health.checks)
    ok = health.status == "ok"
    if ok:
        try:
            access = gateway_for("-", "connection-test").check_access()
        except DomainError as error:
            checks["contabo"] = CheckResult(ok=False, detail=error.message)
            ok = False
        else:
            for area, readable in access.items():
                checks[f"contabo:{area}"] = CheckResult(
                    ok=readable, detail="readable" if readable else "not readable"
                )
            ok = all(access.values())
    return ConnectionReport(
        ok=ok, checks=checks, schedules=health.schedules, warnings=edge_warnings()
    )


def edge_warnings() -> list[str]:
    if not get_settings().api_allowed_source_ips:
        return [
            "The API accepts requests from any address. Set the template parameter "
            "WhmcsEgressIps to your WHMCS server's public IP addresses to close it."
        ]
    return []
