"""The simulator rejects what Contabo's spec forbids, and authenticates like Keycloak."""

import httpx

from .conftest import CREDENTIALS, TOKEN_PATH, new_instance


def test_token_endpoint_answers_like_keycloak(sim, api):
    body = httpx.post(sim.base_url + TOKEN_PATH, data=CREDENTIALS).json()
    assert body["token_type"] == "Bearer"
    assert {"access_token", "expires_in", "refresh_expires_in"} <= body.keys()
    assert sim.state.token_requests == 2  # the api fixture fetched one too


def test_wrong_password_is_invalid_grant(sim):
    response = httpx.post(sim.base_url + TOKEN_PATH, data=CREDENTIALS | {"password": "nope"})
    assert response.status_code == 401
    assert response.json() == {
        "error": "invalid_grant",
        "error_description": "Invalid user credentials",
    }


def test_wrong_client_is_rejected(sim):
    response = httpx.post(sim.base_url + TOKEN_PATH, data=CREDENTIALS | {"client_secret": "nope"})
    assert response.status_code == 401
    assert response.json()["error"] == "unauthorized_client"


def test_missing_or_bad_bearer_is_401(api):
    api.call("GET", "/v1/compute/instances", expect=401, headers={"Authorization": ""})
    api.call("GET", "/v1/compute/instances", expect=401, headers={"Authorization": "Bearer forged"})


def test_expired_token_is_401(sim, api):
    sim.state.clock.advance(301)
    api.call("GET", "/v1/compute/instances", expect=401)


def test_missing_request_id_is_400(api):
    response = api.http.get(
        "/v1/compute/instances", headers={"Authorization": f"Bearer {api.token}"}
    )
    assert response.status_code == 400
    assert any("x-request-id" in line for line in response.json()["message"])


def test_request_id_must_be_uuid4_shaped(api):
    api.call("GET", "/v1/compute/instances", expect=400, headers={"x-request-id": "not-a-uuid"})


def test_wrong_body_type_is_400_with_message_array(api):
    body = {"productId": 92, "region": "EU", "period": "one"}
    message = api.call("POST", "/v1/compute/instances", json=body, expect=400).json()["message"]
    assert isinstance(message, list) and len(message) >= 2


def test_unknown_enum_value_is_400(api):
    api.call("POST", "/v1/compute/instances", json={"region": "MARS", "period": 1}, expect=400)
    api.call("GET", "/v1/compute/instances", params={"status": "exploded"}, expect=400)


def test_missing_required_body_field_is_400(api):
    api.call("POST", "/v1/secrets", json={"name": "x", "type": "password"}, expect=400)


def test_unknown_path_is_404_and_unimplemented_spec_path_is_501(api):
    api.call("GET", "/v1/not-a-contabo-path", expect=404)
    api.call("GET", "/internal/v1/troubleshooting/checks", params={"orgIds": "1"}, expect=501)


def test_unknown_instance_is_404(api):
    api.call("GET", "/v1/compute/instances/999", expect=404)


def test_every_response_so_far_conformed(sim, api):
    new_instance(api)
    api.call("GET", "/v1/compute/instances", expect=200)
    assert sim.state.validation_failures == []
