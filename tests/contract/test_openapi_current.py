"""docs/openapi.json is what the handlers describe today (CI: `make test` runs this)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from openapi_spec_validator import validate

from local.stack.template import function_events, load_template
from scripts import generate_openapi


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return generate_openapi.build_document()


def test_the_committed_document_is_current(document: dict[str, Any]) -> None:
    committed = generate_openapi.OUTPUT.read_text() if generate_openapi.OUTPUT.exists() else "{}"
    if committed != generate_openapi.render(document):
        stale = _changed_operations(json.loads(committed), document)
        changed = ", ".join(stale) or "metadata"
        message = f"docs/openapi.json is out of date ({changed}): run make openapi"
        pytest.fail(message, pytrace=False)


def test_every_api_route_of_the_template_is_documented(document: dict[str, Any]) -> None:
    routes = {
        (properties["Path"], properties["Method"].lower())
        for _, _, properties in function_events(load_template(), {"Api"})
    }
    documented = {(path, method) for path, item in document["paths"].items() for method in item}
    assert routes, "template.yaml declares no Api events"
    assert routes - documented == set(), "routes served but not documented"


def test_it_is_a_valid_openapi_3_document(document: dict[str, Any]) -> None:
    validate(document)
    assert document["openapi"].startswith("3.")
    assert document["info"]["title"] and document["info"]["description"]


def test_signed_routes_require_the_whmcs_headers_and_health_does_not(
    document: dict[str, Any],
) -> None:
    schemes = document["components"]["securitySchemes"]
    assert {scheme["name"] for scheme in schemes.values()} == {
        "X-Whmcs-Key-Id",
        "X-Whmcs-Timestamp",
        "X-Whmcs-Nonce",
        "X-Whmcs-Signature",
        "X-Whmcs-Signature-Version",
    }
    assert document["security"] == [{scheme: [] for scheme in schemes}]
    assert document["paths"]["/health"]["get"]["security"] == []
    suspend = document["paths"]["/services/{serviceId}/suspend"]["post"]
    assert "security" not in suspend  # the document-wide requirement applies
    assert (
        "401" in suspend["responses"]
        and "401" not in document["paths"]["/health"]["get"]["responses"]
    )


def test_errors_use_the_one_error_body_and_no_powertools_422(document: dict[str, Any]) -> None:
    assert "HTTPValidationError" not in document["components"]["schemas"]
    create = document["paths"]["/services/{serviceId}/create"]["post"]
    assert create["responses"]["400"] == {"$ref": "#/components/responses/InvalidInput"}
    assert create["responses"]["422"] == {"$ref": "#/components/responses/Refused"}
    assert "X-Idempotency-Key" in {parameter["name"] for parameter in create["parameters"]}


def _changed_operations(committed: dict[str, Any], current: dict[str, Any]) -> list[str]:
    def operations(doc: dict[str, Any]) -> dict[str, Any]:
        return {
            f"{method.upper()} {path}": operation
            for path, item in doc.get("paths", {}).items()
            for method, operation in item.items()
        }

    old, new = operations(committed), operations(current)
    return sorted(name for name in old.keys() | new.keys() if old.get(name) != new.get(name))
