"""`make build` output: hash-based .pyc everywhere, and every handler imports from the build alone.

Runs `make build` first when .aws-sam/build is missing or older than the sources. Each handler
is imported in a fresh ``python -I -S`` whose sys.path is only the built function folder
(Lambda's /var/task) and the built layer (/opt/python): no repo path, no venv site-packages,
so a module missing from the package fails here rather than in Lambda.

The layer is built for arm64, so its native extensions (pydantic-core, PyYAML, wrapt) cannot
load on an x86 test machine. Rather than rebuild the layer for the host (a second, different
artifact), we install the same pinned versions of only those native distributions for the host
into an overlay placed before the layer: everything else is imported from the real build.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from local.stack.template import (
    REPO_ROOT,
    LocalNames,
    function_environment,
    function_properties,
    load_template,
    resources_of_type,
)

pytestmark = pytest.mark.slow

BUILD_DIR = REPO_ROOT / ".aws-sam" / "build"
SOURCES = [REPO_ROOT / "template.yaml", REPO_ROOT / "functions", REPO_ROOT / "layers"]
HASH_BASED, CHECK_SOURCE = 0b01, 0b10
PYC_FLAGS_UNCHECKED_HASH = HASH_BASED

_IMPORT_CHECK = """
import importlib, json, sys, sysconfig
sys.path[:0] = json.loads(sys.argv[1])
module_name, _, attribute = sys.argv[2].rpartition(".")
handler = getattr(importlib.import_module(module_name), attribute)
assert callable(handler), sys.argv[2]
stdlib = sysconfig.get_paths()
allowed = [*json.loads(sys.argv[1]), stdlib["stdlib"], stdlib["platstdlib"]]
foreign = sorted(
    m.__file__ for m in list(sys.modules.values())
    if getattr(m, "__file__", None) and not any(m.__file__.startswith(p) for p in allowed)
)
print(json.dumps({"foreign": foreign, "modules": len(sys.modules)}))
"""


def _newest_source_mtime() -> float:
    newest = 0.0
    for source in SOURCES:
        files = [source] if source.is_file() else source.rglob("*")
        for path in files:
            if path.is_file() and "__pycache__" not in path.parts:
                newest = max(newest, path.stat().st_mtime)
    return newest


@pytest.fixture(scope="module")
def build_dir() -> Path:
    built_template = BUILD_DIR / "template.yaml"
    if built_template.exists() and built_template.stat().st_mtime >= _newest_source_mtime():
        return BUILD_DIR
    make = shutil.which("make")
    if make is None:
        pytest.skip("sam build impossible here: `make` is not installed")
    if not (Path(sys.executable).parent / "sam").exists():
        pytest.skip("sam build impossible here: aws-sam-cli is not installed in the venv")
    result = subprocess.run(  # noqa: S603 - make from PATH, fixed arguments
        [make, "build"], cwd=REPO_ROOT, capture_output=True, text=True, timeout=900
    )
    if "python3.12 not found" in result.stdout + result.stderr:
        pytest.skip("sam build impossible here: no python3.12 on PATH (pyenv install 3.12)")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    return BUILD_DIR


def test_every_module_is_compiled_to_an_unchecked_hash_pyc(build_dir: Path):
    sources = list(build_dir.rglob("*.py"))
    assert sources, "empty build"
    tag = sys.implementation.cache_tag
    missing = [
        str(source)
        for source in sources
        if not (source.parent / "__pycache__" / f"{source.stem}.{tag}.pyc").exists()
    ]
    assert not missing, missing[:10]
    import importlib.util

    wrong = []
    for pyc in build_dir.rglob(f"*.{tag}.pyc"):
        header = pyc.read_bytes()[:8]
        flags = int.from_bytes(header[4:8], "little")
        if header[:4] != importlib.util.MAGIC_NUMBER or flags != PYC_FLAGS_UNCHECKED_HASH:
            wrong.append((str(pyc), flags))
    assert not wrong, wrong[:10]


@pytest.fixture(scope="module")
def host_native_overlay(build_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The layer's native distributions, same versions, built for this machine (see above)."""
    overlay = tmp_path_factory.mktemp("host-native")
    if platform.machine() in ("aarch64", "arm64"):
        return overlay  # the build's own extensions load here
    native = []
    for layer in _layer_dirs(build_dir):
        for record in layer.glob("*.dist-info/RECORD"):
            if ".so," in record.read_text():
                name, version = record.parent.name.removesuffix(".dist-info").rsplit("-", 1)
                native.append(f"{name}=={version}")
    if native:
        result = subprocess.run(  # noqa: S603 - our interpreter, pinned names from the build
            [
                sys.executable,
                "-m",
                "pip",
                "install",
                "--quiet",
                "--no-deps",
                "--only-binary=:all:",
                "--target",
                str(overlay),
                *native,
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
    return overlay


def _layer_dirs(build_dir: Path) -> list[Path]:
    template = load_template(build_dir / "template.yaml")
    layers = resources_of_type(template, "AWS::Serverless::LayerVersion")
    return [build_dir / layer["Properties"]["ContentUri"] / "python" for layer in layers.values()]


def _python_on(
    paths: list[str], script: str, *args: str, **options: Any
) -> subprocess.CompletedProcess[str]:
    """``script`` in a fresh ``python -I -S`` whose sys.path it sets to ``paths`` (argv[1])."""
    return subprocess.run(  # noqa: S603 - our interpreter, our script, the build's own paths
        [sys.executable, "-I", "-S", "-c", script, json.dumps(paths), *args],
        capture_output=True,
        text=True,
        timeout=120,
        **options,
    )


def test_every_handler_imports_from_the_build_alone(
    build_dir: Path, host_native_overlay: Path, tmp_path: Path
):
    template = load_template(build_dir / "template.yaml")
    functions = resources_of_type(template, "AWS::Serverless::Function")
    assert functions
    source_functions = resources_of_type(load_template(), "AWS::Serverless::Function")
    assert set(functions) == set(source_functions), "the build is not of the current template"
    names = LocalNames(stack_name="build-check")
    for function_id in functions:
        properties = function_properties(template, function_id)
        layer_dirs = []
        for layer in properties.get("Layers", []):
            content = template["Resources"][layer["Ref"]]["Properties"]["ContentUri"]
            layer_dirs.append(str(build_dir / content / "python"))
        path = [str(build_dir / properties["CodeUri"]), str(host_native_overlay), *layer_dirs]
        env = {
            "PATH": os.environ.get("PATH", ""),
            "AWS_DEFAULT_REGION": names.region,
            "AWS_REGION": names.region,
            **function_environment(template, function_id, names),
        }
        result = _python_on(path, _IMPORT_CHECK, properties["Handler"], cwd=tmp_path, env=env)
        assert result.returncode == 0, f"{function_id}: {result.stderr[-3000:]}"
        report = json.loads(result.stdout.strip().splitlines()[-1])
        assert report["foreign"] == [], f"{function_id} imported from outside the build"


_CLIENTS_CHECK = """
import json, sys
sys.path[:0] = json.loads(sys.argv[1])
import botocore, botocore.session
session = botocore.session.get_session()
for service in json.loads(sys.argv[2]):
    session.create_client(
        service, region_name="eu-central-1", aws_access_key_id="a", aws_secret_access_key="b"
    )
print(json.dumps({"botocore": botocore.__file__, "services": session.get_available_services()}))
"""


def test_the_built_layer_carries_botocore_models_for_exactly_the_services_used(build_dir: Path):
    """make build slims the layer's botocore (scripts/slim_layer.py); every kept service's
    client is still made from the build alone."""
    from contabo_reseller.adapters.aws_services import LAYER_AWS_SERVICES

    layer = [str(path) for path in _layer_dirs(build_dir)]
    result = _python_on(layer, _CLIENTS_CHECK, json.dumps(sorted(LAYER_AWS_SERVICES)))
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout)
    assert report["botocore"].startswith(tuple(layer)), report["botocore"]
    assert set(report["services"]) == LAYER_AWS_SERVICES


_TRUST_CHECK = """
import json, os, ssl, sys
sys.path[:0] = json.loads(sys.argv[1])
for name in ("SSL_CERT_FILE", "SSL_CERT_DIR", "AWS_CA_BUNDLE", "REQUESTS_CA_BUNDLE"):
    os.environ.pop(name, None)  # as in Lambda
from contabo_reseller.adapters import sdk_session, trust_store
context = trust_store.tls_verification()
client = sdk_session.botocore_session().create_client(
    "dynamodb", region_name="eu-central-1", aws_access_key_id="a", aws_secret_access_key="b")
http = client._endpoint.http_session
url = "https://dynamodb.eu-central-1.amazonaws.com/"
pool = http._manager.connection_from_url(url)
http._setup_ssl_cert(pool, url, http._verify)  # what botocore does before each send
print(json.dumps({"directory": str(trust_store.hashed_directory()),
                  "lazy": isinstance(context, ssl.SSLContext),
                  "aws": [pool.ca_certs, pool.ca_cert_dir]}))
"""


def test_the_built_layer_reads_its_tls_roots_lazily(build_dir: Path, host_native_overlay: Path):
    """make build hashes certifi's roots into a directory the Contabo client's TLS context
    and the AWS SDK's connections read on demand (contabo_reseller/adapters/trust_store.py),
    from the build alone."""
    paths = [str(host_native_overlay), *(str(path) for path in _layer_dirs(build_dir))]
    result = _python_on(paths, _TRUST_CHECK)
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout)
    assert report["lazy"], report
    assert report["directory"].startswith(str(build_dir)), report
    assert report["aws"] == [None, report["directory"]], report
