"""Reads template.yaml the way CloudFormation would, for the local stack and the tests.

The template is the single source of truth: tables are created from its own definitions and
function environments come from its Globals and function properties, with ``!Ref``/``!Sub``
resolved to local names. samtranslator's YAML loader understands the short-form tags.
"""

from __future__ import annotations

import copy
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from samtranslator.yaml_helper import yaml_parse

REPO_ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_PATH = REPO_ROOT / "template.yaml"

# Properties CloudFormation accepts that DynamoDB's CreateTable does not (or moto ignores).
_TABLE_ONLY_IN_CLOUDFORMATION = {
    "PointInTimeRecoverySpecification",
    "DeletionProtectionEnabled",
    "TimeToLiveSpecification",
    "SSESpecification",
    "Tags",
}


@dataclass(frozen=True)
class LocalNames:
    """How logical ids resolve locally: ``<stack>-<LogicalId>`` for tables and secrets."""

    stack_name: str = "local"
    region: str = "eu-central-1"
    parameters: dict[str, str] = field(default_factory=dict)

    def physical(self, logical_id: str) -> str:
        return f"{self.stack_name}-{logical_id}"


def load_template(path: Path = TEMPLATE_PATH) -> dict[str, Any]:
    """The parsed template, a copy of its own for each caller (they may change it). Parsing the
    3,000-line YAML takes about a second; the stack, its job runs and the tests' fixtures ask
    for it many times, so it is parsed again only when the file changes."""
    stat = path.stat()
    return copy.deepcopy(_parsed(path, stat.st_mtime_ns, stat.st_size))


@functools.lru_cache(maxsize=4)
def _parsed(path: Path, mtime_ns: int, size: int) -> dict[str, Any]:
    return yaml_parse(path.read_text())


def resources_of_type(template: dict[str, Any], resource_type: str) -> dict[str, dict[str, Any]]:
    return {
        logical_id: resource
        for logical_id, resource in template["Resources"].items()
        if resource["Type"] == resource_type
    }


def table_create_requests(template: dict[str, Any], names: LocalNames) -> list[dict[str, Any]]:
    """CreateTable arguments for every table in the template, named as the stack names them."""
    requests = []
    for logical_id, resource in resources_of_type(template, "AWS::DynamoDB::Table").items():
        properties = {
            key: value
            for key, value in resource["Properties"].items()
            if key not in _TABLE_ONLY_IN_CLOUDFORMATION
        }
        properties["TableName"] = names.physical(logical_id)
        requests.append(properties)
    return requests


def table_ttl_attributes(template: dict[str, Any], names: LocalNames) -> dict[str, str]:
    ttl = {}
    for logical_id, resource in resources_of_type(template, "AWS::DynamoDB::Table").items():
        spec = resource["Properties"].get("TimeToLiveSpecification")
        if spec and spec.get("Enabled"):
            ttl[names.physical(logical_id)] = spec["AttributeName"]
    return ttl


def parameter_values(template: dict[str, Any], names: LocalNames) -> dict[str, str]:
    values = {
        name: str(spec.get("Default", "")) for name, spec in template.get("Parameters", {}).items()
    }
    values.update(names.parameters)
    return values


def resolve(value: Any, template: dict[str, Any], names: LocalNames) -> Any:
    """Resolves Ref and Sub (the intrinsics our environment variables use) to local values."""
    if isinstance(value, dict) and len(value) == 1:
        ((intrinsic, argument),) = value.items()
        if intrinsic == "Ref":
            return _resolve_ref(argument, template, names)
        if intrinsic == "Fn::Sub":
            text = argument if isinstance(argument, str) else argument[0]
            return re.sub(
                r"\$\{([^}]+)\}", lambda m: str(_resolve_ref(m.group(1), template, names)), text
            )
        raise ValueError(f"the local stack does not resolve {intrinsic}")
    return value


def _resolve_ref(name: str, template: dict[str, Any], names: LocalNames) -> str:
    pseudo = {
        "AWS::StackName": names.stack_name,
        "AWS::Region": names.region,
        "AWS::AccountId": "123456789012",
    }
    if name in pseudo:
        return pseudo[name]
    parameters = parameter_values(template, names)
    if name in parameters:
        return parameters[name]
    if name in template["Resources"]:
        return names.physical(name)
    raise KeyError(f"unknown Ref {name}")


def function_environment(
    template: dict[str, Any], function_id: str, names: LocalNames
) -> dict[str, str]:
    """The environment a function gets: Globals first, then its own variables."""
    global_vars = (
        template.get("Globals", {}).get("Function", {}).get("Environment", {}).get("Variables", {})
    )
    own = template["Resources"][function_id]["Properties"].get("Environment", {})
    merged = {**global_vars, **own.get("Variables", {})}
    return {key: str(resolve(value, template, names)) for key, value in merged.items()}


def shared_environment(template: dict[str, Any], names: LocalNames) -> dict[str, str]:
    """Globals' environment only: what tests and tools use to talk to the same tables."""
    global_vars = template["Globals"]["Function"]["Environment"]["Variables"]
    return {key: str(resolve(value, template, names)) for key, value in global_vars.items()}


# Properties a function inherits from Globals.Function unless it sets its own.
_FUNCTION_GLOBALS = ("CodeUri", "Handler", "Runtime", "Timeout", "MemorySize", "Layers")


def function_properties(template: dict[str, Any], function_id: str) -> dict[str, Any]:
    """A function's properties with Globals applied (Environment: see function_environment)."""
    global_properties = template.get("Globals", {}).get("Function", {})
    properties = dict(template["Resources"][function_id]["Properties"])
    for name in _FUNCTION_GLOBALS:
        if name not in properties and name in global_properties:
            properties[name] = global_properties[name]
    return properties


def function_events(
    template: dict[str, Any], event_types: set[str]
) -> list[tuple[str, str, dict[str, Any]]]:
    """(function id, event name, event properties) for every function event of these types."""
    found = []
    for function_id, resource in resources_of_type(template, "AWS::Serverless::Function").items():
        for event_name, event in (resource["Properties"].get("Events") or {}).items():
            if event["Type"] in event_types:
                found.append((function_id, event_name, event.get("Properties", {})))
    return found


def api_stage_name(template: dict[str, Any], rest_api_id: Any) -> str:
    """The stage an Api event is served under: its Serverless::Api's StageName, else Prod."""
    if isinstance(rest_api_id, dict) and "Ref" in rest_api_id:
        api = template["Resources"].get(rest_api_id["Ref"], {})
        return str(api.get("Properties", {}).get("StageName", "Prod"))
    return "Prod"


def layer_content_dirs(template: dict[str, Any], function_id: str) -> list[Path]:
    """The source folders of the function's layers (what Lambda mounts under /opt/python)."""
    dirs = []
    for layer in function_properties(template, function_id).get("Layers", []):
        if isinstance(layer, dict) and "Ref" in layer:
            properties = template["Resources"][layer["Ref"]]["Properties"]
            dirs.append(REPO_ROOT / properties["ContentUri"])
    return dirs
