"""template.yaml's API edge and encryption settings (issue: a closed API edge, hygiene)."""

from __future__ import annotations

import json
import re

from local.stack.template import load_template, resources_of_type

TEMPLATE = load_template()
RESOURCES = TEMPLATE["Resources"]
KMS_IF = {"Fn::If": ["HasKmsKey", {"Ref": "KmsKeyArn"}, {"Ref": "AWS::NoValue"}]}
LIFECYCLE_FUNCTIONS = (
    "CreateServiceFunction",
    "GetServiceFunction",
    "SuspendServiceFunction",
    "UnsuspendServiceFunction",
    "TerminateServiceFunction",
    "ChangePackageFunction",
    "ChangePasswordFunction",
    "RenewServiceFunction",
)


def _api() -> dict:
    return RESOURCES["LifecycleApi"]["Properties"]


def test_the_resource_policy_denies_every_address_but_whmcs_when_they_are_given():
    statements = _api()["Auth"]["ResourcePolicy"]["CustomStatements"]
    assert statements[0]["Effect"] == "Allow"
    condition, deny, otherwise = statements[1]["Fn::If"]
    assert condition == "HasWhmcsEgressIps" and otherwise == {"Ref": "AWS::NoValue"}
    assert deny["Effect"] == "Deny" and deny["Resource"] == "execute-api:/*"
    assert deny["Condition"]["NotIpAddress"]["aws:SourceIp"] == {
        "Fn::Split": [",", {"Ref": "WhmcsEgressIps"}]
    }
    assert TEMPLATE["Parameters"]["WhmcsEgressIps"]["Default"] == ""
    # /connection learns whether the edge is open, to warn.
    connection = RESOURCES["ConnectionTestFunction"]["Properties"]["Environment"]["Variables"]
    assert connection["API_ALLOWED_SOURCE_IPS"] == {"Ref": "WhmcsEgressIps"}


def test_waf_is_optional_with_a_per_ip_rate_rule_on_the_stage():
    acl = RESOURCES["ApiWebAcl"]
    assert (
        acl["Condition"] == "UseWaf" and TEMPLATE["Parameters"]["EnableWaf"]["Default"] == "false"
    )
    rate = next(r for r in acl["Properties"]["Rules"] if "RateBasedStatement" in r["Statement"])
    assert rate["Action"] == {"Block": {}}
    assert rate["Statement"]["RateBasedStatement"] == {
        "Limit": {"Ref": "WafRateLimit"},
        "AggregateKeyType": "IP",
    }
    association = RESOURCES["ApiWebAclAssociation"]
    assert association["Condition"] == "UseWaf"
    assert "${LifecycleApi}/stages/Prod" in association["Properties"]["ResourceArn"]["Fn::Sub"]
    redacted = RESOURCES["ApiWebAclLogging"]["Properties"]["RedactedFields"]
    assert {"SingleHeader": {"Name": "x-whmcs-signature"}} in redacted


def test_access_logs_are_json_without_headers_or_bodies():
    log_format = _api()["AccessLogSetting"]["Format"]
    fields = json.loads(log_format)
    assert {"requestId", "ip", "resourcePath", "status"} <= set(fields)
    variables = re.findall(r"\$context\.[A-Za-z.]+", log_format)
    assert variables and not [v for v in variables if re.search(r"header|body|query", v, re.I)]
    assert _api()["AccessLogSetting"]["DestinationArn"] == {
        "Fn::GetAtt": ["ApiAccessLogGroup", "Arn"]
    }


def test_lifecycle_routes_can_have_reserved_concurrency_and_none_by_default():
    assert TEMPLATE["Parameters"]["LifecycleReservedConcurrency"]["Default"] == 0
    for function_id in LIFECYCLE_FUNCTIONS:
        reserved = RESOURCES[function_id]["Properties"]["ReservedConcurrentExecutions"]
        assert reserved == {
            "Fn::If": [
                "ReserveLifecycleConcurrency",
                {"Ref": "LifecycleReservedConcurrency"},
                {"Ref": "AWS::NoValue"},
            ]
        }, function_id


def test_one_optional_customer_key_encrypts_tables_secrets_logs_and_environment():
    for table_id, table in resources_of_type(TEMPLATE, "AWS::DynamoDB::Table").items():
        condition, with_key, without = table["Properties"]["SSESpecification"]["Fn::If"]
        assert condition == "HasKmsKey" and without == {"SSEEnabled": True}, table_id
        assert with_key["KMSMasterKeyId"] == {"Ref": "KmsKeyArn"}, table_id
    for secret_id, secret in resources_of_type(TEMPLATE, "AWS::SecretsManager::Secret").items():
        assert secret["Properties"]["KmsKeyId"] == KMS_IF, secret_id
    for group_id, group in resources_of_type(TEMPLATE, "AWS::Logs::LogGroup").items():
        assert group["Properties"]["KmsKeyId"] == KMS_IF, group_id
    assert TEMPLATE["Globals"]["Function"]["KmsKeyArn"] == KMS_IF


def test_the_alarm_topic_is_encrypted_with_a_key_cloudwatch_may_use():
    topic = RESOURCES["AlarmTopic"]["Properties"]
    assert topic["KmsMasterKeyId"] == {
        "Fn::If": ["HasKmsKey", {"Ref": "KmsKeyArn"}, {"Ref": "AlarmTopicKey"}]
    }
    key = RESOURCES["AlarmTopicKey"]["Properties"]
    assert key["EnableKeyRotation"] is True
    principals = [s["Principal"] for s in key["KeyPolicy"]["Statement"]]
    assert {"Service": "cloudwatch.amazonaws.com"} in principals


def test_failed_asynchronous_invocations_are_kept_and_alarmed():
    queue = {"Fn::GetAtt": ["FailedInvocationsQueue", "Arn"]}
    assert TEMPLATE["Globals"]["Function"]["DeadLetterQueue"] == {"Type": "SQS", "TargetArn": queue}
    alarm = RESOURCES["FailedInvocationsAlarm"]["Properties"]
    assert alarm["Namespace"] == "AWS/SQS" and alarm["AlarmActions"] == [{"Ref": "AlarmTopic"}]


def test_every_checkov_skip_says_why():
    for resource_id, resource in RESOURCES.items():
        for skip in (resource.get("Metadata") or {}).get("checkov", {}).get("skip", []):
            assert re.fullmatch(r"CKV2?_AWS_\d+", skip["id"]), resource_id
            assert len(skip["comment"]) > 20, (resource_id, skip)
