"""The generated Contabo models are packages that load per operation (docs/performance.md,
"Cold call"): every model is defined once, reachable by its old name, and the committed files
are exactly what scripts/regenerate_contabo_models.sh writes."""

from __future__ import annotations

import ast
import importlib
import itertools
import shutil
import subprocess

import pytest

from local.stack.template import REPO_ROOT
from scripts.split_contabo_models import models_by_operation, split

ADAPTER = REPO_ROOT / "layers/common/contabo_reseller/adapters/contabo"
PACKAGES = {  # package -> the spec it is generated from (scripts/regenerate_contabo_models.sh)
    "generated_models": "raw",
    "generated_firewall_models": "firewall",
    "generated_domain_models": "domains",
}


def _package(name: str):
    return importlib.import_module(f"contabo_reseller.adapters.contabo.{name}")


def _committed(name: str) -> dict[str, str]:
    return {path.name: path.read_text() for path in sorted((ADAPTER / name).glob("*.py"))}


def _classes(name: str) -> list[tuple[str, str]]:
    """(model, submodule) for every class statement in the package's files."""
    return [
        (node.name, file_name.removesuffix(".py"))
        for file_name, text in _committed(name).items()
        for node in ast.parse(text).body
        if isinstance(node, ast.ClassDef)
    ]


@pytest.mark.parametrize("name", PACKAGES)
def test_every_model_is_defined_once_in_the_submodule_the_index_names(name):
    classes = _classes(name)
    assert len(classes) == len(dict(classes)), "a model defined twice"
    assert dict(classes) == _package(name)._SUBMODULES


@pytest.mark.parametrize("name", PACKAGES)
def test_every_indexed_name_resolves_to_its_one_class(name):
    package = _package(name)
    for model, submodule in package._SUBMODULES.items():
        found = getattr(package, model)
        assert found.__name__ == model
        assert found.__module__ == f"{package.__name__}.{submodule}"
        exec_scope: dict[str, object] = {}
        exec(f"from {package.__name__} import {model} as imported", exec_scope)  # noqa: S102
        assert exec_scope["imported"] is found
    assert set(package._SUBMODULES) <= set(dir(package))
    assert package.ContaboModel.__name__ == "ContaboModel"
    with pytest.raises(AttributeError):
        package.NoSuchModel  # noqa: B018


def test_a_model_built_across_submodules_validates_with_the_shared_classes():
    """Forward references resolve in each submodule (defer_build), to the one shared class."""
    gm = _package("generated_models")
    assert gm.InstanceStopActionResponse.__module__ != gm.SelfLinks.__module__
    answer = gm.InstanceStopActionResponse.model_validate(
        {
            "data": [{"tenantId": "DE", "customerId": "1", "instanceId": 7, "action": "stop"}],
            "_links": {"self": "/v1/compute/instances/7/actions/stop"},
        }
    )
    assert type(answer.field_links) is gm.SelfLinks


@pytest.mark.parametrize(("name", "which"), PACKAGES.items())
def test_splitting_the_package_again_gives_the_committed_files(name, which):
    """The splitter is a fixed point of its own output: the single module put back together
    from the package (classes in the generator's order) splits into exactly these files."""
    committed = _committed(name)
    assert (
        split(_joined(committed, _package(name)._SUBMODULES), models_by_operation(which))
        == committed
    )


@pytest.mark.slow
def test_regenerating_reproduces_the_committed_packages(tmp_path):
    """The whole pipeline (trim, datamodel-codegen, split), no network."""
    if shutil.which("datamodel-codegen", path=str(REPO_ROOT / ".venv/bin")) is None:
        pytest.skip("datamodel-codegen is not installed (make venv)")
    subprocess.run(  # noqa: S603 - our script, fixed arguments
        [str(REPO_ROOT / "scripts/regenerate_contabo_models.sh"), str(tmp_path)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    for name in PACKAGES:
        regenerated = {
            path.name: path.read_text() for path in sorted((tmp_path / name).glob("*.py"))
        }
        assert regenerated == _committed(name), name


def _joined(files: dict[str, str], order: dict[str, str]) -> str:
    """The single module the generator wrote, put back together from the package: its header,
    the imports the submodules take from outside, the classes in the generator's order."""
    init = files["__init__.py"]
    header = list(itertools.takewhile(lambda line: line.startswith("#"), init.splitlines()))
    imports: dict[str, set[str]] = {}
    sources: dict[str, str] = {}
    for file_name, text in files.items():
        lines = text.splitlines()
        for node in ast.parse(text).body:
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imports.setdefault(node.module, set()).update(a.name for a in node.names)
            elif isinstance(node, ast.ClassDef) and file_name != "__init__.py":
                sources[node.name] = "\n".join(lines[node.lineno - 1 : node.end_lineno])
    statements = [
        f"from {module} import {', '.join(sorted(names))}"
        for module, names in sorted(imports.items())
    ]
    return (
        "\n".join([*header, "", *statements, "", ""])
        + "\n\n\n".join(sources[n] for n in order)
        + "\n"
    )
