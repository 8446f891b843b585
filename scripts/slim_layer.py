"""``make build`` (after ``sam build``): keep in the built layer only the botocore models of
the services the functions use (contabo_reseller/adapters/aws_services.py), and only their
entries in botocore's endpoint table.

botocore reads its whole endpoint table (``endpoints.json``, 1.2 MB, every service in every
partition) when it makes a container's first client: about 19 ms of CPU on every cold start.
The kept services keep their entries word for word, so their endpoints resolve as before
(tests/unit/scripts/test_slim_layer.py compares them with the full botocore's).

It also writes certifi's roots into a directory named by OpenSSL's subject hash, which the
Contabo client's TLS context and the AWS SDK's connections read lazily
(contabo_reseller/adapters/trust_store.py): about 15 ms of CPU less on the first Contabo call
and on every new AWS connection of a container. It needs the ``openssl`` command; without it
the layer keeps only the bundle and the clients load it whole, as before.

Usage: python scripts/slim_layer.py .aws-sam/build/CommonLayer/python
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "layers" / "common"))

from contabo_reseller.adapters.aws_services import LAYER_AWS_SERVICES
from contabo_reseller.adapters.trust_store import CAPATH_DIR_NAME, MARKER_NAME, bundle_digest

_PEM = re.compile(r"-----BEGIN CERTIFICATE-----\n.*?\n-----END CERTIFICATE-----", re.S)


def slim(layer: Path, keep: frozenset[str] = LAYER_AWS_SERVICES) -> list[str]:
    """Removes the model directory of every service not in ``keep``; returns their names.
    Fails, removing nothing, when a kept service has no models (a renamed service would
    otherwise break its clients only once deployed)."""
    data = layer / "botocore" / "data"
    if not data.is_dir():
        raise SystemExit(f"{data} is not a directory: is {layer} the built layer's python/ folder?")
    services = {entry.name for entry in data.iterdir() if entry.is_dir()}
    missing = sorted(keep - services)
    if missing:
        raise SystemExit(f"botocore in {layer} has no models for {', '.join(missing)}")
    removed = sorted(services - keep)
    for name in removed:
        shutil.rmtree(data / name)
    _trim_endpoint_table(data, keep)
    return removed


def _trim_endpoint_table(data: Path, keep: frozenset[str]) -> None:
    """Keeps each partition's entries for the kept services (keyed by endpoint prefix, which
    is not always the service's name: sso's is ``portal.sso``)."""
    table_path = data / "endpoints.json"
    if not table_path.exists():
        return
    prefixes = {_endpoint_prefix(data / service) for service in keep} | set(keep)
    table = json.loads(table_path.read_text())
    for partition in table["partitions"]:
        partition["services"] = {
            name: entry for name, entry in partition["services"].items() if name in prefixes
        }
    table_path.write_text(json.dumps(table, separators=(",", ":")))


def _endpoint_prefix(service_dir: Path) -> str:
    newest = max(version for version in service_dir.iterdir() if version.is_dir())
    for name, read in (("service-2.json.gz", gzip.open), ("service-2.json", open)):
        if (newest / name).exists():
            with read(newest / name, "rt") as model:
                return str(json.load(model)["metadata"]["endpointPrefix"])
    return service_dir.name


def hash_trust_store(layer: Path, openssl: str | None = None) -> int:
    """Writes each root of the layer's certifi bundle to ``certifi/capath/<subject hash>.<n>``
    (plain files: a zip may not keep symlinks), then the marker naming the bundle; returns
    how many roots, 0 when no ``openssl rehash`` (OpenSSL 1.1+) can compute the hashes."""
    openssl = openssl or shutil.which("openssl")
    bundle = layer / "certifi" / "cacert.pem"
    if openssl is None or not bundle.exists():
        return 0
    directory = bundle.parent / CAPATH_DIR_NAME
    shutil.rmtree(directory, ignore_errors=True)
    roots = _PEM.findall(bundle.read_text())
    with tempfile.TemporaryDirectory() as scratch:
        for number, root in enumerate(roots):
            (Path(scratch) / f"{number}.pem").write_text(root + "\n")
        try:
            subprocess.run(  # noqa: S603 - the openssl command, fixed arguments
                [openssl, "rehash", scratch], capture_output=True, check=True
            )
        except (OSError, subprocess.CalledProcessError):
            return 0
        hashed = [link for link in Path(scratch).iterdir() if link.is_symlink()]
        directory.mkdir()
        for link in hashed:
            (directory / link.name).write_text(link.resolve().read_text())
    (directory / MARKER_NAME).write_text(bundle_digest(bundle))  # last: the directory is whole
    return len(hashed)


def _size(path: Path) -> int:
    return sum(entry.stat().st_size for entry in path.rglob("*") if entry.is_file())


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    layer = Path(argv[0])
    before = _size(layer)
    removed = slim(layer)
    roots = hash_trust_store(layer)
    after = _size(layer)
    print(
        f"slim_layer: kept the models of {len(LAYER_AWS_SERVICES)} AWS services, removed "
        f"{len(removed)}; layer {before / 1e6:.0f} MB -> {after / 1e6:.0f} MB; "
        + (
            f"{roots} TLS roots hashed for lazy loading"
            if roots
            else "no openssl command: the TLS roots stay a bundle, loaded whole"
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
