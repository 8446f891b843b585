"""Cross-tenant: object storage customers sharing pools, each attacking every other.

Every S3 operation a customer's keys can send is tried on every other customer's bucket, and
every object storage route in docs/openapi.json is called for every service, checking that no
answer ever carries another customer's bucket or keys. Successes against another customer: 0.
The number of customers follows CHAOS_RUNS (two regions, so pools in different locations are
attacked too: a user's keys open every location).
"""

from __future__ import annotations

import itertools
import json
from collections import Counter
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from local.stack.template import REPO_ROOT
from tests.chaos.conftest import RUNS, new_service_id, record_figures
from tests.integration.object_storage.conftest import (
    clear_account,
    settle,
    storage_order,
)

pytestmark = pytest.mark.slow

OPENAPI = json.loads(Path(REPO_ROOT, "docs", "openapi.json").read_text())
CUSTOMERS = max(3, min(RUNS // 20, 12))
REGIONS = ("EU", "SIN")


def _customers(stack, whmcs, sim) -> list[dict[str, Any]]:
    clear_account(stack)
    made = []
    for n in range(CUSTOMERS):
        sid = new_service_id()
        body = storage_order(region=REGIONS[n % len(REGIONS)], client_id=str(100 + n))
        assert whmcs.request("POST", f"/services/{sid}/object-storage", body).status_code == 202
        made.append(sid)
    for sid in made:
        settle(stack, whmcs, sid, "provisioning", "active")
    sim.post("/clock/advance", json={"seconds": 120})
    customers = []
    for sid in made:
        settle(stack, whmcs, sid, "active")
        keys = whmcs.request("GET", f"/services/{sid}/object-storage/credentials").json()
        s3 = boto3.client(
            "s3",
            endpoint_url=keys["endpoint"],
            aws_access_key_id=keys["access_key"],
            aws_secret_access_key=keys["secret_key"],
            region_name="us-east-1",
            config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1}),
        )
        s3.put_object(Bucket=keys["bucket"], Key="private.txt", Body=sid.encode())
        customers.append({"sid": sid, "keys": keys, "s3": s3})
    return customers


def _attacks(s3: Any, bucket: str, own_bucket: str) -> dict[str, Any]:
    return {
        "ListObjectsV2": lambda: s3.list_objects_v2(Bucket=bucket),
        "ListObjects": lambda: s3.list_objects(Bucket=bucket),
        "HeadBucket": lambda: s3.head_bucket(Bucket=bucket),
        "GetObject": lambda: s3.get_object(Bucket=bucket, Key="private.txt"),
        "HeadObject": lambda: s3.head_object(Bucket=bucket, Key="private.txt"),
        "PutObject": lambda: s3.put_object(Bucket=bucket, Key="planted", Body=b"x"),
        "CopyObject in": lambda: s3.copy_object(
            Bucket=bucket, Key="planted", CopySource={"Bucket": own_bucket, "Key": "private.txt"}
        ),
        "CopyObject out": lambda: s3.copy_object(
            Bucket=own_bucket, Key="stolen", CopySource={"Bucket": bucket, "Key": "private.txt"}
        ),
        "CreateMultipartUpload": lambda: s3.create_multipart_upload(Bucket=bucket, Key="m"),
        "DeleteObject": lambda: s3.delete_object(Bucket=bucket, Key="private.txt"),
        "DeleteObjects": lambda: s3.delete_objects(
            Bucket=bucket, Delete={"Objects": [{"Key": "private.txt"}]}
        ),
        "GetBucketPolicy": lambda: s3.get_bucket_policy(Bucket=bucket),
        "PutBucketPolicy": lambda: s3.put_bucket_policy(Bucket=bucket, Policy="{}"),
        "DeleteBucketPolicy": lambda: s3.delete_bucket_policy(Bucket=bucket),
        "DeleteBucket": lambda: s3.delete_bucket(Bucket=bucket),
    }


def _object_storage_routes() -> list[tuple[str, str]]:
    return [
        (method.upper(), path)
        for path, operations in OPENAPI["paths"].items()
        if "/object-storage" in path
        for method in operations
    ]


def test_no_customer_reaches_another_customers_bucket_or_keys(stack, whmcs, sim):
    customers = _customers(stack, whmcs, sim)
    tally: Counter[str] = Counter()
    successes: list[str] = []
    for attacker, victim in itertools.permutations(customers, 2):
        own, theirs = attacker["keys"]["bucket"], victim["keys"]["bucket"]
        for name, attack in _attacks(attacker["s3"], theirs, own).items():
            tally["s3 attempts"] += 1
            try:
                attack()
            except ClientError:
                continue
            successes.append(f"{attacker['sid']} -> {victim['sid']}: {name}")
    secrets_of = {c["sid"]: (c["keys"]["bucket"], c["keys"]["secret_key"]) for c in customers}
    for customer in customers:
        for method, path in _object_storage_routes():
            if method != "GET":
                continue  # reads: a write route changes only the caller's own service
            answer = whmcs.request(method, path.replace("{serviceId}", customer["sid"]))
            tally["route reads"] += 1
            for other, (bucket, secret) in secrets_of.items():
                if other != customer["sid"] and (bucket in answer.text or secret in answer.text):
                    successes.append(f"{path} for {customer['sid']} shows {other}'s bucket/keys")
    for victim in customers:  # every victim's data is still there, unchanged
        body = victim["s3"].get_object(Bucket=victim["keys"]["bucket"], Key="private.txt")
        assert body["Body"].read() == victim["sid"].encode()
    clear_account(stack)
    record_figures(
        f"object storage cross-tenant: {CUSTOMERS} customers, {tally['s3 attempts']} S3 attacks, "
        f"{tally['route reads']} route reads, {len(successes)} successes"
    )
    assert successes == []
