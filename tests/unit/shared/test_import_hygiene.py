"""Functions that never call Contabo or WHMCS must not import httpx at cold start, and no
function imports PyYAML before it parses cloud-init user data (~12 ms of every cold start).
Functions that call Contabo load its client (the generated models, httpx) on the first call,
the domain's pydantic models are built on first use, not at import, and the generic lifecycle
functions load the object-storage lifecycle only when they act on an object-storage service,
and no function imports at init the modules of other products or of the workers' side that
its routes never use (docs/performance.md, "Cold call").

Each handler is imported in a fresh interpreter that looks like Lambda to Powertools
(LAMBDA_TASK_ROOT set, so the Tracer is on and patches libraries for X-Ray): an eager import
anywhere in the shared package, or X-Ray patching every library it knows, fails here.
"""

from __future__ import annotations

import functools
import importlib
import json
import os
import pkgutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

import contabo_reseller.domain
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
# They call Contabo, but not before a request needs it (the client costs a third of an import).
CONTABO_ON_FIRST_CALL_FUNCTIONS = ("DnsZonesFunction", "DomainsFunction", "AdminToolsFunction")
GENERATED_MODELS = "contabo_reseller.adapters.contabo.generated_models"
# They serve every kind of service; object storage's lifecycle (tenancy, pool, S3) is imported
# by services/object_storage/routing.py when such a service is acted on.
GENERIC_LIFECYCLE_FUNCTIONS = (
    "SuspendServiceFunction",
    "UnsuspendServiceFunction",
    "TerminateServiceFunction",
    "RenewServiceFunction",
    "ChangePackageFunction",
)
OBJECT_STORAGE_LIFECYCLE = "contabo_reseller.services.object_storage.management"
DNS_MODELS = "contabo_reseller.domain.dns"
DOMAIN_MODELS = "contabo_reseller.domain.domains"
SCHEDULED_JOBS = "contabo_reseller.services.jobs.scheduled_jobs"
PROVISIONING = "contabo_reseller.services.provisioning"
NETWORKING_MODELS = "contabo_reseller.domain.networking"
PRIVATE_NETWORK_MODELS = "contabo_reseller.domain.private_networks"
COMPUTE_MODELS = (
    "contabo_reseller.domain.compute",
    "contabo_reseller.domain.custom_images",
    "contabo_reseller.domain.snapshots",
    "contabo_reseller.domain.ssh_key_vault",
)
# (function, a module its init does not import) and why: each was imported at init until
# issue 19's fifth round, through a module that needed one constant or only type names.
NOT_AT_INIT = [
    # Guardrails (every service action) keep DNS hosting's defaults, not domain.dns.
    *(
        (f, module)
        for f in (
            "SuspendServiceFunction",
            "RescueServiceFunction",
            "FirewallFunction",
            "AdminGuardrailsFunction",
            "CreateServiceFunction",
        )
        for module in (DNS_MODELS, DOMAIN_MODELS)
    ),
    # Enqueueing an action, a snapshot policy or a sync's report needs no scheduled-job
    # runner (the workers' side).
    *(
        (f, SCHEDULED_JOBS)
        for f in (
            "SuspendServiceFunction",
            "TerminateServiceFunction",
            "CreateServiceFunction",
            "ServiceNetworkingFunction",
            "AdminJobsFunction",
            "SnapshotsFunction",
            "AdminImportFunction",
            "AdminReportsFunction",
        )
    ),
    # The compute port names the compute models for type checkers only.
    *(("ServicePowerStatusFunction", module) for module in COMPUTE_MODELS),
    # A service row's instance facts come from domain.instance, not the provisioning run.
    ("ServicePowerStatusFunction", PROVISIONING),
    ("AdminImportFunction", PROVISIONING),
    # ServiceView and the status sentences need neither the networking nor the private
    # network models.
    *(
        (f, module)
        for f in ("GetServiceFunction", "ListServicesFunction")
        for module in (NETWORKING_MODELS, PRIVATE_NETWORK_MODELS)
    ),
]

_IMPORT = """
import importlib, json, sys
module_name, _, attribute = sys.argv[1].rpartition(".")
getattr(importlib.import_module(module_name), attribute)
for name in sys.argv[2:]:
    importlib.import_module(name)
httpx = sys.modules.get("httpx")
from pydantic import BaseModel

def subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from subclasses(sub)

built = sorted({
    f"{model.__module__}.{model.__qualname__}"
    for model in subclasses(BaseModel)
    if model.__module__.startswith("contabo_reseller.domain")
    and type(model.__dict__.get("__pydantic_validator__")).__name__ != "MockValSer"
})
print(json.dumps({
    "yaml": "yaml" in sys.modules,
    "httpx": httpx is not None,
    "xray_client": httpx is not None and httpx.Client.__name__ == "_InstrumentedClient",
    "generated_models": "contabo_reseller.adapters.contabo.generated_models" in sys.modules,
    "object_storage_lifecycle": "contabo_reseller.services.object_storage.management"
    in sys.modules,
    "built_domain_models": built,
    "loaded": sorted(name for name in sys.modules if name.startswith("contabo_reseller.")),
}))
"""


