"""Health: are the tables and secrets reachable, and are the schedules running?

No Contabo call here: /health must stay cheap and must not depend on Contabo being up.
"""

from __future__ import annotations

from pynamodb.exceptions import PynamoDBException

from contabo_reseller.adapters import job_runs, secrets
from contabo_reseller.adapters.tables import ALL_MODELS
from contabo_reseller.domain.errors import DomainError
from contabo_reseller.domain.health import CheckResult, HealthReport

PLACEHOLDER = "REPLACE_ME"


def check_health() -> HealthReport:
    checks: dict[str, CheckResult] = {}
    for model in ALL_MODELS:
        checks[f"table:{model.__name__}"] = _check_table(model)
    checks["secret:contabo_credentials"] = _check_contabo_secret()
    checks["secret:whmcs_signing_keys"] = _check_signing_keys()
    schedules = _schedules()
    return HealthReport.from_checks(checks, schedules)


def _check_table(model: type) -> CheckResult:
    try:
        if model.exists():  # type: ignore[attr-defined]
            return CheckResult(ok=True, detail="reachable")
        return CheckResult(ok=False, detail="table does not exist")
    except PynamoDBException:
        return CheckResult(ok=False, detail="not reachable")


def _check_contabo_secret() -> CheckResult:
    try:
        credentials = secrets.contabo_credentials()
    except DomainError as error:
        return CheckResult(ok=False, detail=error.message)
    if PLACEHOLDER in (credentials.client_id, credentials.api_user):
        return CheckResult(ok=False, detail="Contabo credentials are not set yet (see README).")
    return CheckResult(ok=True, detail="readable")


def _check_signing_keys() -> CheckResult:
    try:
        keys = secrets.signing_keys()
    except DomainError as error:
        return CheckResult(ok=False, detail=error.message)
    return CheckResult(ok=True, detail=f"{len(keys.keys)} active key(s)")


def _schedules() -> dict[str, dict[str, str]]:
    try:
        return job_runs.last_runs()
    except PynamoDBException:
        return {}
