"""make build keeps botocore's models and endpoint entries only for the services the
functions use, and those services resolve their endpoints exactly as with the full botocore."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path

import botocore
import pytest

from contabo_reseller.adapters.aws_services import LAYER_AWS_SERVICES
from scripts import slim_layer

FULL_BOTOCORE = Path(botocore.__file__).parent


def _built_layer(tmp_path: Path, services: set[str]) -> Path:
    data = tmp_path / "python" / "botocore" / "data"
    for service in services:
        (data / service / "2012-08-10").mkdir(parents=True)
        with gzip.open(data / service / "2012-08-10" / "service-2.json.gz", "wt") as model:
            json.dump({"metadata": {"endpointPrefix": f"prefix-of-{service}"}}, model)
    endpoint_table = {
        "version": 3,
        "partitions": [
            {
                "partition": "aws",
                "services": {f"prefix-of-{service}": {"endpoints": {}} for service in services},
            }
        ],
    }
    (data / "endpoints.json").write_text(json.dumps(endpoint_table))
    (data / "partitions.json").write_text("{}")  # shared data botocore needs for every client
    return tmp_path / "python"


def test_only_the_kept_services_and_the_shared_files_stay(tmp_path):
    layer = _built_layer(tmp_path, {*LAYER_AWS_SERVICES, "ec2", "sagemaker"})
    removed = slim_layer.slim(layer)
    data = layer / "botocore" / "data"
    assert removed == ["ec2", "sagemaker"]
    assert {p.name for p in data.iterdir() if p.is_dir()} == LAYER_AWS_SERVICES
    assert (data / "partitions.json").exists()
    assert (data / "dynamodb" / "2012-08-10" / "service-2.json.gz").exists()
    services = json.loads((data / "endpoints.json").read_text())["partitions"][0]["services"]
    assert set(services) == {f"prefix-of-{service}" for service in LAYER_AWS_SERVICES}


def test_a_kept_service_botocore_lacks_fails_the_build_and_removes_nothing(tmp_path):
    layer = _built_layer(tmp_path, {*(LAYER_AWS_SERVICES - {"dynamodb"}), "ec2"})
    with pytest.raises(SystemExit, match="no models for dynamodb"):
        slim_layer.slim(layer)
    assert (layer / "botocore" / "data" / "ec2").is_dir()


_ENDPOINTS = """
import json, sys
sys.path.insert(0, sys.argv[1])
import botocore.session
assert botocore.__file__.startswith(sys.argv[1]), botocore.__file__
session = botocore.session.get_session()
seen = {}
for service in sorted(json.loads(sys.argv[2])):
    for region in ("eu-central-1", "us-east-1", "ap-southeast-2", "cn-north-1", "us-gov-west-1"):
        client = session.create_client(
            service, region_name=region, aws_access_key_id="a", aws_secret_access_key="b"
        )
        signer = client._request_signer
        seen[f"{service} {region}"] = [
            client._endpoint.host,
            client.meta.region_name,
            client.meta.partition,
            signer.signing_name,
            signer.region_name,
            signer.signature_version,
        ]
print(json.dumps(seen))
"""


def _endpoints(botocore_parent: Path) -> dict[str, list[str]]:
    answer = subprocess.run(  # noqa: S603 - our interpreter, our script
        [
            sys.executable,
            "-c",
            _ENDPOINTS,
            str(botocore_parent),
            json.dumps(sorted(LAYER_AWS_SERVICES)),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    endpoints: dict[str, list[str]] = json.loads(answer.stdout)
    return endpoints


def test_the_kept_services_resolve_as_with_the_full_botocore(tmp_path):
    """The pinned botocore, slimmed as make build slims it: every kept service's client gets
    the same endpoint, region and partition in AWS's commercial, China and GovCloud regions."""
    layer = tmp_path / "python"
    kept_data = {"data", *LAYER_AWS_SERVICES}
    shutil.copytree(
        FULL_BOTOCORE,
        layer / "botocore",
        ignore=lambda folder, names: [
            name
            for name in names
            if name == "__pycache__"
            or (
                Path(folder).name == "data"
                and (Path(folder) / name).is_dir()
                and name not in kept_data
            )
        ],
    )
    slim_layer.slim(layer)
    assert len((layer / "botocore" / "data" / "endpoints.json").read_bytes()) < 200_000
    assert _endpoints(layer) == _endpoints(FULL_BOTOCORE.parent)
