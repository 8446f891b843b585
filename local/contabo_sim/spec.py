"""Load Contabo's OpenAPI spec once per process and build the document the simulator serves.

The document is the raw `openapi.json` plus the Firewalls paths and `listPendingActions` (and the
schemas they use) copied from the generator-normalized yaml, which is the only copy that has them.
"""

import copy
import functools
import json
import re
from pathlib import Path
from typing import Any

import yaml
from openapi_core import Config, OpenAPI

DOCS_DIR = Path(__file__).resolve().parents[2] / "docs" / "contabo"
RAW_SPEC = DOCS_DIR / "openapi.json"
NORMALIZED_SPEC = DOCS_DIR / "openapi-2026-08.generator-normalized.yaml"
# Paths only the newer normalized copy has (matched as prefixes).
NORMALIZED_ONLY_PATHS = ("/v1/firewalls", "/v1/domains/pending-actions")
# An instance's plan offers and region change (also only in the newer copy).
NEWER_INSTANCE_PATHS = ("/products/available", "/regionChange")
HTTP_METHODS = ("get", "post", "put", "patch", "delete")
_REF = re.compile(r'"\$ref": "#/components/schemas/([^"]+)"')


@functools.cache
def spec_document() -> dict[str, Any]:
    raw = json.loads(RAW_SPEC.read_text())
    # The json round trip turns yaml's date objects (in examples) back into plain strings.
    normalized = json.loads(
        json.dumps(yaml.load(NORMALIZED_SPEC.read_text(), Loader=yaml.CSafeLoader), default=str)
    )
    _merge_normalized_only(raw, normalized)
    _apply_errata(raw)
    # Contabo's server is absolute; a relative one lets any host:port validate.
    raw["servers"] = [{"url": "/"}]
    return raw


@functools.cache
def openapi() -> OpenAPI:
    # The raw spec fails openapi-spec-validator (a string default on a number): skip that check.
    return OpenAPI.from_dict(spec_document(), config=Config(spec_validator_cls=None))


def operations() -> dict[tuple[str, str], str]:
    """(METHOD, path template) -> operationId for every operation in the served document."""
    return {
        (method.upper(), path): op["operationId"]
        for path, item in spec_document()["paths"].items()
        for method, op in item.items()
        if method in HTTP_METHODS
    }


def _merge_normalized_only(raw: dict[str, Any], normalized: dict[str, Any]) -> None:
    paths = {
        p: item
        for p, item in normalized["paths"].items()
        if p.startswith(NORMALIZED_ONLY_PATHS)
        or (p.startswith("/v1/compute/instances/") and any(s in p for s in NEWER_INSTANCE_PATHS))
    }
    raw["paths"].update(copy.deepcopy(paths))
    raw_schemas = raw["components"]["schemas"]
    new_schemas = normalized["components"]["schemas"]
    pending = set(_REF.findall(json.dumps(paths)))
    while pending:
        name = pending.pop()
        if name in raw_schemas:
            continue
        raw_schemas[name] = copy.deepcopy(new_schemas[name])
        pending |= set(_REF.findall(json.dumps(new_schemas[name])))


def _apply_errata(document: dict[str, Any]) -> None:
    """Fix spec mistakes that would reject every real Contabo response.

    `cancelDate` is required, `format: date` and sometimes `pattern: "yyyy-mm-dd"` (a description,
    not a regex), yet Contabo sends `""` for anything not cancelled (hence the spec's minLength 0).
    """

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            cancel_date = node.get("properties", {}).get("cancelDate")
            if isinstance(cancel_date, dict):
                cancel_date.pop("pattern", None)
                cancel_date.pop("format", None)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(document)
