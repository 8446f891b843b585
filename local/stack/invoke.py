"""``make invoke FN=<function> [EVENT=file]``: run one function's handler on the running
``make dev`` with a sample event from events/, signed afresh.

FN is a code folder (``create_service``), a logical id (``CreateServiceFunction``) or a job's
short name (``provisioning``). Without EVENT, the function's first sample is used (the others
are listed). API events get a new timestamp, nonce, signature (the stack's signing key from
stack.json) and, for changes, a new X-Idempotency-Key; scheduled events a new time. The event
goes to the stack through Lambda's Invoke API, so the handler runs inside ``make dev`` with
its tables, secrets and simulator. Exits 1 when the handler fails or answers 5xx.
"""

from __future__ import annotations

import base64
import json
import os
import sys
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import boto3
from botocore.config import Config

from local.events import EVENTS_DIR, expected_events
from local.stack.jobs import UnknownJob, resolve_job
from local.stack.runner import STATE_FILE_NAME
from local.stack.template import REPO_ROOT

SIGNATURE_HEADERS = ("X-Whmcs-Key-Id", "X-Whmcs-Timestamp", "X-Whmcs-Nonce", "X-Whmcs-Signature")


class InvokeError(Exception):
    """Something the developer can fix; printed without a traceback."""


def main(argv: list[str], state_dir: Path | None = None) -> int:
    if not 1 <= len(argv) <= 2:
        print(
            "usage: make invoke FN=<function> [EVENT=events/<folder>/<Event>.json]", file=sys.stderr
        )
        return 2
    try:
        function_id, event_file = choose(argv[0], argv[1] if len(argv) == 2 else None)
        state = _state(state_dir)
        event = refresh(json.loads(event_file.read_text()), state)
        shown = (
            event_file.relative_to(REPO_ROOT)
            if event_file.is_relative_to(REPO_ROOT)
            else event_file
        )
        print(f"{function_id} <- {shown}", file=sys.stderr)
        failed, result = invoke(state, function_id, event)
    except InvokeError as error:
        print(f"make invoke: {error}", file=sys.stderr)
        return 1
    return report(result, failed)


def choose(name: str, event: str | None) -> tuple[str, Path]:
    """The function's logical id and the event file to send it."""
    samples = expected_events()
    wanted = _normalized(name)
    by_function = {
        sample.function_id: sample
        for sample in samples
        if wanted in {_normalized(sample.function_id), _normalized(sample.folder)}
        or wanted == _normalized(sample.function_id.removesuffix("Function"))
    }
    if not by_function:
        try:
            function_id = resolve_job(name).function_id
        except UnknownJob:
            folders = sorted({sample.folder for sample in samples})
            raise InvokeError(
                f"no function {name!r}; the functions are: {', '.join(folders)}"
            ) from None
    else:
        (function_id,) = by_function
    if event is not None:
        path = Path(event)
        if not path.is_absolute() and not path.exists():
            path = REPO_ROOT / event
        if not path.exists():
            raise InvokeError(f"no event file {event}")
        return function_id, path
    folder = next(s.folder for s in samples if s.function_id == function_id)
    files = sorted((EVENTS_DIR / folder).glob("*.json"))
    if not files:
        raise InvokeError(f"no sample event in events/{folder}/: run `make events`")
    if len(files) > 1:
        others = ", ".join(str(f.relative_to(REPO_ROOT)) for f in files[1:])
        print(f"using {files[0].relative_to(REPO_ROOT)} (others: EVENT={others})", file=sys.stderr)
    return function_id, files[0]


def refresh(event: dict[str, Any], state: dict[str, Any]) -> dict[str, Any]:
    """A stored event made current: signed now (API) or stamped now (schedule)."""
    now = datetime.now(UTC)
    if "httpMethod" not in event:
        if "time" in event:
            event["time"] = now.strftime("%Y-%m-%dT%H:%M:%SZ")
        if "id" in event:
            event["id"] = str(uuid.uuid4())
        return event
    from local.signed_client import SignedClient

    raw = event.get("body") or ""
    body = base64.b64decode(raw) if event.get("isBase64Encoded") else raw.encode()
    query = urlencode(event.get("multiValueQueryStringParameters") or {}, doseq=True)
    signer = SignedClient(state["api_url"], state["signing_key_id"], state["signing_secret"])
    try:
        headers = signer.signature_headers(event["httpMethod"], event["path"], query, body)
    finally:
        signer.close()
    if event["httpMethod"] != "GET":
        headers["X-Idempotency-Key"] = str(uuid.uuid4())
    single = dict(event.get("headers") or {})
    multi = dict(event.get("multiValueHeaders") or {})
    for name, value in headers.items():
        single[name] = value
        multi[name] = [value]
    event["headers"], event["multiValueHeaders"] = single, multi
    request_id = str(uuid.uuid4())
    context = event.setdefault("requestContext", {})
    # Signature v2 covers the host and the stage's full path: those of the stack signed for.
    api = urlsplit(state["api_url"])
    single["Host"], multi["Host"] = api.netloc, [api.netloc]
    context.update(
        domainName=api.netloc,
        path=api.path + event["path"],
        requestId=request_id,
        extendedRequestId=request_id,
        requestTime=now.strftime("%d/%b/%Y:%H:%M:%S +0000"),
        requestTimeEpoch=int(now.timestamp() * 1000),
    )
    return event


def invoke(state: dict[str, Any], function_id: str, event: dict[str, Any]) -> tuple[bool, Any]:
    client = boto3.client(
        "lambda",
        endpoint_url=state["api_root"],
        region_name=state["region"],
        aws_access_key_id="local",
        aws_secret_access_key="local",
        config=Config(read_timeout=900, retries={"total_max_attempts": 1}),
    )
    name = f"{state['stack_name']}-{function_id}"
    try:
        response = client.invoke(FunctionName=name, Payload=json.dumps(event).encode())
    except Exception as error:  # botocore's connection errors: the stack is not running
        raise InvokeError(f"the stack at {state['api_root']} did not answer ({error})") from None
    return bool(response.get("FunctionError")), json.loads(response["Payload"].read() or b"null")


def report(result: Any, failed: bool) -> int:
    """The handler's answer for a person: the status and the body as JSON."""
    if failed:
        print(json.dumps(result, indent=2), file=sys.stderr)
        return 1
    if isinstance(result, dict) and isinstance(result.get("statusCode"), int):
        print(f"HTTP {result['statusCode']}")
        body = result.get("body") or ""
        try:
            print(json.dumps(json.loads(body), indent=2, sort_keys=True))
        except ValueError:
            print(body)
        return 1 if result["statusCode"] >= 500 else 0
    print(json.dumps(result, indent=2, sort_keys=True, default=str))
    return 0


def _state(state_dir: Path | None) -> dict[str, Any]:
    directory = state_dir or Path(os.environ.get("LOCAL_STATE_DIR", REPO_ROOT / ".local"))
    state_file = directory / STATE_FILE_NAME
    if not state_file.exists():
        raise InvokeError(f"no {state_file}: start the stack first (make dev)")
    state: dict[str, Any] = json.loads(state_file.read_text())
    return state


def _normalized(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
