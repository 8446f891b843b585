"""The local stack over HTTP: routes from the template, API Gateway's answers, jobs, Invoke."""

import re

import boto3
import httpx

from local.signed_client import SignedClient
from local.stack.aws import DEMO_SIGNING_KEY_ID, DEMO_SIGNING_SECRET
from local.stack.template import load_template


def test_health_answers_with_and_without_the_stage(local_stack):
    for url in (f"{local_stack.api_url}/health", f"{local_stack.api_root}/health"):
        response = httpx.get(url, timeout=30)
        assert response.status_code == 200, response.text
        assert response.json()["status"] == "ok"
        assert response.headers["x-amzn-RequestId"]


def test_unknown_route_is_403_like_api_gateway(local_stack):
    response = httpx.get(f"{local_stack.api_url}/no/such/route")
    assert response.status_code == 403
    assert response.json() == {"message": "Missing Authentication Token"}
    assert httpx.delete(f"{local_stack.api_url}/health").status_code == 403


def test_every_api_event_in_the_template_is_served(local_stack):
    template = load_template()
    for resource in template["Resources"].values():
        if resource["Type"] != "AWS::Serverless::Function":
            continue
        for event in (resource["Properties"].get("Events") or {}).values():
            if event["Type"] != "Api":
                continue
            path = re.sub(r"\{[^}]+\}", "1", event["Properties"]["Path"])
            response = httpx.request(
                event["Properties"]["Method"].upper(), f"{local_stack.api_url}{path}", timeout=30
            )
            # Routed to the function: whatever it answers, it is not API Gateway's 403/502.
            assert response.json() != {"message": "Missing Authentication Token"}, path
            assert response.status_code != 502, (path, response.text)


def test_health_says_one_word_unsigned(local_stack):
    assert httpx.get(f"{local_stack.api_url}/health").json() == {"status": "ok"}


def test_running_the_heartbeat_now_shows_in_the_signed_connection_test(local_stack):
    api = SignedClient(local_stack.api_url, DEMO_SIGNING_KEY_ID, DEMO_SIGNING_SECRET)

    def last_beat() -> dict:
        return api.request("GET", "/connection").json()["schedules"]["schedule_heartbeat"]

    outcome = local_stack.run_job("ScheduleHeartbeatFunction")
    assert outcome["status"] == "ok", outcome
    first = last_beat()
    assert first["outcome"] == "ok"

    over_http = httpx.post(
        f"{local_stack.api_root}/__local/jobs/ScheduleHeartbeatFunction/run", timeout=30
    )
    assert over_http.status_code == 200 and over_http.json()["status"] == "ok"
    second = last_beat()
    assert second["at"] > first["at"]
    api.close()

    by_name = httpx.post(f"{local_stack.api_root}/__local/jobs/heartbeat/run", timeout=30)
    assert by_name.status_code == 200 and by_name.json()["function"] == "ScheduleHeartbeatFunction"


def test_unknown_job_is_404(local_stack):
    response = httpx.post(f"{local_stack.api_root}/__local/jobs/NoSuchFunction/run")
    assert response.status_code == 404


def test_functions_invoke_each_other_through_the_lambda_api(local_stack):
    client = boto3.client("lambda")  # AWS_ENDPOINT_URL_LAMBDA points at the local API
    name = local_stack.functions["ScheduleHeartbeatFunction"].function_name
    response = client.invoke(FunctionName=name, Payload=b"{}")
    assert response["StatusCode"] == 200
    assert b'"outcome": "ok"' in response["Payload"].read()
    assert client.invoke(FunctionName=name, InvocationType="Event")["StatusCode"] == 202


def test_functions_point_at_the_simulator(local_stack):
    function = local_stack.functions["HealthFunction"]
    assert function.environment["CONTABO_API_URL"] == local_stack.sim.base_url
    assert function.environment["CONTABO_AUTH_URL"].startswith(local_stack.sim.base_url + "/auth/")
