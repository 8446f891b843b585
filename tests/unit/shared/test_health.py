import json

import boto3

from contabo_reseller.adapters import job_runs
from contabo_reseller.services.health import check_health
from tests.conftest import TEST_NAMES


def test_all_tables_and_secrets_reachable_is_ok(aws):
    report = check_health()
    assert report.status == "ok", report
    assert report.checks["table:ServiceRecord"].ok
    assert report.checks["secret:whmcs_signing_keys"].detail == "1 active key(s)"


def test_missing_table_makes_health_degraded(aws):
    boto3.client("dynamodb").delete_table(TableName=TEST_NAMES.physical("AuditTable"))
    report = check_health()
    assert report.status == "degraded"
    assert report.checks["table:AuditEntry"].detail == "table does not exist"


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
    report = check_health()
    assert report.status == "degraded"
    assert "not set yet" in report.checks["secret:contabo_credentials"].detail
    assert "generated-secret-value" not in report.model_dump_json()


def test_incomplete_secret_names_fields_without_values(aws):
    boto3.client("secretsmanager").put_secret_value(
        SecretId=TEST_NAMES.physical("ContaboCredentialsSecret"),
        SecretString=json.dumps({"client_id": "x", "api_password": "hunter2-secret"}),
    )
    detail = check_health().checks["secret:contabo_credentials"].detail
    assert "client_secret" in detail and "api_user" in detail
    assert "hunter2-secret" not in detail


def test_schedules_report_their_last_run(aws):
    job_runs.record_run("schedule_heartbeat", "ok")
    report = check_health()
    assert report.schedules["schedule_heartbeat"]["outcome"] == "ok"
