"""The simulator's S3 endpoint: what Contabo's S3 (Ceph) does about who may do what, in front
of moto's S3, which stores the buckets and objects.

Per request it
1. authenticates AWS Signature V4 (Authorization header) against the access keys the
   simulator gave its users; unknown key -> 403 InvalidAccessKeyId, bad signature -> 403
   SignatureDoesNotMatch, a disabled user -> 403 UserSuspended (Ceph's code; the spec:
   a disabled user "can't login and thus use services any longer");
2. evaluates the bucket policies it was given (PutBucketPolicy through this endpoint, checked
   and refused as RGW refuses them: bucket_policy.py) for the user's principal, Contabo's
   documented `arn:aws:iam::<s3TenantId>:user/<customerId>:<userId>` (the main user:
   `.../user/<customerId>`), Principal and NotPrincipal as RGW evaluates them. An explicit
   Deny wins; otherwise the request is allowed, because that is Contabo's default: every user
   of the account reaches every bucket (their guide "Restricting Users to Buckets" protects a
   bucket from another user only by denying that user). CopyObject is checked against the
   source bucket too;
3. forwards an allowed request unchanged to moto.

Not modelled: presigned URLs (refused), Allow statements narrowing access, Conditions
(refused at PutBucketPolicy).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import threading
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlsplit

import httpx
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from . import bucket_policy
from .state import SimState

_AUTH = re.compile(
    r"AWS4-HMAC-SHA256\s+Credential=(?P<key>[^/]+)/(?P<scope>[^,]+),\s*"
    r"SignedHeaders=(?P<headers>[^,]+),\s*Signature=(?P<signature>[0-9a-f]+)"
)
# moto needs a signed-looking request to route it to S3; it does not check signatures.
_AS_OWNER = {
    "Authorization": "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/s3/aws4_request, "
    "SignedHeaders=host, Signature=0"
}
_HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "host"}


class S3Endpoint:
    """A WSGI app; ``policies`` maps bucket name -> the policy document put on it."""

    def __init__(self, state: SimState, backend_url: str) -> None:
        self.state = state
        self.backend_url = backend_url.rstrip("/")
        self.policies: dict[str, dict[str, Any]] = {}
        self.requests = 0
        self.policy_writes: list[str] = []  # buckets, in the order their policies were put
        self._lock = threading.Lock()
        self._http = httpx.Client(timeout=60)

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        return self._handle(request, environ)(environ, start_response)

    def _handle(self, request: Request, environ: dict[str, Any]) -> Response:
        with self._lock:
            self.requests += 1
        body = request.get_data()
        raw_path = environ.get("RAW_URI") or environ.get("REQUEST_URI") or request.path
        raw_path = urlsplit(raw_path).path
        who = self._authenticate(request, raw_path)
        if isinstance(who, Response):
            return who
        user_id = who
        principal = self.state.s3_principal(user_id)
        bucket, key = _bucket_and_key(raw_path)
        for action, resource_bucket, resource in _checks(request, bucket, key):
            if self._denied(principal, action, resource_bucket, resource):
                return _error(403, "AccessDenied", "Access Denied", resource)
        if bucket and "policy" in request.args:
            return self._policy(request, bucket, body)
        forwarded = self._forward(request, raw_path, body)
        if request.method == "DELETE" and not key and forwarded.status_code < 300:
            with self._lock:
                self.policies.pop(bucket, None)
        return forwarded

    # 1. authentication -------------------------------------------------------------------

    def _authenticate(self, request: Request, raw_path: str) -> str | Response:
        match = _AUTH.match(request.headers.get("Authorization", ""))
        if match is None:
            return _error(403, "AccessDenied", "Anonymous or presigned access is not allowed")
        found = self.state.user_by_access_key(match["key"])
        if found is None:
            return _error(403, "InvalidAccessKeyId", "The access key does not exist")
        user_id, keys = found
        expected = _signature(request, raw_path, match, keys["secretKey"])
        if not hmac.compare_digest(expected, match["signature"]):
            return _error(403, "SignatureDoesNotMatch", "The request signature does not match")
        with self.state.lock:
            user = self.state.users.get(user_id)
            enabled = bool(user and user["enabled"])
        if not enabled:
            return _error(403, "UserSuspended", "The user is disabled")
        return user_id

    # 2. bucket policies ------------------------------------------------------------------

    def _denied(self, principal: str, action: str, bucket: str, resource: str) -> bool:
        with self._lock:
            policy = self.policies.get(bucket)
        return bool(policy) and bucket_policy.denies(policy, principal, action, resource)

    def _policy(self, request: Request, bucket: str, body: bytes) -> Response:
        """Bucket policies are kept here, where they are enforced (moto stores data only)."""
        exists = self._http.head(f"{self.backend_url}/{quote(bucket)}", headers=_AS_OWNER)
        if exists.status_code == 404:
            return _error(404, "NoSuchBucket", "The specified bucket does not exist", bucket)
        with self._lock:
            if request.method == "PUT":
                try:
                    self.policies[bucket] = bucket_policy.parse(body)
                    self.policy_writes.append(bucket)
                except bucket_policy.MalformedPolicy as error:
                    return _error(400, "MalformedPolicy", str(error))
                except bucket_policy.ConditionsNotModelled as error:
                    return _error(501, "NotImplemented", str(error))
                return Response(status=204)
            if request.method == "DELETE":
                self.policies.pop(bucket, None)
                return Response(status=204)
            policy = self.policies.get(bucket)
        if policy is None:
            return _error(404, "NoSuchBucketPolicy", "The bucket policy does not exist", bucket)
        return Response(json.dumps(policy), content_type="application/json")

    # 3. forwarding -----------------------------------------------------------------------

    def _forward(self, request: Request, raw_path: str, body: bytes) -> Response:
        query = request.query_string.decode()
        url = f"{self.backend_url}{raw_path}" + (f"?{query}" if query else "")
        headers = {k: v for k, v in request.headers.items() if k.lower() not in _HOP_BY_HOP}
        answer = self._http.request(request.method, url, headers=headers, content=body)
        kept = [(k, v) for k, v in answer.headers.items() if k.lower() not in _HOP_BY_HOP]
        kept = [(k, v) for k, v in kept if k.lower() != "content-encoding"]
        reply = Response(answer.content, status=answer.status_code, headers=kept)
        if request.method == "HEAD" and "content-length" in answer.headers:
            reply.headers["Content-Length"] = answer.headers["content-length"]
        return reply


class RunningS3Endpoint:
    def __init__(self, state: SimState, host: str, port: int, backend_url: str) -> None:
        self.app = S3Endpoint(state, backend_url)
        self._server = make_server(host, port, self.app, threaded=True)
        self.url = f"http://{host}:{self._server.server_port}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="contabo-sim-s3", daemon=True
        )

    def start(self) -> RunningS3Endpoint:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


# Which actions a request needs -------------------------------------------------------------


def _checks(request: Request, bucket: str, key: str) -> list[tuple[str, str, str]]:
    """(action, bucket whose policy applies, resource ARN) for every permission needed."""
    if not bucket:
        return []  # ListBuckets: every user of the account sees every bucket name
    method, args = request.method, request.args
    object_arn = f"arn:aws:s3:::{bucket}/{key}"
    bucket_arn = f"arn:aws:s3:::{bucket}"
    if "policy" in args:
        name = {"PUT": "PutBucketPolicy", "DELETE": "DeleteBucketPolicy"}.get(method, "Get")
        return [(f"s3:{name}" if name != "Get" else "s3:GetBucketPolicy", bucket, bucket_arn)]
    if not key:
        if method == "POST" and "delete" in args:
            return [("s3:DeleteObject", bucket, f"{bucket_arn}/*")]
        action = {"PUT": "s3:CreateBucket", "DELETE": "s3:DeleteBucket"}.get(
            method, "s3:ListBucket"
        )
        return [(action, bucket, bucket_arn)]
    if method in ("GET", "HEAD"):
        return [("s3:GetObject", bucket, object_arn)]
    if method == "DELETE":
        action = "s3:AbortMultipartUpload" if "uploadId" in args else "s3:DeleteObject"
        return [(action, bucket, object_arn)]
    checks = [("s3:PutObject", bucket, object_arn)]
    source = request.headers.get("x-amz-copy-source")
    if method == "PUT" and source:
        source_bucket, _, source_key = unquote(source).lstrip("/").partition("/")
        source_key = source_key.split("?", 1)[0]
        checks.append(("s3:GetObject", source_bucket, f"arn:aws:s3:::{source_bucket}/{source_key}"))
    return checks


def _bucket_and_key(raw_path: str) -> tuple[str, str]:
    """Path-style addressing only, as Contabo's S3 (virtual-hosted buckets unsupported)."""
    bucket, _, key = raw_path.lstrip("/").partition("/")
    return unquote(bucket), unquote(key)


