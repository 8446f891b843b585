"""template.yaml's operations: every function logged, traced, queried and alarmed; the dashboard
and alarms name metrics the code emits, in the namespace it emits them to."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from contabo_reseller import metrics
from local.stack.template import REPO_ROOT, function_properties, load_template, resources_of_type

TEMPLATE = load_template()
RESOURCES: dict[str, dict[str, Any]] = TEMPLATE["Resources"]
FUNCTIONS = resources_of_type(TEMPLATE, "AWS::Serverless::Function")
GLOBAL_VARIABLES = TEMPLATE["Globals"]["Function"]["Environment"]["Variables"]
SERVICE_NAME = GLOBAL_VARIABLES["POWERTOOLS_SERVICE_NAME"]
# The metrics namespace as the stack resolves it, with ${AWS::StackName} left in.
NAMESPACE = GLOBAL_VARIABLES["POWERTOOLS_METRICS_NAMESPACE"]["Fn::Sub"]
METRIC_NAMES = {
    value
    for name, value in vars(metrics).items()
    if name.isupper()
    and not name.startswith("_")
    and isinstance(value, str)
    and name != "ACTION_DIMENSION"
}
ALARMS = resources_of_type(TEMPLATE, "AWS::CloudWatch::Alarm")
QUERIES = resources_of_type(TEMPLATE, "AWS::Logs::QueryDefinition")
PSEUDO = {"AWS::StackName", "AWS::Region", "AWS::AccountId", "AWS::Partition", "AWS::URLSuffix"}


def behind_the_api_only(function_id: str) -> bool:
    events = FUNCTIONS[function_id]["Properties"].get("Events") or {}
    return bool(events) and all(event["Type"] == "Api" for event in events.values())


def refs(value: Any) -> set[str]:
    """Every name a value points at: Ref, GetAtt, and ${...} in Sub strings."""
    found: set[str] = set()
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "Ref":
                found.add(inner)
            elif key == "Fn::GetAtt":
                found.add(inner[0] if isinstance(inner, list) else inner.split(".")[0])
            elif key == "Fn::Sub":
                text = inner if isinstance(inner, str) else inner[0]
                found |= {name.split(".")[0] for name in re.findall(r"\$\{([^}!]+)\}", text)}
            else:
                found |= refs(inner)
    elif isinstance(value, list):
        for inner in value:
            found |= refs(inner)
    return found


def dashboard_body() -> dict[str, Any]:
    text = RESOURCES["OperationsDashboard"]["Properties"]["DashboardBody"]["Fn::Sub"]
    return json.loads(re.sub(r"\$\{[^}]+\}", "x", text))


def dashboard_metrics() -> list[list[Any]]:
    return [
        row
        for widget in dashboard_body()["widgets"]
        for row in widget.get("properties", {}).get("metrics", [])
    ]


@pytest.mark.parametrize("function_id", sorted(FUNCTIONS))
def test_every_function_has_a_log_group_with_retention(function_id: str) -> None:
    log_group = RESOURCES.get(f"{function_id}LogGroup")
    assert log_group, f"add {function_id}LogGroup (like SuspendServiceFunctionLogGroup)"
    assert log_group["Type"] == "AWS::Logs::LogGroup"
    properties = log_group["Properties"]
    assert properties["LogGroupName"] == {"Fn::Sub": f"/aws/lambda/${{{function_id}}}"}
    assert properties["RetentionInDays"] == {"Ref": "LogRetentionDays"}


@pytest.mark.parametrize("function_id", sorted(FUNCTIONS))
def test_every_function_is_traced(function_id: str) -> None:
    """Active, or (run only by schedules) Active when TraceScheduledJobs is set: see
    tests/unit/shared/test_template_cost.py."""
    assert TEMPLATE["Globals"]["Function"]["Tracing"] == "Active"
    assert FUNCTIONS[function_id]["Properties"].get("Tracing", "Active") in (
        "Active",
        {"Fn::If": ["TracesScheduledJobs", "Active", "PassThrough"]},
    )


def test_every_api_is_traced() -> None:
    apis = resources_of_type(TEMPLATE, "AWS::Serverless::Api")
    assert apis
    assert all(api["Properties"].get("TracingEnabled") is True for api in apis.values())


@pytest.mark.parametrize("function_id", sorted(FUNCTIONS))
def test_every_handler_flushes_its_metrics(function_id: str) -> None:
    properties = function_properties(TEMPLATE, function_id)
    module = properties["Handler"].rpartition(".")[0].replace(".", "/")
    source = (REPO_ROOT / properties["CodeUri"] / f"{module}.py").read_text()
    # create_api()'s resolver flushes after every request; other handlers use the decorator.
    via_resolver = "create_api(" in source and ".resolve(" in source
    assert via_resolver or "@metrics.log_metrics" in source, function_id


def test_saved_queries_cover_every_function_log_group() -> None:
    log_groups = {f"{function_id}LogGroup" for function_id in FUNCTIONS}
    names = {query["Properties"]["Name"]["Fn::Sub"] for query in QUERIES.values()}
    assert names == {
        "${AWS::StackName}/by-service-id",
        "${AWS::StackName}/by-request-id",
        "${AWS::StackName}/errors-by-action",
    }
    for query_id, query in QUERIES.items():
        listed = [item["Ref"] for item in query["Properties"]["LogGroupNames"]]
        assert set(listed) == log_groups, f"{query_id}: add the missing log groups"
        assert len(listed) <= 50  # a Logs Insights query reads at most 50 log groups


def test_saved_queries_filter_on_the_fields_the_code_logs() -> None:
    by_service = RESOURCES["ByServiceIdQuery"]["Properties"]["QueryString"]
    by_request = RESOURCES["ByRequestIdQuery"]["Properties"]["QueryString"]
    errors = RESOURCES["ErrorsByActionQuery"]["Properties"]["QueryString"]
    from contabo_reseller.services.actions import ACTION_LOG_KEYS

    assert 'filter service_id = "SERVICE_ID"' in by_service
    assert "service_id" in ACTION_LOG_KEYS and "action" in ACTION_LOG_KEYS
    for field in ("correlation_id", "function_request_id", "trace_id", "request_id"):
        assert f'{field} = "REQUEST_ID"' in by_request
    assert "by function_name, action, error_code" in errors


def test_every_function_outside_the_api_is_in_the_function_errors_alarm() -> None:
    queries = ALARMS["FunctionErrorsAlarm"]["Properties"]["Metrics"]
    watched = {
        query["MetricStat"]["Metric"]["Dimensions"][0]["Value"]["Ref"]
        for query in queries
        if "MetricStat" in query
    }
    expected = {function_id for function_id in FUNCTIONS if not behind_the_api_only(function_id)}
    assert watched == expected, "FunctionErrorsAlarm: one Errors metric per function listed"
    assert len(watched) <= 10, "a metric math alarm takes 10 metrics: split the alarm"
    assert all(
        q["MetricStat"]["Metric"]["MetricName"] == "Errors" for q in queries if "MetricStat" in q
    )
    (total,) = [q for q in queries if q.get("ReturnData", True)]
    assert total["Expression"] == "SUM(METRICS())"


def test_the_api_alarm_watches_the_lifecycle_api() -> None:
    alarm = ALARMS["ApiServerErrorsAlarm"]["Properties"]
    api_name = RESOURCES["LifecycleApi"]["Properties"]["Name"]
    assert alarm["Namespace"] == "AWS/ApiGateway"
    assert alarm["MetricName"] == "5XXError"
    assert alarm["Dimensions"] == [{"Name": "ApiName", "Value": api_name}]


def test_alarms_on_our_metrics_use_the_emitted_names_namespace_and_dimension() -> None:
    ours = {
        alarm_id: alarm["Properties"]
        for alarm_id, alarm in ALARMS.items()
        if alarm["Properties"].get("Namespace", {}) == {"Fn::Sub": NAMESPACE}
    }
    assert {properties["MetricName"] for properties in ours.values()} == {
        metrics.PARKED_JOBS,
        metrics.ORPHANS_FOUND,
        metrics.TOKEN_REFRESH_FAILED,
    }
    for properties in ours.values():
        assert properties["Dimensions"] == [{"Name": "service", "Value": SERVICE_NAME}]


def test_every_alarm_notifies_the_topic_and_the_email_is_optional() -> None:
    assert {
        "FunctionErrorsAlarm",
        "ApiServerErrorsAlarm",
        "ThrottlesAlarm",
        "ParkedJobsAlarm",
        "OrphansFoundAlarm",
        "ContaboTokenFailuresAlarm",
    } <= set(ALARMS)
    for alarm in ALARMS.values():
        assert alarm["Properties"]["AlarmActions"] == [{"Ref": "AlarmTopic"}]
        assert alarm["Properties"]["OKActions"] == [{"Ref": "AlarmTopic"}]
    assert TEMPLATE["Parameters"]["AlarmEmail"]["Default"] == ""
    subscription = RESOURCES["AlarmEmailSubscription"]
    assert subscription["Condition"] == "HasAlarmEmail"
    assert subscription["Properties"]["Endpoint"] == {"Ref": "AlarmEmail"}
    assert TEMPLATE["Conditions"]["HasAlarmEmail"] == {
        "Fn::Not": [{"Fn::Equals": [{"Ref": "AlarmEmail"}, ""]}]
    }


def test_the_dashboard_shows_every_metric_the_code_emits() -> None:
    shown: set[str] = set()
    for row in dashboard_metrics():
        if isinstance(row[0], dict):  # a SEARCH expression
            shown |= set(re.findall(r'MetricName=\\?"(\w+)\\?"', row[0]["expression"]))
            continue
        namespace, name, *rest = row
        if namespace == "x":  # our namespace, ${...} substituted away by dashboard_body()
            assert name in METRIC_NAMES, name
            assert rest[:2] == ["service", SERVICE_NAME], name
        shown.add(name)
    assert not METRIC_NAMES - shown, "not on the dashboard"


def test_the_dashboard_searches_our_namespace_by_action() -> None:
    text = RESOURCES["OperationsDashboard"]["Properties"]["DashboardBody"]["Fn::Sub"]
    for name in (metrics.LIFECYCLE_CALL, metrics.LIFECYCLE_ERROR):
        search = f'{{\\"{NAMESPACE}\\",{metrics.ACTION_DIMENSION},service}} MetricName=\\"{name}\\"'
        assert search in text, name
    assert dashboard_body()["widgets"]


def test_the_operations_resources_point_only_at_what_exists() -> None:
    operations = {
        logical_id
        for logical_id, resource in RESOURCES.items()
        if resource["Type"].startswith(("AWS::CloudWatch::", "AWS::Logs::QueryDefinition"))
        or resource["Type"].startswith("AWS::SNS::")
    }
    known = set(RESOURCES) | set(TEMPLATE["Parameters"]) | PSEUDO
    for logical_id in operations:
        missing = refs(RESOURCES[logical_id]) - known
        assert not missing, (logical_id, missing)
