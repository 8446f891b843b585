"""Unit tests: no network (pytest runs them with --disable-socket); AWS is moto in-process."""

from __future__ import annotations

from collections.abc import Iterator

import boto3
import pytest
from moto import mock_aws

from local.stack.aws import create_tables, seed_secrets
from tests.conftest import TEST_NAMES


@pytest.fixture
def aws() -> Iterator[None]:
    """Fresh in-process moto with the template's tables and the demo secrets."""
    from aws_lambda_powertools.utilities import parameters

    parameters.clear_caches()
    with mock_aws():
        create_tables(boto3.client("dynamodb"), TEST_NAMES)
        seed_secrets(boto3.client("secretsmanager"), TEST_NAMES)
        yield
    parameters.clear_caches()
