"""Functions that never call Contabo or WHMCS must not import httpx at cold start, and no
function imports PyYAML before it parses cloud-init user data (~12 ms of every cold start).

Each handler is imported in a fresh interpreter that looks like Lambda to Powertools
(LAMBDA_TASK_ROOT set, so the Tracer is on and patches libraries for X-Ray): an eager import
anywhere in the shared package, or X-Ray patching every library it knows, fails here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from local.stack.template import (
    REPO_ROOT,
    function_environment,
    function_properties,
    load_template,
)
from tests.conftest import TEST_NAMES

LAYER = REPO_ROOT / "layers" / "common"
NO_HTTPX_FUNCTIONS = (
    "HealthFunction",
    "GetServiceFunction",
    "ListServicesFunction",
    "AdminToolsFunction",  # shows the purchase body without calling Contabo
)

_IMPORT = """
import importlib, json, sys
module_name, _, attribute = sys.argv[1].rpartition(".")
getattr(importlib.import_module(module_name), attribute)
for name in sys.argv[2:]:
    importlib.import_module(name)
httpx = sys.modules.get("httpx")
print(json.dumps({
    "yaml": "yaml" in sys.modules,
    "httpx": httpx is not None,
    "xray_client": httpx is not None and httpx.Client.__name__ == "_InstrumentedClient",
}))
"""


def _import_in_lambda_like_process(function_id: str, *also: str) -> dict[str, bool]:
    template = load_template()
    properties = function_properties(template, function_id)
    code_dir = REPO_ROOT / properties["CodeUri"]
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": os.pathsep.join([str(code_dir), str(LAYER)]),
        "AWS_DEFAULT_REGION": TEST_NAMES.region,
        "AWS_REGION": TEST_NAMES.region,
        "LAMBDA_TASK_ROOT": str(code_dir),
        "AWS_LAMBDA_FUNCTION_NAME": function_id,
        **function_environment(template, function_id, TEST_NAMES),
    }
    result = subprocess.run(  # noqa: S603 - our interpreter, fixed code
        [sys.executable, "-c", _IMPORT, properties["Handler"], *also],
        cwd=code_dir,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report: dict[str, bool] = json.loads(result.stdout.strip().splitlines()[-1])
    return report


@pytest.mark.parametrize("function_id", NO_HTTPX_FUNCTIONS)
def test_handlers_that_never_call_contabo_do_not_import_httpx(function_id):
    report = _import_in_lambda_like_process(function_id)
    assert report["httpx"] is False and report["xray_client"] is False


def test_the_contabo_transport_still_gets_httpx_traced_by_xray():
    """Keeping httpx out of X-Ray's patch-all must not lose the Contabo calls' trace."""
    report = _import_in_lambda_like_process(
        "HealthFunction", "contabo_reseller.adapters.contabo.transport"
    )
    assert report["httpx"] is True and report["xray_client"] is True


@pytest.mark.parametrize(
    "function_id", ["CreateServiceFunction", "GetServiceFunction", "ReinstallServiceFunction"]
)
def test_pyyaml_is_imported_on_first_use_not_at_cold_start(function_id):
    assert _import_in_lambda_like_process(function_id)["yaml"] is False
