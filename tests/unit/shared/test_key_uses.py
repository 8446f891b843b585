"""Issue 15 item 7: a retired key is refused from the next request (its revocation row, not the
cached secret, decides), only admin keys reach /admin/*, and a signature (version 2) is valid
only for the host and stage it was made for."""

from __future__ import annotations

import json

import boto3
import pytest
from aws_lambda_powertools.utilities import parameters

from contabo_reseller.adapters.tables import TokenItem
from contabo_reseller.domain import signing
from contabo_reseller.domain.errors import NotAuthenticated
from contabo_reseller.services.request_auth import ADMIN_ONLY, SignedRequest, verify_request
from local.signed_client import SignedClient
from tests.conftest import TEST_NAMES

MODULE_KEY = ("module-key", "module-secret-0123456789abcdef")


@pytest.fixture
def module_key(aws) -> SignedClient:
    secret_id = TEST_NAMES.physical("WhmcsSigningKeysSecret")
    client = boto3.client("secretsmanager")
    keys = json.loads(client.get_secret_value(SecretId=secret_id)["SecretString"])
    keys[MODULE_KEY[0]] = {"secret": MODULE_KEY[1], "installation": "shop-2"}
    client.put_secret_value(SecretId=secret_id, SecretString=json.dumps(keys))
    parameters.clear_caches()
    return SignedClient("http://unused/Prod", *MODULE_KEY)


def signed(client: SignedClient, path: str) -> SignedRequest:
    headers = {k.lower(): v for k, v in client.signature_headers("GET", path, "", b"").items()}
    return SignedRequest(
        method="GET",
        path=path,
        query=None,
        headers=headers,
        body=b"",
        host="unused",
        full_path="/Prod" + path,
    )


def test_a_module_key_is_of_its_installation_and_not_admin(module_key):
    key = verify_request(signed(module_key, "/services/5"))
    assert (key.key_id, key.installation, key.admin) == ("module-key", "shop-2", False)


def test_a_module_key_cannot_reach_admin_routes(module_key):
    with pytest.raises(NotAuthenticated) as refused:
        verify_request(signed(module_key, "/admin/jobs"))
    assert refused.value.message == ADMIN_ONLY


def test_a_retired_key_is_refused_while_its_secret_is_still_cached(module_key):
    assert verify_request(signed(module_key, "/services/5")).key_id == "module-key"
    TokenItem(token_id=signing.revocation_token_id("module-key")).save()  # keys retire

    with pytest.raises(NotAuthenticated):
        verify_request(signed(module_key, "/services/5"))


@pytest.mark.parametrize(
    "signed_for", ["http://other-api.example/Prod", "http://unused/Staging", "http://unused"]
)
def test_a_request_signed_for_another_host_or_stage_is_refused(module_key, signed_for):
    elsewhere = SignedClient(signed_for, *MODULE_KEY)
    with pytest.raises(NotAuthenticated):
        verify_request(signed(elsewhere, "/services/5"))


def test_version_1_signatures_are_refused(module_key):
    request = signed(module_key, "/services/5")
    headers = dict(request.headers)
    headers.pop(signing.VERSION_HEADER)
    canonical = signing.canonical_string(
        "GET",
        "/services/5",
        None,
        headers[signing.TIMESTAMP_HEADER],
        headers[signing.NONCE_HEADER],
        b"",
    )
    headers[signing.SIGNATURE_HEADER] = signing.sign(MODULE_KEY[1], canonical)
    with pytest.raises(NotAuthenticated):
        verify_request(
            SignedRequest("GET", "/services/5", None, headers, b"", "unused", "/Prod/services/5")
        )
