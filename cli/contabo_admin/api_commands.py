"""Commands that go through the signed admin API, as the addon does: any call (``api``),
guardrails, pricing, import, the action queue's jobs, schedules and reports.

Requests are signed with one of the stack's WHMCS signing keys (read from its secret, never
printed); mutations carry a fresh X-Idempotency-Key, so a retried command is not applied twice
only when the operator reuses ``--idempotency-key``.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from cli.contabo_admin import output
from cli.contabo_admin.commands import signing_keys
from cli.contabo_admin.target import CliError, Target
from local.signed_client import SignedClient

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


@dataclass(frozen=True)
class Answer:
    status: int
    body: Any

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


def call(
    target: Target,
    method: str,
    path: str,
    body: Any = None,
    idempotency_key: str | None = None,
) -> Answer:
    """One signed request to the stack's API; the answer's JSON (or text)."""
    if not target.api_url:
        raise CliError(f"{target.description} has no ApiUrl output")
    method = method.upper()
    if method not in METHODS:
        raise CliError(f"{method}: use one of {', '.join(METHODS)}")
    if not path.startswith("/"):
        path = "/" + path
    keys = signing_keys(target)
    key_id = sorted(keys)[0]
    client = SignedClient(target.api_url, key_id, keys[key_id], timeout=60)
    if method != "GET" and idempotency_key is None:
        idempotency_key = str(uuid.uuid4())
    try:
        response = client.request(method, path, body, idempotency_key=idempotency_key)
    except Exception as error:  # httpx's transport errors: the API did not answer
        raise CliError(f"{target.api_url} did not answer: {type(error).__name__}") from None
    finally:
        client.close()
    try:
        answer: Any = response.json()
    except ValueError:
        answer = response.text
    return Answer(response.status_code, answer)


def parse_data(text: str | None) -> Any:
    """``--data``: JSON text, or ``@file`` holding JSON."""
    if text is None:
        return None
    if text.startswith("@"):
        try:
            text = Path(text[1:]).read_text()
        except OSError as error:
            raise CliError(f"cannot read {text[1:]}: {error.strerror}") from None
    try:
        return json.loads(text)
    except ValueError as error:
        raise CliError(f"--data is not JSON: {error}") from None


def api(
    target: Target,
    method: str,
    path: str,
    data: str | None,
    idempotency_key: str | None,
    as_json: bool,
    out: TextIO,
    notes: TextIO,
) -> int:
    """``admin api METHOD PATH [--data JSON]``: any route, signed."""
    answer = call(target, method, path, parse_data(data), idempotency_key)
    return show(answer, f"{method.upper()} {path}", as_json, out, notes)


def show(answer: Answer, what: str, as_json: bool, out: TextIO, notes: TextIO) -> int:
    """The answer on ``out``; a refusal's message on ``notes`` (exit 1)."""
    if not answer.ok:
        if as_json:
            output.write_json(out, answer.body)
        notes.write(f"{what} answered {answer.status}: {_message(answer.body)}\n")
        return 1
    if as_json:
        output.write_json(out, answer.body)
    else:
        output.write_answer(out, answer.body)
    return 0


# ---------------------------------------------------------------- guardrails


def guardrails_show(target: Target, product: str, as_json: bool, out: TextIO, n: TextIO) -> int:
    path = f"/admin/products/{product}/guardrails"
    return show(call(target, "GET", path), f"GET {path}", as_json, out, n)


def guardrails_set(
    target: Target, product: str, settings: list[str], as_json: bool, out: TextIO, n: TextIO
) -> int:
    """Changes the named settings (name=value, value as JSON: true, 3) and keeps the others."""
    path = f"/admin/products/{product}/guardrails"
    current = call(target, "GET", path)
    if not current.ok:
        return show(current, f"GET {path}", as_json, out, n)
    body = {**(current.body or {}), **_assignments(settings)}
    return show(call(target, "PUT", path, body), f"PUT {path}", as_json, out, n)


def _assignments(settings: list[str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for setting in settings:
        name, equals, raw = setting.partition("=")
        if not equals or not name:
            raise CliError(f"{setting!r}: write name=value, e.g. allow_rescue=false")
        try:
            values[name.strip()] = json.loads(raw)
        except ValueError:
            values[name.strip()] = raw
    return values


def _message(body: Any) -> str:
    if isinstance(body, dict):
        error = body.get("error")
        if isinstance(error, dict) and error.get("message"):
            return str(error["message"])
        if body.get("message"):
            return str(body["message"])
    return output.cell(body, limit=300)
