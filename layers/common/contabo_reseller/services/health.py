"""Health: are the tables and secrets reachable, and are the schedules running?

No Contabo call here: /health must stay cheap and must not depend on Contabo being up.
``check_health`` answers the unsigned GET /health: it reads no secret value (it asks whether
each secret exists) and makes no table scan. ``health_details`` is for signed callers
(GET /connection): secret contents checked, key count, each schedule's last run. Each check
is a round trip of its own that depends on no other, so they run at once.
"""

from __future__ import annotations

from functools import partial

from pynamodb.exceptions import PynamoDBException

from contabo_reseller import invocation
from contabo_reseller.adapters import job_runs, secrets
from contabo_reseller.adapters.tables import ALL_MODELS
from contabo_reseller.domain.errors import DomainError
from contabo_reseller.domain.health import CheckResult, HealthReport, HealthStatus, status_of
from contabo_reseller.services.jobs.scheduled_jobs import SCHEDULES
from contabo_reseller.settings import get_settings

PLACEHOLDER = "REPLACE_ME"
# Every job that stamps its last run: the heartbeat and each scheduled job.
HEARTBEAT_JOB = "schedule_heartbeat"
SCHEDULED_JOB_NAMES = (HEARTBEAT_JOB, *(job for _, job in SCHEDULES.values()))


def check_health() -> HealthStatus:
    settings = get_settings()
    *tables, contabo_secret, signing_keys = invocation.concurrently(
        *_table_checks(),
        partial(_check_secret_exists, settings.contabo_secret_id),
        partial(_check_secret_exists, settings.signing_keys_secret_id),
    )
    checks = {
        **_by_table(tables),
        "secret:contabo_credentials": contabo_secret,
        "secret:whmcs_signing_keys": signing_keys,
    }
    return HealthStatus(status=status_of(checks))


def health_details() -> HealthReport:
    *tables, contabo_secret, signing_keys, schedules = invocation.concurrently(
        *_table_checks(), _check_contabo_secret, _check_signing_keys, _schedules
    )
    checks = {
        **_by_table(tables),
        "secret:contabo_credentials": contabo_secret,
        "secret:whmcs_signing_keys": signing_keys,
    }
    return HealthReport.from_checks(checks, schedules)


def _table_checks() -> list[partial[CheckResult]]:
    return [partial(_check_table, model) for model in ALL_MODELS]


def _by_table(results: list[CheckResult]) -> dict[str, CheckResult]:
    return {
        f"table:{model.__name__}": result for model, result in zip(ALL_MODELS, results, strict=True)
    }


def _check_table(model: type) -> CheckResult:
    try:
        if model.exists():  # type: ignore[attr-defined]
            return CheckResult(ok=True, detail="reachable")
        return CheckResult(ok=False, detail="table does not exist")
    except PynamoDBException:
        return CheckResult(ok=False, detail="not reachable")


def _check_secret_exists(secret_id: str) -> CheckResult:
    if secrets.exists(secret_id):
        return CheckResult(ok=True, detail="exists")
    return CheckResult(ok=False, detail="missing or not reachable")


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
        return job_runs.last_runs(SCHEDULED_JOB_NAMES)
    except PynamoDBException:
        return {}
