"""events/: a sample event for every function event in template.yaml.

One file per event, ``events/<function folder>/<EventName>.json``: an API Gateway REST proxy
event for each route (built by the local gateway's own ``build_event``, so it is what the
function receives behind ``make dev``) and an EventBridge Scheduler event for each schedule.
Bodies come from docs/openapi.json's request schemas with readable example values.

``make events`` writes the missing ones (``--force`` rewrites all); ``make invoke`` signs one
afresh and runs it on the running stack; a test fails when a function has no event.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

from local.stack.gateway import Route, build_event, match_route, routes_from_template
from local.stack.scheduler import SCHEDULE_EVENT_TYPES, ScheduledFunction, ScheduleExpression
from local.stack.template import (
    REPO_ROOT,
    LocalNames,
    function_events,
    function_properties,
    load_template,
    resolve,
)

EVENTS_DIR = REPO_ROOT / "events"
OPENAPI_PATH = REPO_ROOT / "docs" / "openapi.json"
SAMPLE_HOST = "127.0.0.1:3000"
_ED25519 = (
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl ada@laptop"
)
# Readable values for the fields and path parameters the API has (by name); the rest get one
# from their schema (enum, default, type).
EXAMPLE_VALUES: dict[str, Any] = {
    "serviceId": "1001",
    "service_id": "1001",
    "client_id": "7",
    "client_email": "ada@example.com",
    "product_id": "V92",
    "productId": "V92",
    "whmcsProductId": "12",
    "whmcs_product_id": "12",
    "region": "EU",
    "image_id": "ubuntu-22.04",
    "imageId": "ubuntu-22.04",
    "hostname": "web1.example.com",
    "instance_id": 202400001,
    "jobId": "job-1",
    "snapshotId": "snap-1",
    "name": "web",
    "ip": "203.0.113.10",
    "ptr": "web1.example.com",
    "password": "ExamplePassw0rd!2026",
    "root_password": "ExamplePassw0rd!2026",
    "ssh_key": _ED25519,
    "public_key": _ED25519,
}


@dataclass(frozen=True)
class SampleEvent:
    function_id: str
    folder: str  # functions/<folder>/
    event_name: str
    event_type: str  # Api, Schedule or ScheduleV2
    properties: dict[str, Any]

    @property
    def path(self) -> Path:
        return EVENTS_DIR / self.folder / f"{self.event_name}.json"

    @property
    def relative_path(self) -> str:
        return str(self.path.relative_to(REPO_ROOT))


def expected_events(template: dict[str, Any] | None = None) -> list[SampleEvent]:
    """Every Api and schedule event of every function in the template."""
    template = template or load_template()
    found = []
    for function_id, event_name, properties in function_events(
        template, {"Api", *SCHEDULE_EVENT_TYPES}
    ):
        folder = str(function_properties(template, function_id)["CodeUri"]).rstrip("/")
        event_type = template["Resources"][function_id]["Properties"]["Events"][event_name]["Type"]
        found.append(
            SampleEvent(function_id, folder.split("/")[-1], event_name, event_type, properties)
        )
    return found


def functions_without_events(template: dict[str, Any] | None = None) -> list[str]:
    """Functions with no event in the template at all (nothing to derive a sample from)."""
    template = template or load_template()
    with_events = {sample.function_id for sample in expected_events(template)}
    return sorted(
        function_id
        for function_id, resource in template["Resources"].items()
        if resource["Type"] == "AWS::Serverless::Function" and function_id not in with_events
    )


def missing_events(template: dict[str, Any] | None = None) -> list[SampleEvent]:
    return [sample for sample in expected_events(template) if not sample.path.exists()]


def write_events(force: bool = False) -> list[Path]:
    """Writes the missing sample events (all of them with ``force``); returns what it wrote."""
    template = load_template()
    openapi = json.loads(OPENAPI_PATH.read_text())
    written = []
    for sample in expected_events(template):
        if sample.path.exists() and not force:
            continue
        sample.path.parent.mkdir(parents=True, exist_ok=True)
        event = sample_event(sample, template, openapi)
        sample.path.write_text(json.dumps(event, indent=2, sort_keys=True) + "\n")
        written.append(sample.path)
    return written


def sample_event(
    sample: SampleEvent, template: dict[str, Any], openapi: dict[str, Any]
) -> dict[str, Any]:
    if sample.event_type in SCHEDULE_EVENT_TYPES:
        names, properties = LocalNames(), sample.properties
        name = resolve(
            properties.get("Name", f"{sample.function_id}{sample.event_name}"), template, names
        )
        schedule = ScheduledFunction(
            function_id=sample.function_id,
            name=str(name),
            event_type=sample.event_type,
            expression=ScheduleExpression(
                properties["ScheduleExpression"],
                properties.get("ScheduleExpressionTimezone", "UTC"),
            ),
            input=properties.get("Input"),
            region=names.region,
        )
        event: dict[str, Any] = schedule.event(datetime(2026, 1, 1, tzinfo=UTC))
        return event
    return api_event(sample, template, openapi)


def api_event(
    sample: SampleEvent, template: dict[str, Any], openapi: dict[str, Any]
) -> dict[str, Any]:
    method = str(sample.properties["Method"]).upper()
    resource = sample.properties["Path"]
    operation = (openapi["paths"].get(resource) or {}).get(method.lower()) or {}
    path = resource
    for name in _path_parameters(resource):
        path = path.replace("{" + name + "}", str(_path_value(name, operation, openapi)))
    body = _request_body(operation, openapi)
    headers = {"Host": SAMPLE_HOST, "User-Agent": "make-invoke"}
    data = None
    if body is not None:
        headers["Content-Type"] = "application/json"
        data = json.dumps(body)
    request = Request(
        EnvironBuilder(path=path, method=method, headers=headers, data=data).get_environ()
    )
    routes = [r for r in routes_from_template(template) if r.function_id == sample.function_id]
    found = match_route(routes, method, path)
    assert found is not None, f"{sample.function_id}: no route for {method} {path}"
    route, parameters, stripped = found
    event = build_event(request, _exact(route, resource), parameters, stripped)
    for volatile in ("requestId", "extendedRequestId"):
        event["requestContext"][volatile] = "sample-request-id"
    event["requestContext"]["requestTime"] = "01/Jan/2026:00:00:00 +0000"
    event["requestContext"]["requestTimeEpoch"] = 1767225600000
    return event


def _exact(route: Route, resource: str) -> Route:
    return (
        route
        if route.resource == resource
        else Route(route.function_id, route.method, resource, route.stage)
    )


def _path_value(name: str, operation: dict[str, Any], openapi: dict[str, Any]) -> Any:
    """A value the route accepts: the readable one for the name, else the first of the
    parameter's choices (``/power/{action}`` takes start, stop, ...), else a word."""
    if name in EXAMPLE_VALUES:
        return EXAMPLE_VALUES[name]
    for parameter in operation.get("parameters") or []:
        if parameter.get("in") == "path" and parameter.get("name") == name:
            schema = parameter.get("schema") or {}
            if schema.get("enum"):
                return _example(schema, openapi, name, depth=0)
    return "example"


