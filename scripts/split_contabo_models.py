"""Splits one generated models module into a package that loads only the models a call needs.

datamodel-codegen writes one module; importing all of it costs a cold Lambda ~75 ms of CPU
(193 classes) when an operation such as ``stop`` needs a handful. Each model goes to exactly
one submodule: models needed by the same set of operations (adapters/contabo/operations.py,
through the schemas their bodies reference) share one, named after the model at its top. A
submodule imports the models it refers to from its siblings. An operation needing a model needs
the models it refers to, so a referred model's set of operations holds its referrer's, and a
submodule imports only from submodules with larger sets: never in a cycle. The package's
``__init__`` maps each name to its submodule and imports it on first access (PEP 562), so
``gm.X`` and ``from ... import X`` work as before. Deterministic: the same module in gives the
same files out.
Usage: ``python scripts/split_contabo_models.py raw|firewall|domains MODULE.py PACKAGE_DIR``
(run by scripts/regenerate_contabo_models.sh; PACKAGE_DIR's old .py files are replaced).
"""

from __future__ import annotations

import ast
import re
import sys
import textwrap
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

# Run as a script or imported by the tests: its spec reader sits beside it.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from trim_contabo_spec import load_spec, schemas_by_operation

LINE = 100
# Names the single module offered besides its models and code outside it uses (client.py).
REEXPORTED = {"ContaboModel": "contabo_reseller.adapters.contabo.model_base"}


@dataclass(frozen=True)
class Model:
    name: str
    source: str  # the class statement as generated
    refers_to: frozenset[str]  # other models its statement names
    uses: frozenset[str]  # names it takes from the module's imports


def main(which: str, module: Path, package: Path) -> None:
    files = split(module.read_text(), models_by_operation(which))
    package.mkdir(exist_ok=True)
    for old in package.glob("*.py"):
        if old.name not in files:
            old.unlink()
    for name, text in files.items():
        (package / name).write_text(text)


def split(source: str, schemas_by_op: dict[str, set[str]]) -> dict[str, str]:
    """File name -> text of the package for one generated module."""
    header, imports, models = _parse(source)
    needed_by = _operations_needing(models, schemas_by_op)
    groups: dict[frozenset[str], list[str]] = defaultdict(list)
    for name in models:
        groups[needed_by[name]].append(name)
    module_of: dict[str, str] = {}
    for names in groups.values():
        submodule = _submodule_name(names, models)
        assert submodule not in module_of.values(), f"two submodules named {submodule}"
        for name in names:
            module_of[name] = submodule
    _check_acyclic(models, module_of)
    files = {
        f"{module_of[names[0]]}.py": _submodule_text(
            header, imports, [models[name] for name in names], module_of, needed_by[names[0]]
        )
        for names in groups.values()
    }
    files["__init__.py"] = _init_text(header, module_of)
    return dict(sorted(files.items()))


def models_by_operation(which: str) -> dict[str, set[str]]:
    return schemas_by_operation(load_spec(which), which)


def _parse(source: str) -> tuple[list[str], dict[str, str], dict[str, Model]]:
    tree = ast.parse(source)
    lines = source.splitlines()
    header = [line for line in lines[: tree.body[0].lineno - 1] if line.startswith("#")]
    imports: dict[str, str] = {}  # imported name -> its module
    classes: list[ast.ClassDef] = []
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module != "__future__":
            assert node.module and node.level == 0, ast.unparse(node)
            imports.update({alias.asname or alias.name: node.module for alias in node.names})
        elif isinstance(node, ast.ClassDef):
            classes.append(node)
        elif not isinstance(node, ast.ImportFrom):
            raise SystemExit(f"line {node.lineno}: only imports and classes can be split")
    names = {node.name for node in classes}
    models = {}
    for node in classes:
        named = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
        models[node.name] = Model(
            node.name,
            "\n".join(lines[node.lineno - 1 : node.end_lineno]),
            frozenset(named & names - {node.name}),
            frozenset(named & set(imports)),
        )
    return header, imports, models


def _operations_needing(
    models: dict[str, Model], schemas_by_op: dict[str, set[str]]
) -> dict[str, frozenset[str]]:
    """Model -> the operations whose bodies need it (directly or through other models)."""
    needed_by: dict[str, set[str]] = {name: set() for name in models}
    for operation, schemas in schemas_by_op.items():
        pending = [name for name in schemas if name in models]
        while pending:
            name = pending.pop()
            if operation not in needed_by[name]:
                needed_by[name].add(operation)
                pending.extend(models[name].refers_to)
    unused = sorted(name for name, operations in needed_by.items() if not operations)
    assert not unused, f"models no operation needs (trim_contabo_spec.py keeps too much): {unused}"
    return {name: frozenset(operations) for name, operations in needed_by.items()}


