"""TestConnection: the backend, its secrets, and Contabo credentials that can read what we need.

The backend's checks run at once; the Contabo checks, started only when those pass, run in
parallel too, each bounded by what is left of WHMCS's budget, so a slow Contabo (1-3 s per
call) is reported as working, with its latency, instead of timing out.
"""

from __future__ import annotations

import contextvars
import time
from concurrent.futures import Future, ThreadPoolExecutor

from pydantic import BaseModel

from contabo_reseller import invocation
from contabo_reseller.domain.errors import DomainError, OutOfTime
from contabo_reseller.domain.health import CheckResult
from contabo_reseller.services.contabo_gateway import ContaboGateway, gateway_for
from contabo_reseller.services.health import health_details
from contabo_reseller.settings import get_settings

NO_ANSWER = "no answer within the time allowed: the provider is very slow right now"
# A check not started because the answers so far (a sign-in, most often) took most of the time.
ANSWERS_SLOWLY = (
    "not checked within the time allowed: the provider answers slowly ({seconds:.1f} s for one "
    "answer); test again in a moment"
)
SLOW_SECONDS = 1.0  # a Contabo answer slower than this is named "slow" (still working)


class ConnectionReport(BaseModel):
    """``checks`` names each check with its result, so WHMCS can say which one failed;
    ``schedules`` is each scheduled job's last run; ``warnings`` are settings to review."""

    ok: bool
    checks: dict[str, CheckResult]
    schedules: dict[str, dict[str, str]] = {}
    warnings: list[str] = []


def test_connection(signed_by: str | None = None) -> ConnectionReport:
    # The Contabo client loads (CPU) while the backend checks wait on the network; it is
    # used only if they pass.
    health, contabo = invocation.concurrently(
        health_details, lambda: gateway_for("-", "connection-test")
    )
    checks = dict(health.checks)
    if signed_by:  # which installation this WHMCS is, as the backend sees its key
        checks["signing_key"] = CheckResult(ok=True, detail=signed_by)
    ok = health.status == "ok"
    if ok:
        areas = contabo.ACCESS_AREAS
        pool = ThreadPoolExecutor(max_workers=len(areas))
        try:
            futures = {
                area: pool.submit(contextvars.copy_context().run, _check_area, contabo, area)
                for area in areas
            }
            for area, future in futures.items():
                checks[f"contabo:{area}"] = _result_within_budget(future)
        finally:
            # WHMCS gets its answer within the budget even if a check overruns (a sign-in
            # another invocation was making, a call slower than the slowest so far): the
            # late check finishes on its own and changes nothing.
            pool.shutdown(wait=False, cancel_futures=True)
        ok = all(checks[f"contabo:{area}"].ok for area in areas)
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


def _result_within_budget(future: Future[CheckResult]) -> CheckResult:
    left = invocation.budget_left()
    try:
        return future.result(timeout=None if left is None else max(0.0, left))
    except TimeoutError:
        return CheckResult(ok=False, detail=NO_ANSWER)


def _check_area(contabo: ContaboGateway, area: str) -> CheckResult:
    started = time.monotonic()
    try:
        contabo.check_area(area)
    except OutOfTime:
        return CheckResult(ok=False, detail=_not_started_in_time())
    except DomainError as error:
        return CheckResult(ok=False, detail=error.message)
    seconds = time.monotonic() - started
    speed = f"slow: {seconds:.1f} s" if seconds >= SLOW_SECONDS else f"{seconds * 1000:.0f} ms"
    return CheckResult(ok=True, detail=f"readable ({speed})")


def _not_started_in_time() -> str:
    """Says how slow the provider was when that is known (it answered, slowly), not only that
    the time ran out."""
    slowest = invocation.slowest_call()
    return ANSWERS_SLOWLY.format(seconds=slowest) if slowest >= SLOW_SECONDS else NO_ANSWER
