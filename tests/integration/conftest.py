"""Integration tests: the whole local stack in this process, on free ports.

The stack uses the test names (tests/conftest.py) so the tables match what the shared package,
once imported here, expects. One stack per module: two stacks cannot run at once in one
process (they share its environment).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import boto3
import pytest
from aws_lambda_powertools.utilities import parameters

from local.signed_client import SignedClient
from local.stack import RunningStack, start_local_stack
from tests.conftest import TEST_NAMES


@pytest.fixture(scope="module")
def local_stack() -> Iterator[RunningStack]:
    """The stack with schedules off (tests run jobs with ``run_job``); fast provisioning."""
    with start_local_stack(
        api_port=0,
        moto_port=0,
        sim_port=0,
        schedules=False,
        provision_seconds=1,
        names=TEST_NAMES,
    ) as stack:
        yield stack


STAGING_KEY_ID = "staging-key"
STAGING_SECRET = "staging-signing-secret-0123456789abcdef"
STAGING_ADMIN_KEY_ID = "staging-admin-key"
STAGING_ADMIN_SECRET = "staging-admin-secret-0123456789abcdef"


@pytest.fixture
def staging(stack) -> Iterator[SignedClient]:
    """A second WHMCS installation's key, added the way `keys rotate --installation` does."""
    secret_id = TEST_NAMES.physical("WhmcsSigningKeysSecret")
    client = boto3.client("secretsmanager")
    original = client.get_secret_value(SecretId=secret_id)["SecretString"]
    keys = {
        **json.loads(original),
        STAGING_KEY_ID: {"secret": STAGING_SECRET, "installation": "staging"},
        STAGING_ADMIN_KEY_ID: {
            "secret": STAGING_ADMIN_SECRET,
            "installation": "staging",
            "admin": True,
        },
    }
    client.put_secret_value(SecretId=secret_id, SecretString=json.dumps(keys))
    parameters.clear_caches()
    signed = SignedClient(stack.api_url, STAGING_KEY_ID, STAGING_SECRET)
    try:
        yield signed
    finally:
        signed.close()
        client.put_secret_value(SecretId=secret_id, SecretString=original)
        parameters.clear_caches()
