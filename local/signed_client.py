"""A signed HTTP client for the lifecycle API, as WHMCS's module signs (docs/lifecycle-api.md).

Used by the tests, the benchmarks and operator scripts against the local or a deployed stack.
"""

from __future__ import annotations

import json
import secrets
import time
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx

from contabo_reseller.domain import signing


class SignedClient:
    def __init__(self, api_url: str, key_id: str, secret: str, timeout: float = 30.0) -> None:
        self.api_url = api_url.rstrip("/")
        self.key_id = key_id
        self.secret = secret
        self._http = httpx.Client(timeout=timeout)
        self._route_prefix = urlsplit(self.api_url).path  # e.g. /Prod: signed (version 2)
        self._host = urlsplit(self.api_url).netloc

    def request(
        self,
        method: str,
        path: str,
        body: dict[str, Any] | None = None,
        *,
        idempotency_key: str | None = None,
        headers: dict[str, str] | None = None,
        timestamp: int | None = None,
        nonce: str | None = None,
    ) -> httpx.Response:
        raw = json.dumps(body).encode() if body is not None else b""
        route, _, query = path.partition("?")
        all_headers = self.signature_headers(method, route, query, raw, timestamp, nonce)
        if body is not None:
            all_headers["Content-Type"] = "application/json"
        if idempotency_key:
            all_headers["X-Idempotency-Key"] = idempotency_key
        all_headers.update(headers or {})
        return self._http.request(method, self.api_url + path, content=raw, headers=all_headers)

    def signature_headers(
        self,
        method: str,
        route: str,
        query: str,
        body: bytes,
        timestamp: int | None = None,
        nonce: str | None = None,
    ) -> dict[str, str]:
        stamp = str(timestamp if timestamp is not None else int(time.time()))
        nonce = nonce or secrets.token_hex(16)
        canonical = signing.canonical_string_v2(
            self._host,
            method,
            self._route_prefix + route,
            parse_qs(query, keep_blank_values=True),
            stamp,
            nonce,
            body,
        )
        return {
            "X-Whmcs-Signature-Version": signing.CURRENT_VERSION,
            "X-Whmcs-Key-Id": self.key_id,
            "X-Whmcs-Timestamp": stamp,
            "X-Whmcs-Nonce": nonce,
            "X-Whmcs-Signature": signing.sign(self.secret, canonical),
        }

    def close(self) -> None:
        self._http.close()
