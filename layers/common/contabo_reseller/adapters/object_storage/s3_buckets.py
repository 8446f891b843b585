"""The S3 API at an object storage's s3Url (boto3), in the product's words.

Only the backend's own keys (the pool's bucket-admin user) come through here; S3 errors become
the project's errors, and no key is ever logged.
"""

from __future__ import annotations

import json
from typing import Any

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from contabo_reseller.adapters import trust_store
from contabo_reseller.domain.errors import NotFound, UpstreamUnavailable
from contabo_reseller.domain.object_storage.product import S3Keys

# Contabo's S3 serves path-style buckets only; its region name is not used for routing.
_CONFIG = Config(
    s3={"addressing_style": "path"},
    retries={"max_attempts": 3, "mode": "standard"},
    connect_timeout=5,
    read_timeout=30,
)
_MISSING = ("NoSuchBucket", "404", "NoSuchKey", "NoSuchBucketPolicy")


class S3Buckets:
    def __init__(self, endpoint: str, keys: S3Keys) -> None:
        self.requests = 0  # S3 requests made (the benchmark reports them per usage sync)
        self._s3 = boto3.client(
            "s3",
            endpoint_url=endpoint,
            aws_access_key_id=keys.access_key,
            aws_secret_access_key=keys.secret_key,
            region_name="us-east-1",
            config=_CONFIG,
        )
        trust_store.read_aws_roots_lazily(self._s3)  # Contabo's S3 endpoint is HTTPS too

    def ensure_bucket(self, bucket: str) -> None:
        try:
            self._call("create_bucket", Bucket=bucket)
        except UpstreamUnavailable as error:
            if "BucketAlreadyOwnedByYou" not in str(error.__cause__):
                raise

    def put_policy(self, bucket: str, policy: dict[str, Any]) -> None:
        self._call("put_bucket_policy", Bucket=bucket, Policy=json.dumps(policy))

    def policy(self, bucket: str) -> dict[str, Any] | None:
        try:
            answer = self._call("get_bucket_policy", Bucket=bucket)
        except NotFound:
            return None
        return json.loads(answer["Policy"])

    def bucket_names(self) -> list[str]:
        return [b["Name"] for b in self._call("list_buckets").get("Buckets", [])]

    def usage(self, bucket: str) -> tuple[int, int]:
        """(bytes, objects) in the bucket, one ListObjectsV2 page per 1,000 objects."""
        size = objects = 0
        token: str | None = None
        while True:
            page = self._call(
                "list_objects_v2", Bucket=bucket, **({"ContinuationToken": token} if token else {})
            )
            for item in page.get("Contents", []):
                size += int(item["Size"])
                objects += 1
            token = page.get("NextContinuationToken")
            if not token:
                return size, objects

    def copy_into(self, source: str, target: str, prefix: str) -> int:
        """Server-side copies of every object under ``prefix`` (CopyObject: the data never
        leaves S3)."""
        copied = 0
        for key in self._keys(source):
            self._call(
                "copy_object",
                Bucket=target,
                Key=f"{prefix}{key}",
                CopySource={"Bucket": source, "Key": key},
            )
            copied += 1
        return copied

    def delete_bucket_and_data(self, bucket: str) -> None:
        """Every object, then the bucket; a bucket already gone counts as done."""
        try:
            keys = list(self._keys(bucket))
        except NotFound:
            return
        for start in range(0, len(keys), 1000):
            chunk = [{"Key": key} for key in keys[start : start + 1000]]
            self._call("delete_objects", Bucket=bucket, Delete={"Objects": chunk, "Quiet": True})
        try:
            self._call("delete_bucket", Bucket=bucket)
        except NotFound:
            return

    def _keys(self, bucket: str) -> list[str]:
        keys: list[str] = []
        token: str | None = None
        while True:
            page = self._call(
                "list_objects_v2", Bucket=bucket, **({"ContinuationToken": token} if token else {})
            )
            keys.extend(item["Key"] for item in page.get("Contents", []))
            token = page.get("NextContinuationToken")
            if not token:
                return keys

    def _call(self, name: str, **kwargs: Any) -> dict[str, Any]:
        self.requests += 1
        try:
            return getattr(self._s3, name)(**kwargs)
        except ClientError as error:
            code = str(error.response.get("Error", {}).get("Code", ""))
            if code in _MISSING:
                raise NotFound(
                    f"The bucket {kwargs.get('Bucket')} does not exist.",
                    message_code="bucket_not_found",
                    params={"bucket": str(kwargs.get("Bucket"))},
                ) from error
            raise UpstreamUnavailable(
                f"The object storage's S3 endpoint refused {name} ({code}).",
                message_code="s3_endpoint_refused",
                params={"operation": name, "reason": code},
            ) from error
        except BotoCoreError as error:
            raise UpstreamUnavailable(
                "The object storage's S3 endpoint is not reachable.",
                message_code="s3_endpoint_unreachable",
            ) from error