def _submodule_name(names: list[str], models: dict[str, Model]) -> str:
    """Named after the group's first model no other model of the group refers to."""
    referred = {other for name in names for other in models[name].refers_to}
    top = next(name for name in names if name not in referred)
    return "_" + re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", top).lower()


def _check_acyclic(models: dict[str, Model], module_of: dict[str, str]) -> None:
    imports_from: dict[str, set[str]] = defaultdict(set)
    for model in models.values():
        own = module_of[model.name]
        imports_from[own] |= {module_of[other] for other in model.refers_to} - {own}
    done: set[str] = set()

    def visit(submodule: str, path: tuple[str, ...]) -> None:
        assert submodule not in path, f"submodules import each other: {path}"
        if submodule not in done:
            for other in sorted(imports_from[submodule]):
                visit(other, (*path, submodule))
            done.add(submodule)

    for submodule in sorted(set(module_of.values())):
        visit(submodule, ())


def _submodule_text(
    header: list[str],
    imports: dict[str, str],
    models: list[Model],
    module_of: dict[str, str],
    operations: frozenset[str],
) -> str:
    own = module_of[models[0].name]
    external: dict[str, list[str]] = defaultdict(list)
    for name in sorted({name for model in models for name in model.uses}):
        external[imports[name]].append(name)
    siblings: dict[str, list[str]] = defaultdict(list)
    for other in sorted({other for model in models for other in model.refers_to}):
        if module_of[other] != own:
            siblings[f".{module_of[other]}"].append(other)
    needed = textwrap.wrap(
        "Needed by " + ", ".join(sorted(operations, key=str.lower)) + ".",
        LINE - 2,
        break_on_hyphens=False,
    )
    stdlib = {module: names for module, names in external.items() if _is_stdlib(module)}
    sections = [
        {module: names for module, names in external.items() if module not in stdlib},
        siblings,
    ]
    parts = [
        "\n".join([*header, *(f"# {line}" for line in needed)]),
        "from __future__ import annotations",
        *(_imports(section) for section in (stdlib, *sections) if section),
    ]
    return "\n\n".join(parts) + "\n\n\n" + "\n\n\n".join(m.source for m in models) + "\n"


def _is_stdlib(module: str) -> bool:
    return module.partition(".")[0] in sys.stdlib_module_names


def _imports(section: dict[str, list[str]], width: int = LINE) -> str:
    return "\n".join(_import(module, names, width) for module, names in sorted(section.items()))


def _import(module: str, names: list[str], width: int) -> str:
    line = f"from {module} import {', '.join(names)}"
    if len(line) <= width:
        return line
    return f"from {module} import (\n" + "".join(f"    {name},\n" for name in names) + ")"


def _init_text(header: list[str], module_of: dict[str, str]) -> str:
    defined_in: dict[str, list[str]] = defaultdict(list)
    for name in sorted(module_of):
        defined_in[f".{module_of[name]}"].append(f"{name} as {name}")
    checking = textwrap.indent(_imports(defined_in, LINE - 4), "    ") + "\n"
    index = "".join(f'    "{name}": "{module}",\n' for name, module in module_of.items())
    reexports = "".join(
        f"from {module} import {name} as {name}\n" for name, module in REEXPORTED.items()
    )
    exported = ", ".join(f'"{name}"' for name in REEXPORTED)
    return f'''{chr(10).join(header)}
"""The generated models, one submodule per set of operations that needs them.

A model's submodule (and the siblings it imports) loads on its first access, so a cold call
loads only the models of the operations it makes. Split by scripts/split_contabo_models.py.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

{reexports}
if TYPE_CHECKING:
{checking}
# Each model and the submodule defining it, in the generator's order.
_SUBMODULES: dict[str, str] = {{
{index}}}

__all__ = [{exported}, *_SUBMODULES]

if not TYPE_CHECKING:  # mypy reads the imports above; an unknown name stays an error there

    def __getattr__(name: str) -> type:
        submodule = _SUBMODULES.get(name)
        if submodule is None:
            raise AttributeError(f"module {{__name__!r}} has no attribute {{name!r}}")
        model: type = getattr(import_module(f".{{submodule}}", __name__), name)
        globals()[name] = model
        return model


def __dir__() -> list[str]:
    return sorted({{*globals(), *_SUBMODULES}})
'''


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]))
