"""The AWS SDK's connections read their TLS roots lazily from the hashed directory make build
writes beside certifi's bundle (adapters/trust_store.py, adapters/sdk_session.py).

Real HTTPS calls through a client of the container's SDK session to a local server on
loopback (the TLS handshake needs a socket urllib3 opens itself, hence an integration test):
the server's root is found in the directory and the bundle is never loaded whole; a server
signed by another root is refused, as with the bundle; a directory that is not current for
the bundle is not used.
"""

from __future__ import annotations

import json
import ssl
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import botocore.config
import botocore.exceptions
import botocore.httpsession
import pytest

from contabo_reseller.adapters import sdk_session, trust_store
from scripts import slim_layer
from tests.tls_roots import OPENSSL, certificate_authority, layer_with_bundle, needs_openssl

pytestmark = needs_openssl


class _SecretsManager(BaseHTTPRequestHandler):
    """Answers every call as Secrets Manager answers GetSecretValue."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = json.dumps({"Name": "signing-keys", "SecretString": "kept", "VersionId": "v1"})
        self.send_response(200)
        self.send_header("Content-Type", "application/x-amz-json-1.1")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def roots(tmp_path: Path) -> Path:
    certificate_authority(tmp_path, "ours")
    certificate_authority(tmp_path, "stranger")
    return tmp_path


@pytest.fixture
def bundle(roots: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """certifi's roots plus ours, hashed as make build hashes them; botocore trusts it."""
    layer = layer_with_bundle(roots / "layer", [roots / "ours-root.pem"])
    slim_layer.hash_trust_store(layer, OPENSSL)
    path = layer / "certifi" / "cacert.pem"
    monkeypatch.setattr(botocore.httpsession, "where", lambda: str(path))
    return path


@pytest.fixture
def new_container(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sdk_session, "_botocore", None)
    monkeypatch.setattr(sdk_session, "_boto3", None)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    for variable in ("AWS_CA_BUNDLE", "REQUESTS_CA_BUNDLE", "AWS_PROFILE"):
        monkeypatch.delenv(variable, raising=False)  # as in Lambda (build machines set some)


def _server(roots: Path, name: str) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _SecretsManager)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(roots / f"{name}-server.pem", roots / f"{name}-server.key")
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://localhost:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def our_server(roots: Path) -> Iterator[str]:
    yield from _server(roots, "ours")


@pytest.fixture
def strangers_server(roots: Path) -> Iterator[str]:
    yield from _server(roots, "stranger")


def _client(endpoint: str):  # type: ignore[no-untyped-def]
    return sdk_session.botocore_session().create_client(
        "secretsmanager",
        region_name="eu-central-1",
        endpoint_url=endpoint,
        config=botocore.config.Config(retries={"max_attempts": 1, "mode": "standard"}),
    )


def _pool_and_roots_loaded(client, endpoint: str) -> tuple[object, int]:  # type: ignore[no-untyped-def]
    manager = client._endpoint.http_session._manager
    pool = manager.connection_from_url(endpoint)
    context = manager.connection_pool_kw["ssl_context"]
    return pool, context.cert_store_stats()["x509_ca"]


def test_a_call_to_a_server_whose_root_is_in_the_bundle_reads_only_that_root(
    new_container, bundle, our_server
):
    client = _client(our_server)
    assert client.get_secret_value(SecretId="signing-keys")["SecretString"] == "kept"
    assert client.get_secret_value(SecretId="signing-keys")["SecretString"] == "kept"

    pool, roots_loaded = _pool_and_roots_loaded(client, our_server)
    assert pool.ca_certs is None
    assert pool.ca_cert_dir == str(bundle.parent / trust_store.CAPATH_DIR_NAME)
    # The bundle holds 118 roots; the handshake looked up the one it needed.
    assert roots_loaded == 1


def test_every_client_of_the_shared_session_reads_roots_lazily(new_container):
    """boto3's face of the session (Powertools' secrets provider, the worker trigger) makes its
    clients through the same session."""
    for client in (
        sdk_session.boto3_session().client("secretsmanager", region_name="eu-central-1"),
        sdk_session.boto3_session().client("lambda", region_name="eu-central-1"),
        sdk_session.botocore_session().create_client("dynamodb", region_name="eu-central-1"),
    ):
        assert client._endpoint.http_session._setup_ssl_cert.reads_roots_lazily


def test_a_server_signed_by_another_root_is_refused(new_container, bundle, strangers_server):
    client = _client(strangers_server)
    with pytest.raises(botocore.exceptions.SSLError):
        client.get_secret_value(SecretId="signing-keys")


def test_a_directory_not_current_for_the_bundle_is_not_used(new_container, bundle, our_server):
    bundle.write_text(bundle.read_text() + "\n")  # certifi updated, directory not rebuilt
    client = _client(our_server)
    assert client.get_secret_value(SecretId="signing-keys")["SecretString"] == "kept"

    pool, roots_loaded = _pool_and_roots_loaded(client, our_server)
    assert pool.ca_certs == str(bundle)
    assert pool.ca_cert_dir is None
    assert roots_loaded == bundle.read_text().count("BEGIN CERTIFICATE")


def test_an_operators_own_bundle_is_loaded_as_botocore_loads_it(
    new_container, roots, bundle, our_server, monkeypatch
):
    operators = roots / "operators.pem"
    operators.write_text((roots / "ours-root.pem").read_text())
    monkeypatch.setenv("AWS_CA_BUNDLE", str(operators))
    client = _client(our_server)
    assert client.get_secret_value(SecretId="signing-keys")["SecretString"] == "kept"

    pool, _ = _pool_and_roots_loaded(client, our_server)
    assert pool.ca_certs == str(operators)
    assert pool.ca_cert_dir is None
