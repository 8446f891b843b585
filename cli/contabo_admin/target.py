"""Which stack the commands act on: a deployed one (names from CloudFormation) or the local one
(names and endpoints from the ``stack.json`` that ``make dev`` writes)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from local.stack.runner import STATE_FILE_NAME
from local.stack.template import LocalNames, load_template, resources_of_type

# Long enough for the slowest job (the provisioning worker may run 300 s); never retried, so a
# job is not started twice because an answer was slow.
_LAMBDA_CONFIG = Config(read_timeout=900, retries={"total_max_attempts": 1})


class CliError(Exception):
    """A problem the operator can fix; printed without a traceback."""


@dataclass
class Target:
    description: str
    api_url: str
    resources: dict[str, str]  # logical id -> physical id (name or ARN)
    session: boto3.session.Session
    endpoints: dict[str, str] = field(default_factory=dict)  # service -> URL (local only)

    def physical(self, logical_id: str) -> str:
        try:
            return self.resources[logical_id]
        except KeyError:
            raise CliError(f"{self.description} has no {logical_id}") from None

    def client(self, service: str) -> Any:
        config = _LAMBDA_CONFIG if service == "lambda" else None
        make: Any = self.session.client  # typed per service name; ours is a plain string
        return make(service, endpoint_url=self.endpoints.get(service), config=config)


def deployed(stack_name: str, region: str | None, profile: str | None) -> Target:
    """Physical names from the stack's resources, the API URL from its ApiUrl output."""
    session = boto3.session.Session(profile_name=profile, region_name=region)
    cloudformation = session.client("cloudformation")
    where = f"stack {stack_name} ({session.region_name or 'no region set'})"
    try:
        resources = {
            summary["LogicalResourceId"]: summary["PhysicalResourceId"]
            for page in cloudformation.get_paginator("list_stack_resources").paginate(
                StackName=stack_name
            )
            for summary in page["StackResourceSummaries"]
            if summary.get("PhysicalResourceId")
        }
        (stack,) = cloudformation.describe_stacks(StackName=stack_name)["Stacks"]
    except ClientError as error:
        raise CliError(f"{where}: {error.response['Error']['Message']}") from None
    except BotoCoreError as error:
        raise CliError(f"{where}: {error}") from None
    outputs = {o["OutputKey"]: o["OutputValue"] for o in stack.get("Outputs", [])}
    return Target(where, outputs.get("ApiUrl", ""), resources, session)


def local(state_dir: Path) -> Target:
    """The stack ``make dev`` runs: moto for tables and secrets, its API for Lambda's Invoke."""
    state_file = state_dir / STATE_FILE_NAME
    if not state_file.exists():
        raise CliError(f"no {state_file}: start the local stack first (make dev)")
    state = json.loads(state_file.read_text())
    names = LocalNames(stack_name=state["stack_name"], region=state["region"])
    functions = resources_of_type(load_template(), "AWS::Serverless::Function")
    resources = {
        **{logical_id: names.physical(logical_id) for logical_id in functions},
        **state["tables"],
        **state["secrets"],
    }
    session = boto3.session.Session(
        aws_access_key_id="local",
        aws_secret_access_key="local",  # noqa: S106 (moto accepts any credentials)
        region_name=state["region"],
    )
    endpoints = {
        "dynamodb": state["moto_endpoint"],
        "secretsmanager": state["moto_endpoint"],
        "lambda": state["api_root"],
    }
    return Target(
        f"the local stack ({state_file})", state["api_url"], resources, session, endpoints
    )
