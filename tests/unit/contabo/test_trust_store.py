"""The Contabo client's TLS roots, read lazily from the hashed directory make build writes.

A real handshake (over a socket pair: unit tests have no network) proves the directory is
what OpenSSL looks roots up in: a server whose root is in it is trusted, one whose root is
not is refused, as with the bundle it was made from.
"""

from __future__ import annotations

import socket
import ssl
import threading
from pathlib import Path

import certifi
import pytest

from contabo_reseller.adapters import trust_store
from contabo_reseller.adapters.contabo import transport
from scripts import slim_layer
from tests.tls_roots import OPENSSL, certificate_authority, layer_with_bundle, needs_openssl


@pytest.fixture(autouse=True)
def no_operator_trust_store(monkeypatch: pytest.MonkeyPatch) -> None:
    """As in Lambda: neither variable set (build machines often set both)."""
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)


def _handshake(client_context: ssl.SSLContext | bool, folder: Path, name: str) -> None:
    """A TLS handshake with a server presenting <name>-server.pem, over a socket pair."""
    assert isinstance(client_context, ssl.SSLContext)
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(folder / f"{name}-server.pem", folder / f"{name}-server.key")
    client_end, server_end = socket.socketpair()
    errors: list[BaseException] = []

    def serve() -> None:
        try:
            with server_context.wrap_socket(server_end, server_side=True):
                pass
        except (ssl.SSLError, OSError) as error:
            errors.append(error)

    server = threading.Thread(target=serve)
    server.start()
    try:
        with client_context.wrap_socket(client_end, server_hostname="localhost"):
            pass
    finally:
        client_end.close()
        server.join(timeout=10)


@needs_openssl
def test_every_root_of_the_bundle_is_written_under_its_subject_hash(tmp_path):
    layer = layer_with_bundle(tmp_path, [])
    roots = slim_layer.hash_trust_store(layer, OPENSSL)
    directory = trust_store.hashed_directory(layer / "certifi" / "cacert.pem")
    assert directory == layer / "certifi" / trust_store.CAPATH_DIR_NAME
    written = [p for p in directory.iterdir() if p.name != trust_store.MARKER_NAME]
    assert roots == len(written) == Path(certifi.where()).read_text().count("BEGIN CERTIFICATE")
    assert all(
        not p.is_symlink() and p.read_text().count("BEGIN CERTIFICATE") == 1 for p in written
    )


@needs_openssl
def test_a_server_whose_root_is_in_the_bundle_is_trusted_and_another_is_refused(tmp_path):
    certificate_authority(tmp_path, "ours")
    certificate_authority(tmp_path, "stranger")
    layer = layer_with_bundle(tmp_path, [tmp_path / "ours-root.pem"])
    slim_layer.hash_trust_store(layer, OPENSSL)
    context = trust_store.tls_verification(layer / "certifi" / "cacert.pem")
    assert isinstance(context, ssl.SSLContext)
    assert context.cert_store_stats()["x509_ca"] == 0  # nothing loaded until a handshake asks

    _handshake(context, tmp_path, "ours")
    with pytest.raises(ssl.SSLCertVerificationError):
        _handshake(context, tmp_path, "stranger")


@needs_openssl
def test_a_directory_of_another_bundle_or_half_written_is_not_used(tmp_path):
    layer = layer_with_bundle(tmp_path, [])
    bundle = layer / "certifi" / "cacert.pem"
    assert trust_store.tls_verification(bundle) is True  # no directory: httpx loads the bundle
    slim_layer.hash_trust_store(layer, OPENSSL)
    (layer / "certifi" / trust_store.CAPATH_DIR_NAME / trust_store.MARKER_NAME).unlink()
    assert trust_store.tls_verification(bundle) is True  # half-written
    slim_layer.hash_trust_store(layer, OPENSSL)
    bundle.write_text(bundle.read_text() + "\n")  # certifi updated, directory not rebuilt
    assert trust_store.tls_verification(bundle) is True


@needs_openssl
def test_the_operators_own_trust_store_wins(tmp_path, monkeypatch):
    layer = layer_with_bundle(tmp_path, [])
    slim_layer.hash_trust_store(layer, OPENSSL)
    bundle = layer / "certifi" / "cacert.pem"
    assert isinstance(trust_store.tls_verification(bundle), ssl.SSLContext)
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    assert trust_store.tls_verification(bundle) is True


def test_without_the_openssl_command_the_layer_keeps_only_its_bundle(tmp_path, monkeypatch):
    layer = layer_with_bundle(tmp_path, [])
    monkeypatch.setattr(slim_layer.shutil, "which", lambda name: None)
    assert slim_layer.hash_trust_store(layer) == 0
    assert not (layer / "certifi" / trust_store.CAPATH_DIR_NAME).exists()


def test_the_contabo_client_takes_its_verification_from_the_trust_store(monkeypatch):
    seen = []
    monkeypatch.setattr(transport, "_http", None)
    monkeypatch.setattr(trust_store, "tls_verification", lambda: seen.append("asked") or True)
    client = transport.pooled_http_client()
    try:
        assert seen == ["asked"]
    finally:
        client.close()
        monkeypatch.setattr(transport, "_http", None)


def test_an_sdk_client_is_wrapped_once_and_a_botocore_without_the_step_is_left_alone():
    from types import SimpleNamespace

    import botocore.session

    client = botocore.session.Session().create_client(
        "dynamodb", region_name="eu-central-1", aws_access_key_id="a", aws_secret_access_key="b"
    )
    trust_store.read_aws_roots_lazily(client)
    wrapped = client._endpoint.http_session._setup_ssl_cert
    assert wrapped.reads_roots_lazily
    trust_store.read_aws_roots_lazily(client)
    assert client._endpoint.http_session._setup_ssl_cert is wrapped

    elsewhere = SimpleNamespace(_endpoint=SimpleNamespace(http_session=SimpleNamespace()))
    trust_store.read_aws_roots_lazily(elsewhere)
    assert vars(elsewhere._endpoint.http_session) == {}
