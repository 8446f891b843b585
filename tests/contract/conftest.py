"""One simulator per session; every call checked by a validator separate from the simulator's."""

import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from openapi_core import Config, OpenAPI
from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest, WerkzeugOpenAPIResponse
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request, Response

from local.contabo_sim import RunningSimulator, SimulatorConfig, start_simulator
from local.contabo_sim.spec import spec_document

TOKEN_PATH = "/auth/realms/contabo/protocol/openid-connect/token"
PROVISION_SECONDS = 30
CREDENTIALS = {
    "client_id": "demo-client-id",
    "client_secret": "demo-client-secret",
    "username": "demo@reseller.example",
    "password": "demo-password",
    "grant_type": "password",
}


@pytest.fixture(scope="session")
def sim() -> Iterator[RunningSimulator]:
    with start_simulator(SimulatorConfig(port=0, provision_seconds=PROVISION_SECONDS)) as running:
        yield running


@pytest.fixture(scope="session")
def spec_validator() -> OpenAPI:
    """Built here, not borrowed from the simulator, so a simulator bug cannot hide itself."""
    return OpenAPI.from_dict(spec_document(), config=Config(spec_validator_cls=None))


class ContaboClient:
    """httpx plus the checks every contract test wants: spec-valid request and response."""

    def __init__(self, sim: RunningSimulator, validator: OpenAPI) -> None:
        self.http = httpx.Client(base_url=sim.base_url, timeout=10)
        self.validator = validator
        self.token = self.http.post(TOKEN_PATH, data=CREDENTIALS).json()["access_token"]

    def call(self, method: str, path: str, *, expect: int, **kwargs: Any) -> httpx.Response:
        headers = {"Authorization": f"Bearer {self.token}", "x-request-id": str(uuid.uuid4())}
        headers |= kwargs.pop("headers", {})
        response = self.http.request(method, path, headers=headers, **kwargs)
        assert response.status_code == expect, response.text
        if response.is_success:
            self.assert_conforms(response)
        else:
            assert_contabo_error(response)
        return response

    def data(
        self, method: str, path: str, *, expect: int = 200, **kwargs: Any
    ) -> list[dict[str, Any]]:
        return self.call(method, path, expect=expect, **kwargs).json()["data"]

    def assert_conforms(self, response: httpx.Response) -> None:
        sent = response.request
        builder = EnvironBuilder(
            method=sent.method,
            base_url=str(sent.url.copy_with(path="/", query=None)),
            path=sent.url.path,
            query_string=sent.url.query.decode(),
            headers=dict(sent.headers),
            data=sent.content,
        )
        request = WerkzeugOpenAPIRequest(Request(builder.get_environ()))
        self.validator.validate_request(request)
        reply = Response(
            response.content, status=response.status_code, headers=dict(response.headers)
        )
        self.validator.validate_response(request, WerkzeugOpenAPIResponse(reply))


def assert_contabo_error(response: httpx.Response) -> None:
    body = response.json()
    assert body["statusCode"] == response.status_code
    assert isinstance(body["message"], str | list)


@pytest.fixture
def api(sim: RunningSimulator, spec_validator: OpenAPI) -> ContaboClient:
    sim.state.reset()
    return ContaboClient(sim, spec_validator)


def new_instance(api: ContaboClient, **body: Any) -> dict[str, Any]:
    payload = {"productId": "V92", "region": "EU", "period": 1, "displayName": "test"} | body
    return api.data("POST", "/v1/compute/instances", json=payload, expect=201)[0]
