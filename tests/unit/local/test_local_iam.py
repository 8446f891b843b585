"""The local stack refuses an AWS call a function's template grants do not cover, as AWS would."""

from __future__ import annotations

import boto3
import pytest
from botocore.exceptions import ClientError, UnknownServiceError

from contabo_reseller.adapters.aws_services import LAYER_AWS_SERVICES
from local.stack import iam
from local.stack.template import load_template
from tests.conftest import TEST_NAMES


@pytest.fixture
def enforced(aws, monkeypatch):
    monkeypatch.setenv("LOCAL_IAM", "enforce")
    iam.install(load_template(), TEST_NAMES)


def _denied(call) -> str:
    with pytest.raises(ClientError) as raised:
        call()
    assert raised.value.response["Error"]["Code"] == "AccessDeniedException"
    return raised.value.response["Error"]["Message"]


def test_health_may_describe_a_secret_but_not_read_it(enforced):
    secrets = boto3.client("secretsmanager")
    secret_id = TEST_NAMES.physical("ContaboCredentialsSecret")
    with iam.acting_as("HealthFunction"):
        secrets.describe_secret(SecretId=secret_id)
        message = _denied(lambda: secrets.get_secret_value(SecretId=secret_id))
    assert "HealthFunction" in message and "Metadata.FunctionAccess" in message


def test_only_the_provisioning_worker_reads_the_whmcs_api_secret(enforced):
    secrets = boto3.client("secretsmanager")
    secret_id = TEST_NAMES.physical("WhmcsApiSecret")
    with iam.acting_as("ProvisioningWorkerFunction"):
        secrets.get_secret_value(SecretId=secret_id)
    with iam.acting_as("CreateServiceFunction"):
        _denied(lambda: secrets.get_secret_value(SecretId=secret_id))


def test_nobody_updates_or_deletes_audit_rows(enforced):
    dynamodb = boto3.client("dynamodb")
    table = TEST_NAMES.physical("AuditTable")
    key = {"service_id": {"S": "1"}, "entry_id": {"S": "a"}}
    with iam.acting_as("TerminateServiceFunction"):
        dynamodb.put_item(TableName=table, Item=key)
        _denied(lambda: dynamodb.delete_item(TableName=table, Key=key))
        _denied(
            lambda: dynamodb.update_item(
                TableName=table,
                Key=key,
                UpdateExpression="SET x = :x",
                ExpressionAttributeValues={":x": {"S": "y"}},
            )
        )


def test_a_read_route_cannot_write_its_table(enforced):
    dynamodb = boto3.client("dynamodb")
    table = TEST_NAMES.physical("ServicesTable")
    with iam.acting_as("GetServiceFunction"):
        dynamodb.get_item(TableName=table, Key={"service_id": {"S": "1"}})
        _denied(lambda: dynamodb.put_item(TableName=table, Item={"service_id": {"S": "1"}}))


def test_transactions_are_checked_item_by_item(enforced):
    dynamodb = boto3.client("dynamodb")
    items = [
        {
            "Put": {
                "TableName": TEST_NAMES.physical("TokensTable"),
                "Item": {"token_id": {"S": "t"}},
            }
        },
        {
            "Put": {
                "TableName": TEST_NAMES.physical("ServicesTable"),
                "Item": {"service_id": {"S": "9"}},
            }
        },
    ]
    with iam.acting_as("ScheduleHeartbeatFunction"):
        message = _denied(lambda: dynamodb.transact_write_items(TransactItems=items))
    assert "ServicesTable" in message


def test_calls_outside_a_function_are_not_checked(enforced):
    boto3.client("secretsmanager").get_secret_value(SecretId=TEST_NAMES.physical("WhmcsApiSecret"))


def test_a_functions_parallel_calls_are_still_its_own(enforced):
    """invocation.concurrently runs round trips on pool threads: they are checked as the
    function's calls, not let through as calls made outside any function."""
    from contabo_reseller import invocation

    secrets = boto3.client("secretsmanager")
    secret_id = TEST_NAMES.physical("ContaboCredentialsSecret")
    with iam.acting_as("HealthFunction"), pytest.raises(ClientError) as raised:
        invocation.concurrently(
            lambda: secrets.describe_secret(SecretId=secret_id),
            lambda: secrets.get_secret_value(SecretId=secret_id),
        )
    assert raised.value.response["Error"]["Code"] == "AccessDeniedException"


def test_a_service_the_built_layer_has_no_models_for_fails_as_in_lambda(enforced):
    """make build keeps botocore's models only for LAYER_AWS_SERVICES: a function calling any
    other service would fail once deployed, so it fails on the local stack too."""
    sqs = boto3.client("sqs")
    with iam.acting_as("CreateServiceFunction"), pytest.raises(UnknownServiceError) as raised:
        sqs.list_queues()
    assert "aws_services.py" in str(raised.value)
    sqs_outside_a_function = boto3.client("sqs")  # tests and the stack itself use full boto3
    sqs_outside_a_function.list_queues()


def test_every_service_a_function_is_granted_keeps_its_models():
    """A grant in template.yaml is a call some function makes: the layer must keep its models."""
    grants = iam.function_grants(load_template(), TEST_NAMES)
    granted = {
        action.split(":")[0]
        for statements in grants.values()
        for statement in statements
        for action in statement.actions
    }
    assert granted and granted <= LAYER_AWS_SERVICES, granted - LAYER_AWS_SERVICES