def _path_parameters(resource: str) -> list[str]:
    return [part[1:-1].rstrip("+") for part in resource.split("/") if part.startswith("{")]


def _request_body(operation: dict[str, Any], openapi: dict[str, Any]) -> Any:
    content = (operation.get("requestBody") or {}).get("content") or {}
    schema = (content.get("application/json") or {}).get("schema")
    if schema is None:
        return None
    return _example(schema, openapi, "", depth=0)


def _example(schema: dict[str, Any], openapi: dict[str, Any], name: str, depth: int) -> Any:
    if "$ref" in schema:
        schema = openapi["components"]["schemas"][schema["$ref"].split("/")[-1]]
    if name in EXAMPLE_VALUES:
        return EXAMPLE_VALUES[name]
    for key in ("example", "default"):
        if key in schema:
            return schema[key]
    if schema.get("examples"):
        return schema["examples"][0]
    if schema.get("enum"):
        return schema["enum"][0]
    if "anyOf" in schema:
        options = [s for s in schema["anyOf"] if s.get("type") != "null"]
        return _example(options[0], openapi, name, depth) if options else None
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        required = schema.get("required", [])
        return {
            key: _example(inner, openapi, key, depth + 1)
            for key, inner in (schema.get("properties") or {}).items()
            if key in required and depth < 4
        }
    if kind == "array":
        return []
    if kind == "integer":
        return max(1, int(schema.get("minimum", 1)))
    if kind == "number":
        return 1.0
    if kind == "boolean":
        return False
    return "example"
