"""Each function's IAM grants are exactly its row in template.yaml's Metadata.FunctionAccess.

The Policies are generated (make iam); these tests fail when a function has no row, when its
Policies were edited by hand or not regenerated, and when the table itself breaks a rule of
the security model (audit append-only, secrets only where used, health reads nothing secret).
"""

from __future__ import annotations

import pytest

from local.stack.template import load_template, resources_of_type
from scripts.generate_iam_policies import (
    AUDIT_DENIED,
    TEMPLATE_PATH,
    access_table,
    missing_row_message,
    missing_rows,
    policies_for,
    rewrite,
)

TEMPLATE = load_template()
FUNCTIONS = sorted(resources_of_type(TEMPLATE, "AWS::Serverless::Function"))
TABLE = access_table(TEMPLATE)
# Only the worker that writes finished provisioning into WHMCS holds the WHMCS API secret.
WHMCS_API_READERS = {"ProvisioningWorkerFunction"}


def _statements(function_id: str) -> list[dict]:
    policies = TEMPLATE["Resources"][function_id]["Properties"].get("Policies") or []
    return [
        statement
        for policy in policies
        if isinstance(policy, dict) and "Statement" in policy
        for statement in policy["Statement"]
        if "Fn::If" not in statement
    ]


def _allowed(function_id: str) -> list[tuple[str, str]]:
    """(action, resource logical id) pairs the function's Allow statements grant."""
    pairs = []
    for statement in _statements(function_id):
        if statement["Effect"] != "Allow":
            continue
        resources = statement["Resource"]
        for resource in resources if isinstance(resources, list) else [resources]:
            logical = (
                resource.get("Ref")
                or (resource.get("Fn::GetAtt") or [None])[0]
                or resource["Fn::Sub"].removeprefix("${").split(".")[0]
            )
            pairs += [(action, logical) for action in statement["Action"]]
    return pairs


def test_every_function_has_a_row():
    missing = missing_rows(TEMPLATE)
    assert not missing, missing_row_message(missing)


def test_every_row_names_a_function():
    assert sorted(set(TABLE) - set(FUNCTIONS)) == [], "rows for functions not in the template"


@pytest.mark.parametrize("function_id", FUNCTIONS)
def test_policies_are_exactly_the_generated_ones(function_id):
    if function_id not in TABLE:
        pytest.fail(missing_row_message([function_id]))
    policies = TEMPLATE["Resources"][function_id]["Properties"].get("Policies")
    assert policies == policies_for(function_id, TEMPLATE), (
        f"{function_id}'s Policies differ from its Metadata.FunctionAccess row: edit the row "
        "and run `make iam` (never the Policies block by hand)"
    )


def test_the_template_is_what_the_generator_writes():
    text = TEMPLATE_PATH.read_text()
    assert rewrite(text, TEMPLATE) == text, "run `make iam`"


def test_no_other_grants_reach_a_function():
    """No role outside the generated Policies, no shared managed policy, no wildcard."""
    for function_id in FUNCTIONS:
        properties = TEMPLATE["Resources"][function_id]["Properties"]
        assert "Role" not in properties, function_id
        for policy in properties.get("Policies") or []:
            assert isinstance(policy, dict), (function_id, policy)
            assert set(policy) <= {"Version", "Statement", "LambdaInvokePolicy"}, function_id
        for action, resource in _allowed(function_id):
            assert "*" not in action.split(":")[1] and resource, (function_id, action)
    assert not resources_of_type(TEMPLATE, "AWS::IAM::ManagedPolicy")
    assert not resources_of_type(TEMPLATE, "AWS::IAM::Policy")


@pytest.mark.parametrize("function_id", FUNCTIONS)
def test_the_audit_table_is_append_only(function_id):
    denies = [s for s in _statements(function_id) if s["Effect"] == "Deny"]
    assert any(
        set(AUDIT_DENIED) <= set(s["Action"]) and s["Resource"][0]["Fn::GetAtt"][0] == "AuditTable"
        for s in denies
    ), function_id
    granted = {action for action, resource in _allowed(function_id) if resource == "AuditTable"}
    assert granted <= {
        "dynamodb:PutItem",
        "dynamodb:GetItem",
        "dynamodb:Query",
        "dynamodb:BatchGetItem",
        "dynamodb:ConditionCheckItem",
        "dynamodb:DescribeTable",
    }, function_id


def test_only_the_whmcs_pushing_worker_reads_the_whmcs_api_secret():
    readers = {
        function_id
        for function_id in FUNCTIONS
        if ("secretsmanager:GetSecretValue", "WhmcsApiSecret") in _allowed(function_id)
    }
    assert readers == WHMCS_API_READERS


def test_health_reads_nothing_secret_and_writes_nothing():
    actions = {action for action, _ in _allowed("HealthFunction")}
    assert actions == {"dynamodb:DescribeTable", "secretsmanager:DescribeSecret"}


def test_read_routes_only_read_the_services_table():
    for function_id in ("GetServiceFunction", "ListServicesFunction", "ServiceUsageFunction"):
        on_services = {a for a, r in _allowed(function_id) if r == "ServicesTable"}
        assert not on_services & {"dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"}


def test_the_generator_names_what_to_add_for_a_new_function():
    template = {**TEMPLATE, "Resources": dict(TEMPLATE["Resources"])}
    template["Resources"]["NewThingFunction"] = {
        "Type": "AWS::Serverless::Function",
        "Properties": {"Handler": "app.lambda_handler"},
    }
    assert missing_rows(template) == ["NewThingFunction"]
    message = missing_row_message(["NewThingFunction"])
    assert "NewThingFunction:" in message and "make iam" in message
    assert "Metadata.FunctionAccess" in message
