from __future__ import annotations

import time

import httpx
import pytest

from contabo_reseller.adapters import service_store
from local.signed_client import SignedClient


def _status(response: httpx.Response) -> int:
    return response.status_code


def test_health_needs_no_signature(stack):
    assert httpx.get(stack.api_url + "/health").status_code == 200


def test_unsigned_request_is_refused(stack):
    response = httpx.get(stack.api_url + "/services")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"


def test_unknown_key_and_wrong_secret_are_refused(stack, whmcs):
    wrong_key = SignedClient(stack.api_url, "nobody", whmcs.secret)
    wrong_secret = SignedClient(stack.api_url, whmcs.key_id, "not-the-secret")
    assert _status(wrong_key.request("GET", "/services")) == 401
    assert _status(wrong_secret.request("GET", "/services")) == 401


def test_stale_and_future_timestamps_are_refused(whmcs):
    assert _status(whmcs.request("GET", "/services", timestamp=int(time.time()) - 301)) == 401
    assert _status(whmcs.request("GET", "/services", timestamp=int(time.time()) + 301)) == 401
    assert _status(whmcs.request("GET", "/services", timestamp=int(time.time()) - 60)) == 200


def test_replayed_nonce_is_refused(whmcs):
    assert _status(whmcs.request("GET", "/services", nonce="replay-nonce-000000001")) == 200
    assert _status(whmcs.request("GET", "/services", nonce="replay-nonce-000000001")) == 401


@pytest.mark.parametrize("tamper", ["body", "path", "query", "method"])
def test_tampered_requests_are_refused(stack, whmcs, service_id, tamper):
    body = b'{"reason": "overdue"}'
    headers = whmcs.signature_headers("POST", f"/services/{service_id}/suspend", "", body)
    headers["Content-Type"] = "application/json"
    url = f"{stack.api_url}/services/{service_id}/suspend"
    method = "POST"
    if tamper == "body":
        body = b'{"reason": "hacked!"}'
    elif tamper == "path":
        url = f"{stack.api_url}/services/{int(service_id) + 1}/suspend"
    elif tamper == "query":
        url += "?extra=1"
    else:
        method = "PUT"
    response = httpx.request(method, url, content=body, headers=headers)
    assert response.status_code in (401, 403), response.text  # 403: no PUT route at the gateway
    if method == "POST":
        assert response.status_code == 401


def test_rotation_accepts_two_keys(stack, whmcs):
    import json

    import boto3

    from tests.conftest import TEST_NAMES

    secret_id = TEST_NAMES.physical("WhmcsSigningKeysSecret")
    client = boto3.client("secretsmanager")
    original = client.get_secret_value(SecretId=secret_id)["SecretString"]
    keys = {**json.loads(original), "whmcs-2": "second-key-secret-abcdefghijklmnop"}
    client.put_secret_value(SecretId=secret_id, SecretString=json.dumps(keys))
    try:
        from aws_lambda_powertools.utilities import parameters

        parameters.clear_caches()
        second = SignedClient(stack.api_url, "whmcs-2", "second-key-secret-abcdefghijklmnop")
        assert _status(second.request("GET", "/services")) == 200
        assert _status(whmcs.request("GET", "/services")) == 200
    finally:
        client.put_secret_value(SecretId=secret_id, SecretString=original)
        parameters.clear_caches()


def test_a_locked_service_answers_409_with_what_is_running(whmcs, service_id):
    service_store.acquire_lock(service_id, "terminate", owner="someone-else")
    try:
        response = whmcs.request("POST", f"/services/{service_id}/power/restart")
        assert response.status_code == 409
        assert "terminate" in response.json()["error"]["message"]
        assert response.headers["Retry-After"]
    finally:
        service_store.release_lock(service_id, "someone-else")


def test_suspend_is_never_refused_as_busy(stack, whmcs, service_id):
    """WHMCS retries a failed SuspendAccount only the next day: a customer's action holding
    the lock makes it recorded (the customer locked out at once), not refused."""
    from tests.integration.lifecycle.test_create_and_provision import order

    assert whmcs.request("POST", f"/services/{service_id}/create", order()).status_code == 202
    service_store.acquire_lock(
        service_id, "restart", owner="customer-restart", seconds=30, wait_seconds=20
    )  # once the worker woken by the order is done
    try:
        response = whmcs.request("POST", f"/services/{service_id}/suspend", {"reason": "x"})
        assert response.status_code == 200
        assert response.json()["suspended"] is True
    finally:
        service_store.release_lock(service_id, "customer-restart")


def test_unknown_service_is_404(whmcs):
    response = whmcs.request("POST", "/services/999999/suspend", {"reason": "x"})
    assert response.status_code == 404
    assert whmcs.request("GET", "/services/999999").status_code == 404
