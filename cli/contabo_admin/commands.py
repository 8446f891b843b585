"""The commands. Each takes a Target and writes to ``out``; secrets are never written, except
a new signing key's secret, once, by ``rotate_keys``."""

from __future__ import annotations

import csv
import json
import re
import secrets
import string
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any, TextIO

from boto3.dynamodb.types import TypeDeserializer
from botocore.exceptions import BotoCoreError, ClientError

from cli.contabo_admin import output
from cli.contabo_admin.target import CliError, Target
from local.signed_client import SignedClient
from local.stack.jobs import UnknownJob, resolve_job

AUDIT_COLUMNS = (
    "time",
    "service_id",
    "kind",
    "action",
    "outcome",
    "status_code",
    "method",
    "path",
    "duration_ms",
    "request_id",
    "trace_id",
    "actor",
    "message",
)
# Like the first key the stack generates: 48 letters and digits.
_KEY_ALPHABET = string.ascii_letters + string.digits
_KEY_LENGTH = 48
_RELATIVE = re.compile(r"^(\d+)([mhd])$")
_UNITS = {"m": "minutes", "h": "hours", "d": "days"}


# ---------------------------------------------------------------- run-job


def run_job(target: Target, job: str, as_json: bool, out: TextIO, notes: TextIO) -> int:
    """Runs a scheduled job now, by its short name (as in the admin API), and waits for it."""
    try:
        resolved = resolve_job(job)
    except UnknownJob as unknown:
        raise CliError(str(unknown)) from None
    if resolved.note:
        notes.write(f"note: {resolved.note}\n")
    now = datetime.now(UTC)
    # What EventBridge Scheduler sends (the jobs read nothing from it but its shape).
    event = {
        "version": "0",
        "id": f"contabo-admin-{now.timestamp():.0f}",
        "detail-type": "Scheduled Event",
        "source": "aws.scheduler",
        "time": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "resources": [],
        "detail": "{}",
    }
    response = _aws(
        lambda: target.client("lambda").invoke(
            FunctionName=target.physical(resolved.function_id),
            InvocationType="RequestResponse",
            Payload=json.dumps(event).encode(),
        )
    )
    payload = json.loads(response["Payload"].read() or b"null")
    failed = bool(response.get("FunctionError"))
    if as_json:
        output.write_json(
            out, {"job": resolved.name, "function": resolved.function_id, "result": payload}
        )
    else:
        out.write(f"{resolved.name} ({resolved.function_id}): {'FAILED' if failed else 'ok'}\n")
        output.write_answer(out, payload)
    if failed:
        raise CliError(f"{resolved.name} failed: {payload}")
    return 0


# ---------------------------------------------------------------- service show

# The row's fields a person looks for first, in this order; the rest follow.
SERVICE_SUMMARY = (
    "service_id",
    "state",
    "status_message",
    "kind",
    "client_id",
    "product_id",
    "region",
    "resource_id",
    "details.instance_status",
    "details.ipv4",
    "details.ipv6",
    "details.os",
    "details.hostname",
    "display_name",
    "created_at",
    "updated_at",
)


def show_service(
    target: Target, service_id: str, audit_rows: int, as_json: bool, out: TextIO
) -> int:
    """The row first, as a summary, then its last ``audit_rows`` audit rows, newest first."""
    dynamodb = target.client("dynamodb")
    item = _aws(
        lambda: dynamodb.get_item(
            TableName=target.physical("ServicesTable"),
            Key={"service_id": {"S": service_id}},
            ConsistentRead=True,
        )
    ).get("Item")
    if item is None:
        raise CliError(f"no service {service_id} in {target.description}")
    page = _aws(
        lambda: dynamodb.query(
            TableName=target.physical("AuditTable"),
            KeyConditionExpression="service_id = :s",
            ExpressionAttributeValues={":s": {"S": service_id}},
            ScanIndexForward=False,
            Limit=audit_rows,
        )
    )
    service = {name: _json_attribute(value) for name, value in _plain(item).items()}
    audit = [_audit_row(_plain(i)) for i in page["Items"]]
    if as_json:
        output.write_json(out, {"service": service, "audit": audit})
        return 0
    fields = _flattened(service)
    first = {name: fields[name] for name in SERVICE_SUMMARY if name in fields}
    rest = {name: value for name, value in sorted(fields.items()) if name not in first}
    output.write_fields(out, {**first, **rest}, f"service {service_id}")
    out.write(f"\nlast {len(audit)} audit rows (newest first; --audit N for more):\n")
    out.write("".join(_audit_line(row) + "\n" for row in audit) or output.NO_ROWS + "\n")
    return 0