# Signature V4 --------------------------------------------------------------------------------


def _signature(request: Request, raw_path: str, auth: re.Match[str], secret_key: str) -> str:
    signed = auth["headers"].split(";")
    headers = "".join(
        f"{name}:{' '.join(request.headers.get(name, '').split())}\n" for name in signed
    )
    pairs = parse_qsl(request.query_string.decode(), keep_blank_values=True)
    query = "&".join(f"{quote(k, safe='-_.~')}={quote(v, safe='-_.~')}" for k, v in sorted(pairs))
    payload = (
        request.headers.get("x-amz-content-sha256")
        or hashlib.sha256(request.get_data()).hexdigest()
    )
    canonical = "\n".join(
        [request.method, raw_path or "/", query, headers, auth["headers"], payload]
    )
    scope = auth["scope"]
    date, region, service, _ = scope.split("/")
    to_sign = "\n".join(
        [
            "AWS4-HMAC-SHA256",
            request.headers.get("x-amz-date", ""),
            scope,
            hashlib.sha256(canonical.encode()).hexdigest(),
        ]
    )
    key = ("AWS4" + secret_key).encode()
    for part in (date, region, service, "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    return hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()


def _error(status: int, code: str, message: str, resource: str = "") -> Response:
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f"<Error><Code>{code}</Code><Message>{message}</Message>"
        f"<Resource>{resource}</Resource></Error>"
    )
    return Response(body, status=status, content_type="application/xml")
