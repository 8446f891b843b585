"""Builds docs/openapi.json from the handlers: every ``functions/*/app.py`` that defines ``api``
(the Powertools resolver, validation on) contributes its routes; Powertools' OpenAPIMerge joins
them. New functions are picked up by the glob, nothing to register.

    make openapi            # writes docs/openapi.json
    python scripts/generate_openapi.py --check   # exit 1 if docs/openapi.json is stale

tests/contract/test_openapi_current.py runs the same build in memory, so CI fails when the
committed document is stale.

On top of what Powertools derives from the handlers' signatures, the document gets: the WHMCS
signing headers as security schemes (every route whose resolver runs the signature middleware),
the optional X-Idempotency-Key header on mutating routes, and our one error body for the statuses
contabo_reseller.http.errors produces (Powertools' 422 "Validation Error" is replaced: invalid
requests are answered 400 here, and 422 means "refused").
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
FUNCTIONS_DIR = REPO_ROOT / "functions"
OUTPUT = REPO_ROOT / "docs" / "openapi.json"

TITLE = "Contabo reseller backend API"
DESCRIPTION = """\
What the WHMCS module calls to sell Contabo servers under the reseller's brand.

Generated from the handlers (`functions/*/app.py`) by `scripts/generate_openapi.py`: run
`make openapi` after changing a route. The prose contract is `docs/lifecycle-api.md`.

**Signing.** Every route except `GET /health` is signed by WHMCS: `X-Whmcs-Signature` is the
lowercase hex HMAC-SHA256, with the secret of key `X-Whmcs-Key-Id`, of six lines joined by `\\n`:
method, path, query sorted by name then value (RFC 3986 encoded), `X-Whmcs-Timestamp` (Unix
seconds, at most 300 s off), `X-Whmcs-Nonce` (16-64 of `[A-Za-z0-9_-]`, never reused) and the
lowercase hex SHA-256 of the raw body. Any failure is a 401.

**Retries.** Mutating routes accept `X-Idempotency-Key`: a retry with the same key and body gets
the first answer instead of running again.

**Errors.** Every error is `{"error": {"code", "message", "message_code", "params", "details"}}`;
`message` is safe to show to a customer (English); `message_code` and `params` name the same
sentence so the module can say it in the customer's language. A validation failure lists each
field's problem and an example of a right value in `details.fields`."""

SERVERS = [
    {
        "url": "{apiUrl}",
        "description": "The stack's ApiUrl output (locally http://127.0.0.1:3000)",
        "variables": {
            "apiUrl": {"default": "https://api-id.execute-api.region.amazonaws.com/Prod"}
        },
    }
]

SIGNING_HEADERS = {
    "WhmcsKeyId": ("X-Whmcs-Key-Id", "Id of the signing key (WHMCS server Username)."),
    "WhmcsTimestamp": ("X-Whmcs-Timestamp", "Unix time in seconds; at most 300 s off."),
    "WhmcsNonce": ("X-Whmcs-Nonce", "16-64 characters of [A-Za-z0-9_-], new for every request."),
    "WhmcsSignature": ("X-Whmcs-Signature", "Lowercase hex HMAC-SHA256 of the canonical string."),
}

IDEMPOTENCY_PARAMETER = {
    "name": "X-Idempotency-Key",
    "in": "header",
    "required": False,
    "description": "The same key for a retry of the same call: the first answer is replayed.",
    "schema": {"type": "string", "pattern": "^[A-Za-z0-9_.:-]{8,128}$"},
}

ERROR_SCHEMA = {
    "type": "object",
    "title": "Error",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message", "details"],
            "properties": {
                "code": {"type": "string", "examples": ["invalid_input"]},
                "message": {"type": "string", "description": "For a person; safe to show."},
                "message_code": {
                    "type": "string",
                    "description": "Names the sentence in the module's language files.",
                    "examples": ["invalid_fields"],
                },
                "params": {"type": "object", "additionalProperties": True},
                "details": {"type": "object", "additionalProperties": True},
            },
        }
    },
}

ERROR_RESPONSES: dict[str, tuple[str, str]] = {
    "400": ("InvalidInput", "The request is not valid; the message names the field."),
    "401": ("NotSigned", "Missing, wrong, stale or replayed signature."),
    "404": ("NotFound", "The service (or resource) is not known."),
    "409": ("Busy", "Another action holds the service; retry after Retry-After seconds."),
    "422": ("Refused", "Understood but refused (e.g. suspended, downgrade, Contabo said no)."),
    "500": ("Unexpected", "Configuration or unexpected error; details carry a reference."),
    "503": ("Unavailable", "Contabo or AWS unavailable; safe to retry."),
}
MUTATING_METHODS = ("post", "put", "patch", "delete")


def build_document() -> dict[str, Any]:
    """The merged OpenAPI document, as it should be in docs/openapi.json."""
    _prepare_imports()
    from aws_lambda_powertools.event_handler.openapi.merge import OpenAPIMerge

    merge = OpenAPIMerge(
        title=TITLE, version=_project_version(), description=DESCRIPTION, on_conflict="error"
    )
    component_schemas: dict[str, Any] = {}
    unsigned: set[tuple[str, str]] = set()
    for function_name, module in _handler_modules():
        api = getattr(module, "api", None)
        if api is None:
            continue  # a scheduled function serves no route
        schema = api.get_openapi_schema().model_dump(by_alias=True, exclude_none=True, mode="json")
        _check_same_components(function_name, schema, component_schemas)
        # create_api() marks its resolvers; the contract test pins the outcome (health
        # unsigned, every other route signed).
        signed = getattr(api, "signed", False)
        for path, method, operation in _operations(schema):
            operation["x-function"] = function_name
            docstring = (module.__doc__ or "").strip()
            if docstring not in ("", operation.get("summary")) and not operation.get("description"):
                operation["description"] = docstring
            if not signed:
                unsigned.add((path, method))
        merge.add_schema(schema)
    return _finish(merge.get_openapi_schema(), unsigned)


