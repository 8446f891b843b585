"""The TLS trust store of our HTTPS clients, read lazily: Contabo's API and sign-in, the WHMCS
API push, and the AWS SDK's connections.

httpx loads certifi's whole bundle (117 roots) into each new client's TLS context, and
botocore into the context of every new connection (urllib3 loads the CA file on each connect):
about 15 ms of CPU each time, paid by the first Contabo call and by each AWS endpoint a cold
container reaches (Secrets Manager and DynamoDB at least). ``make build`` also writes the same
roots into a directory named by OpenSSL's subject hash (scripts/slim_layer.py), from which
OpenSSL reads only the roots a handshake needs. The directory is used only when its marker
names this very bundle (written last, so a half-written directory is never used); otherwise,
and for httpx whenever SSL_CERT_FILE or SSL_CERT_DIR is set, the client's own default applies.
"""

from __future__ import annotations

import functools
import hashlib
import os
import ssl
from pathlib import Path
from typing import Any

# Beside certifi's bundle in the built layer: <layer>/certifi/capath/<hash>.<n> and the marker.
CAPATH_DIR_NAME = "capath"
MARKER_NAME = "bundle.sha256"


def bundle_digest(bundle: Path) -> str:
    return hashlib.sha256(bundle.read_bytes()).hexdigest()


def hashed_directory(bundle: Path | None = None) -> Path | None:
    """The hashed copy of ``bundle`` (certifi's by default), if complete and current."""
    if bundle is None:
        import certifi  # here: the build script imports this module without the layer's deps

        bundle = Path(certifi.where())
    directory = bundle.parent / CAPATH_DIR_NAME
    marker = directory / MARKER_NAME
    try:
        # Hashing the bundle is ~1 ms: once per container while neither file changes.
        return _matching_directory(str(bundle), _stamp(bundle), _stamp(marker))
    except OSError:
        return None


def _stamp(path: Path) -> tuple[int, int, int]:
    status = path.stat()
    return status.st_ino, status.st_mtime_ns, status.st_size


@functools.lru_cache(maxsize=8)
def _matching_directory(
    bundle: str, bundle_stamp: tuple[int, int, int], marker_stamp: tuple[int, int, int]
) -> Path | None:
    directory = Path(bundle).parent / CAPATH_DIR_NAME
    marker = (directory / MARKER_NAME).read_text().strip()
    return directory if marker == bundle_digest(Path(bundle)) else None


def tls_verification(bundle: Path | None = None) -> ssl.SSLContext | bool:
    """What to give httpx's ``verify``: a context reading the hashed directory, or True."""
    if os.environ.get("SSL_CERT_FILE") or os.environ.get("SSL_CERT_DIR"):
        return True  # the operator's own trust store, as httpx reads it
    directory = hashed_directory(bundle)
    if directory is None:
        return True
    return ssl.create_default_context(capath=str(directory))


def read_aws_roots_lazily(client: Any) -> None:
    """Has the botocore ``client``'s connections look their roots up in the hashed directory
    of the CA bundle they trust, instead of loading the whole bundle on every connect.

    botocore names the bundle on each connection pool just before using it
    (``URLLib3Session._setup_ssl_cert``; there is no setting for a directory): the pool is
    handed the directory in its place when the directory is current for that very bundle
    (certifi's, or AWS_CA_BUNDLE's should it have one), the bundle otherwise. A botocore
    without that step is left as it is."""
    http_session: Any = getattr(getattr(client, "_endpoint", None), "http_session", None)
    name_the_bundle = getattr(http_session, "_setup_ssl_cert", None)
    if name_the_bundle is None or getattr(name_the_bundle, "reads_roots_lazily", False):
        return

    # Looked up once per client and bundle, not on every request: a container's files stay put.
    directories: dict[str, Path | None] = {}

    def name_the_directory(pool: Any, url: str, verify: Any) -> None:
        name_the_bundle(pool, url, verify)
        bundle = getattr(pool, "ca_certs", None)
        if bundle:
            if bundle not in directories:
                directories[bundle] = hashed_directory(Path(bundle))
            directory = directories[bundle]
            if directory is not None:
                pool.ca_certs, pool.ca_cert_dir = None, str(directory)

    name_the_directory.reads_roots_lazily = True  # type: ignore[attr-defined]
    http_session._setup_ssl_cert = name_the_directory
