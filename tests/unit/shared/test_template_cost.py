"""Cost switches in template.yaml (docs/performance.md, "Monthly cost"): scheduled runs are not
traced unless asked, API calls always are; the dashboard can be left out."""

from __future__ import annotations

from local.stack.template import function_events, load_template, resources_of_type

TEMPLATE = load_template()
SCHEDULED_ONLY_TRACING = {"Fn::If": ["TracesScheduledJobs", "Active", "PassThrough"]}


def _event_types(function_id: str) -> set[str]:
    return {
        event["Type"]
        for event in TEMPLATE["Resources"][function_id]["Properties"].get("Events", {}).values()
    }


def test_functions_run_only_by_schedules_are_traced_only_when_asked():
    scheduled = [
        function_id
        for function_id in resources_of_type(TEMPLATE, "AWS::Serverless::Function")
        if _event_types(function_id) & {"Schedule", "ScheduleV2"}
        and "Api" not in _event_types(function_id)
    ]
    assert "ProvisioningWorkerFunction" in scheduled and "ActionQueueWorkerFunction" in scheduled
    for function_id in scheduled:
        tracing = TEMPLATE["Resources"][function_id]["Properties"].get("Tracing")
        assert tracing == SCHEDULED_ONLY_TRACING, (
            f"{function_id} runs on a schedule: give it "
            "`Tracing: !If [TracesScheduledJobs, Active, PassThrough]`"
        )
    assert TEMPLATE["Parameters"]["TraceScheduledJobs"]["Default"] == "false"


def test_api_functions_are_always_traced():
    assert TEMPLATE["Globals"]["Function"]["Tracing"] == "Active"
    for function_id, _, _ in function_events(TEMPLATE, {"Api"}):
        assert "Tracing" not in TEMPLATE["Resources"][function_id]["Properties"], function_id


def test_the_dashboard_and_its_output_follow_the_parameter():
    assert TEMPLATE["Parameters"]["CreateDashboard"]["Default"] == "true"
    assert TEMPLATE["Resources"]["OperationsDashboard"]["Condition"] == "WantsDashboard"
    assert TEMPLATE["Outputs"]["DashboardUrl"]["Condition"] == "WantsDashboard"