def _import_in_lambda_like_process(function_id: str, *also: str) -> dict[str, Any]:
    properties = function_properties(load_template(), function_id)
    report: dict[str, Any] = _run_in_lambda_like_process(
        function_id, _IMPORT, properties["Handler"], *also
    )
    return report


def _run_in_lambda_like_process(function_id: str, code: str, *args: str) -> Any:
    """Runs ``code`` in a fresh interpreter set up as ``function_id``'s Lambda; its last
    printed line, as JSON."""
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
        [sys.executable, "-c", code, *args],
        cwd=code_dir,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


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


@pytest.mark.parametrize("function_id", CONTABO_ON_FIRST_CALL_FUNCTIONS)
def test_the_contabo_client_loads_on_the_first_call_not_at_cold_start(function_id):
    report = _import_in_lambda_like_process(function_id)
    assert report["generated_models"] is False and report["httpx"] is False


def test_the_contabo_client_still_loads_when_a_zone_is_read():
    """The deferred import is still there to be made (a renamed module would fail only here)."""
    report = _import_in_lambda_like_process(
        "DnsZonesFunction", "contabo_reseller.adapters.contabo.client"
    )
    assert report["generated_models"] is True


@pytest.mark.parametrize("function_id", GENERIC_LIFECYCLE_FUNCTIONS)
def test_the_object_storage_lifecycle_loads_only_for_object_storage(function_id):
    assert _import_in_lambda_like_process(function_id)["object_storage_lifecycle"] is False


def test_object_storage_routing_still_reaches_its_lifecycle():
    """The deferred import and every action it hands on must still exist (a renamed module or
    function would otherwise fail only when a reseller suspends an object-storage service)."""
    from contabo_reseller.services.object_storage import routing

    management = routing._management()
    assert management.__name__ == OBJECT_STORAGE_LIFECYCLE
    for action in ("suspend", "unsuspend", "terminate", "renew"):
        assert callable(getattr(management, action))


@pytest.mark.parametrize(("function_id", "module"), NOT_AT_INIT)
def test_a_function_does_not_import_what_its_init_never_uses(function_id, module):
    assert module not in _loaded_at_init(function_id)


@functools.cache
def _loaded_at_init(function_id: str) -> frozenset[str]:
    return frozenset(_import_in_lambda_like_process(function_id)["loaded"])


def test_the_moved_names_are_still_where_their_users_import_them():
    """domain.dns re-exports the guardrail defaults it shows; the suspended network's refusal
    is the status sentence (a rename would otherwise fail only on the route that uses it)."""
    from contabo_reseller.domain import dns, guardrails, private_networks, status_messages
    from contabo_reseller.services import provisioning

    assert dns.MAX_RECORDS_PER_ZONE == guardrails.MAX_RECORDS_PER_ZONE
    suspended = status_messages.SENTENCES["private_network_suspended"]
    assert suspended == private_networks.SUSPENDED_NETWORK
    assert callable(provisioning.instance_details)


@pytest.mark.parametrize(
    "function_id", ["GetServiceFunction", "SuspendServiceFunction", "CreateServiceFunction"]
)
def test_no_domain_model_is_built_at_cold_start(function_id):
    built = _import_in_lambda_like_process(function_id)["built_domain_models"]
    assert built == []


def test_every_domain_model_defers_its_build():
    """A plain ``BaseModel`` in the domain would be built at every import of its module."""
    package = contabo_reseller.domain
    for module in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
        importlib.import_module(module.name)
    eager = sorted(
        f"{model.__module__}.{model.__qualname__}"
        for model in _subclasses(BaseModel)
        if model.__module__.startswith(package.__name__)
        and not model.model_config.get("defer_build")
    )
    assert eager == []


# A container's first stop: the client answers it from a canned Contabo answer (no network).
_FIRST_STOP = """
import json, sys
from contabo_reseller.adapters.contabo.client import ContaboClient

class CannedAnswers:
    def call(self, operation, context, **request):
        assert operation.operation_id == "stop", operation
        data = {"tenantId": "DE", "customerId": "54321", "instanceId": 12345, "action": "stop"}
        return {"data": [data], "_links": {"self": "/v1/compute/instances/12345/actions/stop"}}

stopped = ContaboClient(CannedAnswers()).stop_instance(12345)
assert stopped.instance_id == 12345
print(json.dumps(sorted(name for name in sys.modules if ".generated_" in name)))
"""


