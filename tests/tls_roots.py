"""Test roots for the TLS trust store tests: a certificate authority made with the openssl
command, and a built layer whose certifi bundle also trusts it (adapters/trust_store.py)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import certifi
import pytest

OPENSSL = shutil.which("openssl")
needs_openssl = pytest.mark.skipif(OPENSSL is None, reason="the openssl command computes hashes")


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run([OPENSSL or "openssl", *args], cwd=cwd, check=True, capture_output=True)  # noqa: S603


def certificate_authority(folder: Path, name: str) -> None:
    """A root and a localhost server certificate it signed: <name>-root.pem, <name>-server.*"""
    _openssl(
        "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
        "-subj", f"/CN={name} Test Root", "-keyout", f"{name}-root.key", "-out", f"{name}-root.pem",
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign",
        cwd=folder,
    )  # fmt: skip
    _openssl(
        "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
        "-keyout", f"{name}-server.key", "-out", f"{name}-server.csr", cwd=folder,
    )  # fmt: skip
    (folder / "san.ext").write_text("subjectAltName=DNS:localhost\n")
    _openssl(
        "x509", "-req", "-in", f"{name}-server.csr", "-CA", f"{name}-root.pem",
        "-CAkey", f"{name}-root.key", "-CAcreateserial", "-days", "2", "-extfile", "san.ext",
        "-out", f"{name}-server.pem", cwd=folder,
    )  # fmt: skip


def layer_with_bundle(folder: Path, roots: list[Path]) -> Path:
    """A built layer whose certifi bundle is certifi's own roots plus ``roots``."""
    layer = folder / "python"
    (layer / "certifi").mkdir(parents=True)
    bundle = Path(certifi.where()).read_text()
    for root in roots:
        bundle += "\n" + root.read_text()
    (layer / "certifi" / "cacert.pem").write_text(bundle)
    return layer
