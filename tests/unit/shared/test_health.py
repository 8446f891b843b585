import json
import threading

import boto3
import pytest
from botocore.client import BaseClient

from contabo_reseller.adapters import job_runs
from contabo_reseller.domain.health import HealthStatus
from contabo_reseller.services.health import check_health, health_details
from tests.conftest import TEST_NAMES


def test_all_tables_and_secrets_reachable_is_ok(aws):
    assert check_health() == HealthStatus(status="ok")
    report = health_details()
    assert report.status == "ok", report
    assert report.checks["table:ServiceRecord"].ok
    assert report.checks["secret:whmcs_signing_keys"].detail == "1 active key(s)"


def test_the_unsigned_answer_is_one_word(aws):
    assert check_health().model_dump() == {"status": "ok"}


def test_missing_table_makes_health_degraded(aws):
    boto3.client("dynamodb").delete_table(TableName=TEST_NAMES.physical("AuditTable"))
    assert check_health().status == "degraded"
    report = health_details()
    assert report.status == "degraded"
    assert report.checks["table:AuditEntry"].detail == "table does not exist"


def test_missing_secret_makes_health_degraded(aws):
    boto3.client("secretsmanager").delete_secret(
        SecretId=TEST_NAMES.physical("WhmcsSigningKeysSecret"), ForceDeleteWithoutRecovery=True
    )
    assert check_health().status == "degraded"


@pytest.fixture
def record_aws_calls(monkeypatch):
    """Starts recording the name of every AWS request (pynamodb's too); returns the list."""

    def start() -> list[str]:
        calls: list[str] = []
        make_api_call = BaseClient._make_api_call

        def recorded(client, operation_name, api_params):
            calls.append(operation_name)
            return make_api_call(client, operation_name, api_params)

        monkeypatch.setattr(BaseClient, "_make_api_call", recorded)
        return calls

    return start


def test_the_unsigned_check_reads_no_secret_value_and_scans_no_table(aws, record_aws_calls):
    """health reads metadata only: its IAM role may not read a secret or scan a table."""
    job_runs.record_run("schedule_heartbeat", "ok")
    calls = record_aws_calls()
    assert check_health().status == "ok"
    assert "DescribeTable" in calls  # the recording saw the calls (pynamodb's too)
    assert "GetSecretValue" not in calls and "Scan" not in calls, calls
    assert "DescribeSecret" in calls


def test_placeholder_contabo_credentials_are_reported_not_leaked(aws):
    placeholder = {
        "client_id": "REPLACE_ME",
        "client_secret": "generated-secret-value",
        "api_user": "REPLACE_ME",
        "api_password": "REPLACE_ME",
    }
    boto3.client("secretsmanager").put_secret_value(
        SecretId=TEST_NAMES.physical("ContaboCredentialsSecret"),
        SecretString=json.dumps(placeholder),
    )
    report = health_details()
    assert report.status == "degraded"
    assert "not set yet" in report.checks["secret:contabo_credentials"].detail
    assert "generated-secret-value" not in report.model_dump_json()


def test_incomplete_secret_names_fields_without_values(aws):
    boto3.client("secretsmanager").put_secret_value(
        SecretId=TEST_NAMES.physical("ContaboCredentialsSecret"),
        SecretString=json.dumps({"client_id": "x", "api_password": "hunter2-secret"}),
    )
    detail = health_details().checks["secret:contabo_credentials"].detail
    assert "client_secret" in detail and "api_user" in detail
    assert "hunter2-secret" not in detail


@pytest.mark.parametrize("job", ["schedule_heartbeat", "status-sync", "provisioning_worker"])
def test_schedules_report_their_last_run(aws, job):
    job_runs.record_run(job, "ok")
    report = health_details()
    assert report.schedules[job]["outcome"] == "ok"


def test_the_detailed_checks_run_at_once(aws, monkeypatch):
    """Six tables, two secrets and the schedules are nine independent round trips: a cold
    GET /connection waits for the slowest, not for their sum. Each fake check waits until
    every check has started, which only happens if they all run at the same time."""
    from contabo_reseller.adapters.tables import ALL_MODELS
    from contabo_reseller.domain.health import CheckResult
    from contabo_reseller.services import health

    all_started = threading.Barrier(len(ALL_MODELS) + 3, timeout=5)

    def check(*_: object) -> CheckResult:
        all_started.wait()
        return CheckResult(ok=True, detail="reachable")

    def schedules() -> dict[str, dict[str, str]]:
        all_started.wait()
        return {}

    for name in ("_check_table", "_check_contabo_secret", "_check_signing_keys"):
        monkeypatch.setattr(health, name, check)
    monkeypatch.setattr(health, "_schedules", schedules)
    assert health_details().status == "ok"


def test_a_failed_check_is_still_reported_when_the_checks_run_at_once(aws):
    boto3.client("dynamodb").delete_table(TableName=TEST_NAMES.physical("JobsTable"))
    report = health_details()
    assert report.checks["table:JobRecord"].detail == "table does not exist"
    assert report.checks["table:ServiceRecord"].ok and report.status == "degraded"


def test_every_schedule_is_read_in_one_request(aws, record_aws_calls):
    """One batch of key reads for the schedules' last runs, not a round trip each."""
    job_runs.record_run("schedule_heartbeat", "ok")
    job_runs.record_run("status-sync", "failed")
    calls = record_aws_calls()
    report = health_details()
    assert report.schedules["schedule_heartbeat"]["outcome"] == "ok"
    assert report.schedules["status-sync"]["outcome"] == "failed"
    assert calls.count("BatchGetItem") == 1 and "GetItem" not in calls, calls
