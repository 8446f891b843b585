"""events/ holds a sample event for every function event in template.yaml."""

from __future__ import annotations

import json

from local.events import EVENTS_DIR, expected_events, functions_without_events, missing_events


def test_every_function_event_in_the_template_has_a_sample() -> None:
    missing = missing_events()
    assert not missing, (
        "These function events have no sample event. Run `make events` (it writes them from "
        "template.yaml and docs/openapi.json; run `make openapi` first for a new route), check "
        "the bodies, and commit:\n"
        + "\n".join(f"  {s.relative_path}  ({s.function_id} {s.event_name})" for s in missing)
    )


def test_every_function_has_an_event_to_derive_a_sample_from() -> None:
    lonely = [f for f in functions_without_events() if not any((EVENTS_DIR).glob(f"*/{f}.json"))]
    assert not lonely, (
        "These functions have no Api or schedule event in template.yaml, so `make events` cannot "
        "write a sample: add events/<function folder>/<FunctionId>.json by hand with the event "
        f"the function is invoked with: {', '.join(lonely)}"
    )


def test_no_sample_is_left_over_from_a_removed_event() -> None:
    expected = {sample.path for sample in expected_events()}
    stale = [p for p in EVENTS_DIR.glob("*/*.json") if p not in expected]
    assert not stale, f"no function event in template.yaml for: {[str(p) for p in stale]}"


def test_samples_are_api_gateway_rest_proxy_or_scheduler_events() -> None:
    for sample in expected_events():
        event = json.loads(sample.path.read_text())
        if sample.event_type == "Api":
            assert event["resource"] == sample.properties["Path"], sample.relative_path
            assert event["httpMethod"] == sample.properties["Method"].upper()
            assert event["requestContext"]["stage"] == "Prod"
        elif "Input" in sample.properties:  # the schedule sends its Input instead
            assert event == json.loads(sample.properties["Input"]), sample.relative_path
        else:
            assert event["detail-type"] == "Scheduled Event", sample.relative_path
            assert event["source"] in {"aws.scheduler", "aws.events"}


def test_a_path_parameter_with_fixed_choices_takes_one_of_them() -> None:
    """`make invoke FN=power_action` must do something: /power/{action} takes start, stop,
    shutdown or restart, and a sample with any other word is refused by validation."""
    openapi = json.loads((EVENTS_DIR.parent / "docs" / "openapi.json").read_text())
    checked = 0
    for sample in expected_events():
        if sample.event_type != "Api":
            continue
        event = json.loads(sample.path.read_text())
        operation = openapi["paths"][event["resource"]][event["httpMethod"].lower()]
        for parameter in operation.get("parameters") or []:
            choices = (parameter.get("schema") or {}).get("enum")
            if parameter.get("in") == "path" and choices:
                checked += 1
                value = event["pathParameters"][parameter["name"]]
                assert value in choices, f"{sample.relative_path}: {parameter['name']}={value}"
    assert checked, "no path parameter with choices was found: the check proves nothing"
