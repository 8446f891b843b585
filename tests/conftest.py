"""Test-wide setup: every test talks to tables and secrets named as the local stack names them.

The environment is derived from template.yaml (never a hand-written copy) before any
``contabo_reseller`` module reads its settings.
"""

from __future__ import annotations

import os

from local.stack.template import LocalNames, load_template, shared_environment

TEST_NAMES = LocalNames(stack_name="test")

os.environ.update(
    {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SECURITY_TOKEN": "testing",
        "AWS_SESSION_TOKEN": "testing",
        "AWS_DEFAULT_REGION": TEST_NAMES.region,
        "AWS_REGION": TEST_NAMES.region,
        "POWERTOOLS_TRACE_DISABLED": "true",
        "POWERTOOLS_METRICS_NAMESPACE": "ContaboResellerTest",
        "POWERTOOLS_DEV": "false",
    }
)
os.environ.update(shared_environment(load_template(), TEST_NAMES))
os.environ["POWERTOOLS_TRACE_DISABLED"] = "true"