def render(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the file is stale")
    args = parser.parse_args(argv)
    text = render(build_document())
    if args.check:
        current = OUTPUT.read_text() if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT.relative_to(REPO_ROOT)} is out of date: run make openapi")
            return 1
        return 0
    OUTPUT.write_text(text)
    paths = json.loads(text)["paths"]
    count = sum(len(item) for item in paths.values())
    print(f"wrote {OUTPUT.relative_to(REPO_ROOT)}: {count} operations on {len(paths)} paths")
    return 0


# Building blocks ---------------------------------------------------------------------------


def _prepare_imports() -> None:
    """Handlers read their settings at import: give them the template's names (never real
    resources; nothing is called) unless the environment already has them, as in tests."""
    for path in (REPO_ROOT / "layers" / "common", REPO_ROOT):
        if str(path) not in sys.path:
            sys.path.insert(0, str(path))
    from local.stack.template import LocalNames, load_template, shared_environment

    environment = shared_environment(load_template(), LocalNames(stack_name="openapi"))
    environment |= {"AWS_DEFAULT_REGION": "eu-central-1", "POWERTOOLS_TRACE_DISABLED": "true"}
    for name, value in environment.items():
        os.environ.setdefault(name, value)


def _handler_modules() -> list[tuple[str, ModuleType]]:
    modules = []
    for app_file in sorted(FUNCTIONS_DIR.glob("*/app.py")):
        name = app_file.parent.name
        module_name = f"openapi_handler_{name}"
        module = sys.modules.get(module_name)
        if module is None:
            spec = importlib.util.spec_from_file_location(module_name, app_file)
            assert spec is not None and spec.loader is not None
            module = importlib.util.module_from_spec(spec)
            sys.modules[module_name] = module  # pydantic resolves annotations through it
            spec.loader.exec_module(module)
        modules.append((name, module))
    return modules


def _operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, operation)
        for path, item in document.get("paths", {}).items()
        for method, operation in item.items()
        if isinstance(operation, dict) and "responses" in operation
    ]


def _check_same_components(
    function_name: str, schema: dict[str, Any], seen: dict[str, Any]
) -> None:
    """OpenAPIMerge keeps the last of two components with one name: two different models
    sharing a name would silently lose one, so that is an error here."""
    for name, definition in schema.get("components", {}).get("schemas", {}).items():
        if name in seen and seen[name][1] != definition:
            raise SystemExit(
                f"schema {name!r} differs between functions {seen[name][0]} and {function_name}: "
                "rename one of the models"
            )
        seen.setdefault(name, (function_name, definition))


def _finish(document: dict[str, Any], unsigned: set[tuple[str, str]]) -> dict[str, Any]:
    document["servers"] = SERVERS
    components = document.setdefault("components", {})
    components["securitySchemes"] = {
        scheme: {"type": "apiKey", "in": "header", "name": header, "description": description}
        for scheme, (header, description) in SIGNING_HEADERS.items()
    }
    document["security"] = [{scheme: [] for scheme in SIGNING_HEADERS}]
    components.setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    components["responses"] = {
        name: {
            "description": description,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
        for name, description in ERROR_RESPONSES.values()
    }
    components["responses"]["Busy"]["headers"] = {
        "Retry-After": {"description": "Seconds to wait", "schema": {"type": "integer"}}
    }
    for path, method, operation in _operations(document):
        _document_errors(path, method, operation, signed=(path, method) not in unsigned)
    document["paths"] = dict(sorted(document["paths"].items()))
    _drop_unreferenced_schemas(document)
    return document


def _document_errors(path: str, method: str, operation: dict[str, Any], *, signed: bool) -> None:
    responses = operation["responses"]
    validation = responses.get("422", {}).get("content", {}).get("application/json", {})
    if validation.get("schema", {}).get("$ref", "").endswith("/HTTPValidationError"):
        del responses["422"]  # Powertools' default; our invalid requests are 400s
    statuses = ["500"]
    if signed:
        operation.pop("security", None)  # the document-wide signing requirement applies
        statuses += ["400", "401", "503"]
        if "{serviceId}" in path:
            statuses.append("404")
        if method in MUTATING_METHODS:
            statuses += ["409", "422"]
            operation.setdefault("parameters", []).append(IDEMPOTENCY_PARAMETER)
    else:
        operation["security"] = []
    for status in sorted(statuses):
        reference = f"#/components/responses/{ERROR_RESPONSES[status][0]}"
        responses.setdefault(status, {"$ref": reference})
    operation["responses"] = dict(sorted(responses.items()))


def _drop_unreferenced_schemas(document: dict[str, Any]) -> None:
    """Powertools' validation-error models are no longer used once the 422s are replaced."""
    schemas = document["components"]["schemas"]
    text = json.dumps({key: value for key, value in document.items() if key != "components"})
    text += json.dumps(document["components"].get("responses", {}))
    wanted: set[str] = set()
    pending = {name for name in schemas if f'"#/components/schemas/{name}"' in text}
    while pending:
        name = pending.pop()
        wanted.add(name)
        inner = json.dumps(schemas[name])
        pending |= {n for n in schemas if f'"#/components/schemas/{n}"' in inner} - wanted
    document["components"]["schemas"] = {name: schemas[name] for name in sorted(wanted)}


def _project_version() -> str:
    with (REPO_ROOT / "pyproject.toml").open("rb") as pyproject:
        return str(tomllib.load(pyproject)["project"]["version"])


if __name__ == "__main__":
    sys.exit(main())
