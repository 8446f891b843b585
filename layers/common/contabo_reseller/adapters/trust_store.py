"""The TLS trust store of our HTTPS clients (Contabo's API and sign-in), read lazily.

httpx loads certifi's whole bundle (117 roots) into each new client's TLS context: about 15 ms
of CPU, paid by the first Contabo call of every cold container. ``make build`` also writes
the same roots into a directory named by OpenSSL's subject hash (scripts/slim_layer.py), from
which OpenSSL reads only the roots a handshake needs. The directory is used only when its
marker names this very bundle (written last, so a half-written directory is never used);
otherwise, and whenever SSL_CERT_FILE or SSL_CERT_DIR is set, httpx's own default applies.
"""

from __future__ import annotations

import hashlib
import os
import ssl
from pathlib import Path

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
    try:
        marker = (directory / MARKER_NAME).read_text().strip()
    except OSError:
        return None
    return directory if marker == bundle_digest(bundle) else None


def tls_verification(bundle: Path | None = None) -> ssl.SSLContext | bool:
    """What to give httpx's ``verify``: a context reading the hashed directory, or True."""
    if os.environ.get("SSL_CERT_FILE") or os.environ.get("SSL_CERT_DIR"):
        return True  # the operator's own trust store, as httpx reads it
    directory = hashed_directory(bundle)
    if directory is None:
        return True
    return ssl.create_default_context(capath=str(directory))