def test_a_first_stop_loads_only_the_models_the_stop_operation_needs():
    """The generated models load per operation (~70 ms of CPU for all of them at once): a cold
    stop loads the submodules of the stop's models and nothing for other operations."""
    loaded = _run_in_lambda_like_process("ServicePowerStatusFunction", _FIRST_STOP)
    package = "contabo_reseller.adapters.contabo.generated_models"
    submodules = [name for name in loaded if name.startswith(f"{package}.")]
    assert submodules, loaded
    for name in submodules:
        assert "stop" in _operations_needing(name), name
    assert f"{package}._object_storage_response" not in loaded
    others = ("generated_domain_models.", "generated_firewall_models.")
    assert not [name for name in loaded if name.rpartition("contabo.")[2].startswith(others)]
    assert len(submodules) <= 3 < len(list(_package_dir(package).glob("_*.py")))


# Every module of the shared package but the generated models themselves.
_EVERY_MODULE_THEN_MODELS = """
import importlib, json, pkgutil, sys
import contabo_reseller
for module in pkgutil.walk_packages(contabo_reseller.__path__, "contabo_reseller."):
    if ".generated_" not in module.name:
        importlib.import_module(module.name)
print(json.dumps(sorted(name for name in sys.modules if ".generated_" in name)))
"""


def test_no_module_of_the_shared_package_loads_a_generated_model_when_imported():
    """The client, its adapters and the services load the models' indexes, never a model: a
    model named at import time would load with every first call of every function."""
    loaded = _run_in_lambda_like_process("SuspendServiceFunction", _EVERY_MODULE_THEN_MODELS)
    assert "contabo_reseller.adapters.contabo.generated_models" in loaded
    assert all(name.rpartition(".")[2].startswith("generated_") for name in loaded), loaded


def _package_dir(package: str) -> Path:
    return LAYER.joinpath(*package.split("."))


def _operations_needing(submodule: str) -> set[str]:
    """The operations a generated submodule's header says need its models."""
    package, _, name = submodule.rpartition(".")
    header = (_package_dir(package) / f"{name}.py").read_text().split("\n\n", 1)[0]
    needed = " ".join(line[2:] for line in header.splitlines()).partition("Needed by ")[2]
    return {operation.strip(" .") for operation in needed.split(",")}


def _subclasses(cls: type) -> set[type]:
    found = set(cls.__subclasses__())
    for sub in list(found):
        found |= _subclasses(sub)
    return found


# A container's first request, unsigned (401 before any AWS call): what it starts loading.
_FIRST_REQUEST = """
import importlib, json, sys
module_name, _, attribute = sys.argv[1].rpartition(".")
handler = getattr(importlib.import_module(module_name), attribute)
at_init = "httpx" in sys.modules

class Context:
    function_name = "f"
    function_version = "$LATEST"
    memory_limit_in_mb = 512
    invoked_function_arn = "arn:aws:lambda:eu-central-1:123456789012:function:f"
    aws_request_id = "r"
    def get_remaining_time_in_millis(self):
        return 10_000

event = json.loads(open(sys.argv[2]).read())  # the function's sample event: unsigned
status = handler(event, Context())["statusCode"]
from contabo_reseller.services import contabo_gateway
if contabo_gateway._loading is not None:
    contabo_gateway._loading.join(30)
transport = sys.modules.get("contabo_reseller.adapters.contabo.transport")
print(json.dumps({
    "at_init": at_init,
    "status": status,
    "gateway": "contabo_reseller.adapters.contabo.gateway" in sys.modules,
    "http_client": transport is not None and transport._http is not None,
}))
"""


@pytest.mark.parametrize(
    ("function_id", "loads"),
    [
        ("SuspendServiceFunction", True),
        ("ServicePowerStatusFunction", True),
        ("TerminateServiceFunction", True),
        ("GetServiceFunction", False),  # answers from the table: never pays for the client
        ("ListServicesFunction", False),
    ],
)
def test_a_function_that_calls_contabo_starts_loading_its_client_with_its_first_request(
    function_id, loads
):
    """The Contabo client's modules and HTTP client (tens of ms of CPU) load on a thread from
    the start of the first request, overlapping the signature, idempotency and lock round
    trips; not at init, and never in a function whose routes do not call Contabo."""
    properties = function_properties(load_template(), function_id)
    (event,) = sorted((REPO_ROOT / "events" / Path(properties["CodeUri"]).name).glob("*.json"))[:1]
    report = _run_in_lambda_like_process(
        function_id, _FIRST_REQUEST, properties["Handler"], str(event)
    )
    assert report["at_init"] is False
    assert report["status"] == 401  # unsigned: refused before any round trip
    assert report["gateway"] is loads
    assert report["http_client"] is loads
