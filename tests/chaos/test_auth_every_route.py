"""Every signed route in docs/openapi.json refuses a request that is unsigned, signed with a
wrong key, stale, replayed, or whose body or path was changed after signing: 401, with the
error body, before anything else (validation included) looks at the request.

Path parameters name resources that do not exist, so the one request that passes the check
(the first of the replay pair) changes nothing.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from local.signed_client import SignedClient
from local.stack.template import REPO_ROOT

OPENAPI = json.loads(Path(REPO_ROOT, "docs", "openapi.json").read_text())
PATH_VALUES = {
    "serviceId": "999990001",
    "clientId": "999990",
    "keyId": "k00000000deadbeef",
    "snapshotId": "snap-missing",
    "networkId": "999999991",
    "ip": "198.51.100.250",
    "preset": "web",
    "action": "restart",
    "job": "no-such-job",
    "jobId": "no-such-job-id",
    "productId": "V9999",
    "whmcsProductId": "999990",
    "name": "no-such-template",
    "domainId": "999990002",
    "zoneName": "no-such-zone.example",
    "recordId": "999990003",
    "key": "no-such-application",
    "imageId": "no-such-image",
}
VARIANTS = ("unsigned", "unknown_key", "wrong_secret", "stale", "replayed", "body", "path")


def signed_routes() -> list[tuple[str, str, bool]]:
    """(method, path template, has a body) of every operation that requires the signature."""
    routes = []
    for template, operations in OPENAPI["paths"].items():
        for method, operation in operations.items():
            if operation.get("security", OPENAPI.get("security")) == []:
                continue  # /health
            routes.append((method.upper(), template, "requestBody" in operation))
    return routes


ROUTES = signed_routes()


def concrete(template: str) -> str:
    path = template
    for name, value in PATH_VALUES.items():
        path = path.replace("{" + name + "}", value)
    assert "{" not in path, f"no test value for a parameter of {template}: add it to PATH_VALUES"
    return path


def test_the_document_has_signed_routes_to_check():
    assert len(ROUTES) > 40
    assert ("POST", "/services/{serviceId}/create", True) in ROUTES


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize(("method", "template", "has_body"), ROUTES, ids=lambda v: str(v))
def test_every_signed_route_refuses_a_bad_signature(whmcs, method, template, has_body, variant):
    path = concrete(template)
    body = b"{}" if has_body else b""
    headers: dict[str, str] = {"Content-Type": "application/json"} if has_body else {}
    url = whmcs.api_url + path

    def signed(client: SignedClient, sign_path: str = path, sign_body: bytes = body, **kw: Any):
        return client.signature_headers(method, sign_path, "", sign_body, **kw)

    if variant == "unsigned":
        pass
    elif variant == "unknown_key":
        headers |= signed(SignedClient(whmcs.api_url, "nobody", whmcs.secret))
    elif variant == "wrong_secret":
        headers |= signed(SignedClient(whmcs.api_url, whmcs.key_id, "not-the-signing-secret"))
    elif variant == "stale":
        headers |= signed(whmcs, timestamp=int(time.time()) - 301)
    elif variant == "replayed":
        headers |= signed(whmcs)
        first = httpx.request(method, url, content=body, headers=headers)
        assert first.status_code != 401, f"the original request was refused: {first.text}"
    elif variant == "body":
        headers |= signed(whmcs, sign_body=b'{"signed": "this"}')
    elif variant == "path":
        other = path.replace(PATH_VALUES["serviceId"], "999990002")
        other = other if other != path else path + "/other"
        headers |= signed(whmcs, sign_path=other)

    response = httpx.request(method, url, content=body, headers=headers)

    assert response.status_code == 401, f"{variant}: {response.status_code} {response.text}"
    error = response.json()["error"]
    assert error["code"] == "not_authenticated"
    assert error["message"]
