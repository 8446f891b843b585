"""Writes a trimmed copy of Contabo's spec holding only the schemas the client uses.

The full spec generates ~8,000 lines of models that take ~0.5 s to import; a Lambda cold start
should not pay for DNS zones, domains and troubleshooting. The operations come from
``adapters/contabo/operations.py``; every schema their request and response bodies reference
(transitively) is kept, with one erratum (see ``_allow_empty_cancel_date``).
Domains, handles and DNS zones ("domains") get their own module, loaded only by the functions
that use them; their one operation only the normalized yaml has (``listPendingActions``) is
taken from there.
Usage: ``python scripts/trim_contabo_spec.py raw|firewall|domains OUTPUT``.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SPECS = {
    "raw": ROOT / "docs/contabo/openapi.json",
    "firewall": ROOT / "docs/contabo/openapi-2026-08.generator-normalized.yaml",
    "domains": ROOT / "docs/contabo/openapi.json",
}
NORMALIZED = SPECS["firewall"]
OPERATIONS_FILE = ROOT / "layers/common/contabo_reseller/adapters/contabo/operations.py"
HTTP_METHODS = ("get", "put", "post", "patch", "delete")
NEWER_SCHEMAS = ("HandleCreateRequest", "HandlePatchRequest")


def main(which: str, output: Path) -> None:
    spec = load_spec(which)
    schemas = spec["components"]["schemas"]
    kept = set().union(*schemas_by_operation(spec, which).values())
    for name in kept:
        _allow_empty_cancel_date(schemas[name])
    for name in kept:
        _allow_empty_dates(schemas[name])
    trimmed = {
        "openapi": spec["openapi"],
        "info": spec["info"],
        "paths": {},
        "components": {"schemas": {name: schemas[name] for name in sorted(kept)}},
    }
    output.write_text(json.dumps(trimmed, indent=1))


def load_spec(which: str) -> dict[str, Any]:
    """The spec ``which`` (raw|firewall|domains) is generated from, before trimming."""
    spec = _load(SPECS[which])
    if which == "domains":
        _add_normalized_only(spec, _load(NORMALIZED))
    return spec


def schemas_by_operation(spec: dict[str, Any], which: str) -> dict[str, set[str]]:
    """operationId -> every schema its request and response bodies reference (transitively),
    for the operations of ``which``; scripts/split_contabo_models.py groups models by it."""
    wanted = {op.operation_id for op in _operations().values() if op.spec == which}
    schemas = spec["components"]["schemas"]
    found: dict[str, set[str]] = {}
    for path_item in spec["paths"].values():
        for method in HTTP_METHODS:
            operation = path_item.get(method)
            if operation and operation.get("operationId") in wanted:
                roots = [operation.get("requestBody", {}), operation.get("responses", {})]
                found[operation["operationId"]] = _referenced(roots, schemas)
    missing = wanted - set(found)
    if missing:
        sys.exit(f"operations not in {SPECS[which].name}: {sorted(missing)}")
    return found


def _add_normalized_only(spec: dict[str, Any], normalized: dict[str, Any]) -> None:
    """Paths (and schemas) only the newer normalized copy has, and the handle requests as it
    has them (a superset: the .it registrant's entity type and fiscal code)."""
    for path, item in normalized["paths"].items():
        spec["paths"].setdefault(path, item)
    for name, schema in normalized["components"]["schemas"].items():
        spec["components"]["schemas"].setdefault(name, schema)
    for name in NEWER_SCHEMAS:
        spec["components"]["schemas"][name] = normalized["components"]["schemas"][name]


def _allow_empty_dates(schema: Any) -> None:
    """Contabo sends ``"cancelDate": ""`` for an instance that is not cancelled, though the spec
    says ``format: date``. Date fields become nullable; ContaboModel turns "" into None."""
    if isinstance(schema, dict):
        if schema.get("format") in ("date", "date-time"):
            schema["nullable"] = True
        for value in schema.values():
            _allow_empty_dates(value)
    elif isinstance(schema, list):
        for value in schema:
            _allow_empty_dates(value)


def _allow_empty_cancel_date(schema: dict[str, Any]) -> None:
    """Erratum: responses' ``cancelDate`` is ``format: date`` but Contabo sends ``""`` for
    anything not cancelled (the spec's own ``minLength: 0``): keep it a plain string."""
    cancel_date = schema.get("properties", {}).get("cancelDate")
    if isinstance(cancel_date, dict) and cancel_date.get("format") == "date":
        cancel_date.pop("format")
        cancel_date.pop("pattern", None)


def _load(path: Path) -> dict[str, Any]:
    text = path.read_text()
    return json.loads(text) if path.suffix == ".json" else yaml.load(text, _NoDatesLoader)  # noqa: S506


class _NoDatesLoader(yaml.SafeLoader):
    """SafeLoader that keeps ``2021-01-01`` examples as strings, as JSON would."""


_NoDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _operations() -> dict[str, Any]:
    spec = importlib.util.spec_from_file_location("contabo_operations", OPERATIONS_FILE)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module.OPERATIONS


def _referenced(roots: list[Any], schemas: dict[str, Any]) -> set[str]:
    kept: set[str] = set()
    pending = list(roots)
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
                name = ref.rsplit("/", 1)[1]
                if name not in kept:
                    kept.add(name)
                    pending.append(schemas[name])
            pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)
    return kept


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
