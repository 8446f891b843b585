"""The admin CLI finds a deployed stack's resources and API URL through CloudFormation."""

from __future__ import annotations

import json

import boto3
import pytest
from moto import mock_aws

from cli.contabo_admin.commands import parse_moment
from cli.contabo_admin.target import CliError, deployed

STACK_TEMPLATE = {
    "Resources": {"AuditTable": {"Type": "AWS::SNS::Topic"}},
    "Outputs": {"ApiUrl": {"Value": "https://abc.execute-api.eu-central-1.amazonaws.com/Prod"}},
}


def test_a_deployed_stack_resolves_physical_names_and_the_api_url() -> None:
    with mock_aws():
        boto3.client("cloudformation", region_name="eu-central-1").create_stack(
            StackName="reseller", TemplateBody=json.dumps(STACK_TEMPLATE)
        )
        target = deployed("reseller", "eu-central-1", None)

    assert target.api_url == "https://abc.execute-api.eu-central-1.amazonaws.com/Prod"
    assert target.physical("AuditTable").startswith("arn:aws:sns:eu-central-1:")
    with pytest.raises(CliError, match="has no ServicesTable"):
        target.physical("ServicesTable")


def test_a_missing_stack_is_a_clear_error() -> None:
    with mock_aws(), pytest.raises(CliError, match="stack nope"):
        deployed("nope", "eu-central-1", None)


def test_moments_are_iso_in_utc_or_relative() -> None:
    now = parse_moment("2026-03-02T00:00:00+00:00")
    assert parse_moment("2026-03-01").isoformat() == "2026-03-01T00:00:00+00:00"
    assert parse_moment("24h", now=now).isoformat() == "2026-03-01T00:00:00+00:00"
    assert parse_moment("30m", now=now).isoformat() == "2026-03-01T23:30:00+00:00"
    with pytest.raises(CliError):
        parse_moment("yesterday")