def _json_attribute(value: Any) -> Any:
    """pynamodb keeps JSON attributes (details...) as JSON text: show them as objects."""
    if isinstance(value, str) and value.startswith("{"):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _flattened(fields: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """details.hostname rather than one long JSON line."""
    flat: dict[str, Any] = {}
    for name, value in fields.items():
        if isinstance(value, dict) and value:
            flat.update(_flattened(value, f"{prefix}{name}."))
        else:
            flat[prefix + name] = value
    return flat


# ---------------------------------------------------------------- audit search


@dataclass(frozen=True)
class AuditQuery:
    service_id: str | None = None
    action: str | None = None
    request_id: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    limit: int = 200

    def matches(self, row: dict[str, Any]) -> bool:
        moment = _entry_time(row["entry_id"])
        return (
            (self.service_id is None or row.get("service_id") == self.service_id)
            and (self.action is None or row.get("action") == self.action)
            and (self.request_id is None or self.request_id in _request_ids(row))
            and (self.since is None or moment >= self.since)
            and (self.until is None or moment <= self.until)
        )


def search_audit(
    target: Target, query: AuditQuery, as_csv: bool, out: TextIO, notes: TextIO
) -> int:
    """Newest first. By request id (index) or service (key) when given, else a full scan."""
    table = target.physical("AuditTable")
    pages: Iterable[dict[str, Any]]
    if query.request_id is not None:
        pages = _by_request_id(target, table, query.request_id)
    elif query.service_id is not None:
        low = query.since.isoformat() if query.since else "0"
        high = (query.until.isoformat() if query.until else "9") + "~"  # '~' sorts after '#'
        pages = _pages(
            target,
            "query",
            TableName=table,
            KeyConditionExpression="service_id = :s AND entry_id BETWEEN :low AND :high",
            ExpressionAttributeValues={
                ":s": {"S": query.service_id},
                ":low": {"S": low},
                ":high": {"S": high},
            },
            ScanIndexForward=False,
        )
    else:
        notes.write("no --service or --request-id: reading the whole audit table\n")
        pages = _pages(target, "scan", TableName=table)
    rows = [row for row in (_plain(item) for item in pages) if query.matches(row)]
    rows.sort(key=lambda row: row["entry_id"], reverse=True)
    shown = [_audit_row(row) for row in rows[: query.limit]]
    if as_csv:
        writer = csv.DictWriter(out, fieldnames=AUDIT_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(shown)
    else:
        out.write("".join(_audit_line(row) + "\n" for row in shown) or output.NO_ROWS + "\n")
    if len(rows) > query.limit:
        notes.write(f"{len(rows) - query.limit} older rows not shown (--limit)\n")
    return 0


def _by_request_id(target: Target, table: str, request_id: str) -> list[dict[str, Any]]:
    """Rows with this request id, and for an action's trace id also the Contabo calls it made
    (they carry it as trace_id, with request ids of their own)."""
    found = list(
        _pages(
            target,
            "query",
            TableName=table,
            IndexName="by_request_id",
            KeyConditionExpression="request_id = :r",
            ExpressionAttributeValues={":r": {"S": request_id}},
        )
    )
    for service_id in sorted({item["service_id"]["S"] for item in found}):
        found += _pages(
            target,
            "query",
            TableName=table,
            KeyConditionExpression="service_id = :s",
            FilterExpression="trace_id = :r AND request_id <> :r",
            ExpressionAttributeValues={":s": {"S": service_id}, ":r": {"S": request_id}},
        )
    return found


def parse_moment(text: str, now: datetime | None = None) -> datetime:
    """An ISO date or date-time (UTC unless it says otherwise), or 30m / 24h / 7d ago."""
    relative = _RELATIVE.match(text.strip())
    if relative:
        amount, unit = int(relative.group(1)), _UNITS[relative.group(2)]
        return (now or datetime.now(UTC)) - timedelta(**{unit: amount})
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise CliError(f"{text!r}: use an ISO date like 2026-03-01, or 30m / 24h / 7d") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


# ---------------------------------------------------------------- contabo test


def test_contabo(target: Target, out: TextIO) -> int:
    """WHMCS's TestConnection, signed with one of the stack's keys: backend, secrets, Contabo."""
    if not target.api_url:
        raise CliError(f"{target.description} has no ApiUrl output")
    keys = signing_keys(target)
    key_id = sorted(keys)[0]
    client = SignedClient(target.api_url, key_id, keys[key_id])
    try:
        response = client.request("GET", "/connection")
    except Exception as error:  # httpx's transport errors: the API did not answer
        raise CliError(f"{target.api_url} did not answer: {type(error).__name__}") from None
    finally:
        client.close()
    try:
        report = response.json()
    except ValueError:
        report = {}
    if response.status_code != 200 or "checks" not in report:
        message = (report.get("error") or {}).get("message") or report or response.text[:300]
        raise CliError(f"GET /connection answered {response.status_code}: {message}")
    for name, check in sorted(report["checks"].items()):
        out.write(f"{name}: {'ok' if check['ok'] else 'FAILED'} ({check['detail']})\n")
    out.write("connection ok\n" if report["ok"] else "connection NOT ok\n")
    return 0 if report["ok"] else 1


# ---------------------------------------------------------------- keys


def list_keys(target: Target, out: TextIO) -> int:
    for key_id in sorted(signing_keys(target)):
        out.write(key_id + "\n")
    return 0


def rotate_keys(target: Target, out: TextIO, now: datetime | None = None) -> int:
    """Adds a key; the old ones keep working until retired."""
    keys = signing_keys(target)
    moment = now or datetime.now(UTC)
    key_id = f"whmcs-{moment:%Y%m%d-%H%M%S}"
    suffix = 2
    while key_id in keys:
        key_id, suffix = f"whmcs-{moment:%Y%m%d-%H%M%S}-{suffix}", suffix + 1
    secret = "".join(secrets.choice(_KEY_ALPHABET) for _ in range(_KEY_LENGTH))
    _put_signing_keys(target, {**keys, key_id: secret})
    others = ", ".join(sorted(keys))
    out.write(
        "New WHMCS signing key. The secret is shown this once: copy it now.\n"
        f"key id (WHMCS server Username): {key_id}\n"
        f"secret (WHMCS server Password): {secret}\n"
        "The backend accepts it within 5 minutes (its secret cache). Once WHMCS works with it,\n"
        f"retire the old key: keys retire <key id>  (current keys: {others})\n"
    )
    return 0


def retire_key(target: Target, key_id: str, out: TextIO) -> int:
    keys = signing_keys(target)
    if key_id not in keys:
        raise CliError(f"no signing key {key_id!r}; the keys are: {', '.join(sorted(keys))}")
    if len(keys) == 1:
        raise CliError(f"{key_id} is the only signing key: rotate first, then retire it")
    del keys[key_id]
    _put_signing_keys(target, keys)
    out.write(
        f"retired {key_id}; the backend refuses it within 5 minutes. "
        f"Keys left: {', '.join(sorted(keys))}\n"
    )
    return 0


# ---------------------------------------------------------------- helpers


def signing_keys(target: Target) -> dict[str, str]:
    """The stack's WHMCS signing keys (key id -> secret); never printed."""
    secret_id = target.physical("WhmcsSigningKeysSecret")
    value = _aws(lambda: target.client("secretsmanager").get_secret_value(SecretId=secret_id))
    try:
        keys = json.loads(value["SecretString"])
    except (KeyError, ValueError):
        keys = None
    if not isinstance(keys, dict) or not keys:
        raise CliError("the signing-keys secret is not a JSON object of key id -> secret")
    return {str(key_id): str(secret) for key_id, secret in keys.items()}


def _put_signing_keys(target: Target, keys: dict[str, str]) -> None:
    secret_id = target.physical("WhmcsSigningKeysSecret")
    _aws(
        lambda: target.client("secretsmanager").put_secret_value(
            SecretId=secret_id, SecretString=json.dumps(keys)
        )
    )


def _pages(target: Target, operation: str, **arguments: Any) -> Iterator[dict[str, Any]]:
    paginator = target.client("dynamodb").get_paginator(operation)
    try:
        for page in paginator.paginate(**arguments):
            yield from page["Items"]
    except ClientError as error:
        raise CliError(error.response["Error"]["Message"]) from None
    except BotoCoreError as error:
        raise CliError(str(error)) from None


def _aws(call: Any) -> Any:
    """Runs an SDK call; its failure becomes a message (the SDK's, which names no secret)."""
    try:
        return call()
    except ClientError as error:
        raise CliError(error.response["Error"]["Message"]) from None
    except BotoCoreError as error:
        raise CliError(str(error)) from None


_DESERIALIZER = TypeDeserializer()


def _plain(item: dict[str, Any]) -> dict[str, Any]:
    return {name: _json_safe(_DESERIALIZER.deserialize(value)) for name, value in item.items()}


def _json_safe(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {key: _json_safe(inner) for key, inner in value.items()}
    if isinstance(value, list | set | tuple):
        return [_json_safe(inner) for inner in value]
    return value


def _audit_row(row: dict[str, Any]) -> dict[str, Any]:
    return {"time": row["entry_id"].split("#", 1)[0], **row}


def _audit_line(row: dict[str, Any]) -> str:
    parts: Iterable[Any] = (
        row["time"],
        row.get("service_id"),
        row.get("kind"),
        row.get("action"),
        row.get("outcome"),
        row.get("status_code") or "",
        f"{row['duration_ms']}ms" if row.get("duration_ms") is not None else "",
        f"request_id={row.get('request_id')}",
        row.get("message") or "",
    )
    return "  ".join(str(part) for part in parts).rstrip()


def _entry_time(entry_id: str) -> datetime:
    return datetime.fromisoformat(entry_id.split("#", 1)[0])


def _request_ids(row: dict[str, Any]) -> set[str]:
    return {value for value in (row.get("request_id"), row.get("trace_id")) if value}
