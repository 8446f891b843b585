"""TestConnection: the backend, its secrets, and Contabo credentials that can read what we need."""

from __future__ import annotations

from pydantic import BaseModel

from contabo_reseller.domain.errors import DomainError
from contabo_reseller.domain.health import CheckResult
from contabo_reseller.services.contabo_gateway import gateway_for
from contabo_reseller.services.health import check_health


class ConnectionReport(BaseModel):
    """``checks`` names each check with its result, so WHMCS can say which one failed."""

    ok: bool
    checks: dict[str, CheckResult]


def test_connection(signed_by: str | None = None) -> ConnectionReport:
    health = check_health()
    checks = dict(health.checks)
    if signed_by:  # which installation this WHMCS is, as the backend sees its key
        checks["signing_key"] = CheckResult(ok=True, detail=signed_by)
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
    return ConnectionReport(ok=ok, checks=checks)
