"""A stand-in for a WHMCS install's API endpoint (``/includes/api.php``), served while the local
stack's WhmcsApiSecret points at it."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

import boto3

from local.stack.runner import RunningStack

API_IDENTIFIER = "whmcs-api-identifier-D4j1dKYE"
API_SECRET = "whmcs-api-secret-F1CKGXRIpylMfsrig3mw"
API_ACCESS_KEY = "whmcs-access-key-9d8c7b6a"


@dataclass
class FakeWhmcsApi:
    url: str = ""
    posts: list[dict[str, str]] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    content_types: list[str] = field(default_factory=list)
    status: int = 200
    body: str = json.dumps({"result": "success", "serviceid": 0})
    # GetClientsProducts answers from here (service id -> client id; others are client 7's)
    # and is kept apart from ``posts``, the writes.
    clients: dict[str, str] = field(default_factory=dict)
    lookups: list[str] = field(default_factory=list)

    def answer(self, status: int, body: Any) -> None:
        self.status = status
        self.body = body if isinstance(body, str) else json.dumps(body)


def _handler(api: FakeWhmcsApi) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
            parsed = parse_qs(raw, keep_blank_values=True)
            fields = {name: values[-1] for name, values in parsed.items()}
            if fields.get("action") == "GetClientsProducts":
                api.lookups.append(fields["serviceid"])
                client = api.clients.get(fields["serviceid"], "7")
                product = {"id": fields["serviceid"], "clientid": client}
                self._send(
                    200, json.dumps({"result": "success", "products": {"product": [product]}})
                )
                return
            api.paths.append(self.path)
            api.content_types.append(self.headers.get("Content-Type", ""))
            api.posts.append(fields)
            self._send(api.status, api.body)

        def _send(self, status: int, text: str) -> None:
            body = text.encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
            return

    return Handler


def configure_whmcs_api(stack: RunningStack, credentials: dict[str, str]) -> None:
    """Writes the WhmcsApiSecret in the stack's moto and drops every cached secret."""
    from aws_lambda_powertools.utilities import parameters

    boto3.client("secretsmanager").put_secret_value(
        SecretId=stack.names.physical("WhmcsApiSecret"), SecretString=json.dumps(credentials)
    )
    parameters.clear_caches()


@contextmanager
def fake_whmcs_api(stack: RunningStack) -> Iterator[FakeWhmcsApi]:
    """Serves a fake WHMCS API and configures the stack to push to it, until the block ends."""
    api = FakeWhmcsApi()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(api))
    threading.Thread(target=server.serve_forever, name="fake-whmcs-api", daemon=True).start()
    api.url = f"http://127.0.0.1:{server.server_address[1]}/billing/"
    configure_whmcs_api(
        stack,
        {
            "url": api.url,
            "identifier": API_IDENTIFIER,
            "secret": API_SECRET,
            "access_key": API_ACCESS_KEY,
        },
    )
    try:
        yield api
    finally:
        configure_whmcs_api(stack, {"url": "", "identifier": "", "secret": ""})
        server.shutdown()
        server.server_close()
