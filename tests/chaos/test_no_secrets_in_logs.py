"""Runs last: the whole chaos suite's log output (every logging handler, everything printed,
the killed processes' output), the audit table and the idempotency records contain none of
the secrets the suite met: signing and Contabo credentials, every generated root and rescue
password and S3 secret key as the simulator stored them, every Contabo access token issued,
passwords sent by the tests and by the fuzzer.

It first does the things that handle secrets once more (a password change, a password read,
a rescue, object storage keys), so the scan has each kind to look for even when it runs alone.
"""

from __future__ import annotations

import json

import boto3
import pytest

from contabo_reseller.adapters.tables import AuditEntry
from tests.chaos.conftest import active_services, record_figures
from tests.integration.object_storage.conftest import clear_account, storage_order
from tests.log_scan import find_secrets

pytestmark = pytest.mark.slow

NEW_PASSWORD = "Chaos!Root#Pass-5521"
REFUSED_PASSWORD = "Chaos!Other#Pass-8830"


def test_no_known_secret_in_the_suites_logs_audit_rows_or_idempotency_records(
    stack, whmcs, sim, known_secrets, suite_output
):
    known_secrets.add("password sent by change-password", NEW_PASSWORD)
    known_secrets.add("password sent for an unknown service", REFUSED_PASSWORD)
    _handle_secrets_once_more(stack, whmcs, sim, known_secrets)

    secrets = known_secrets.snapshot()
    logs = suite_output.text
    rows = [json.dumps(row.attribute_values, default=str) for row in AuditEntry.scan()]
    rows += suite_output.archived_audit_rows
    records = _idempotency_records(stack)
    audit_rows, idempotency = "\n".join(rows), "\n".join(records)

    found = {
        "logs": find_secrets(logs, secrets),
        "audit table": find_secrets(audit_rows, secrets),
        "idempotency records": find_secrets(idempotency, secrets),
    }
    kinds = {name.split(" #")[0].rsplit(" ", 1)[0] for name in secrets}
    record_figures(
        f"secrets: {len(secrets)} known secrets ({len(kinds)} kinds) scanned in "
        f"{len(logs) / 1e6:.1f} MB of log output, {len(rows)} audit rows and {len(records)} "
        f"idempotency records: found {sum(map(len, found.values()))}"
    )
    assert '"message":"request refused"' in logs  # the capture holds the functions' lines
    assert any(name.startswith("Contabo access token") for name in secrets)
    assert any(name.startswith("Contabo password secret") for name in secrets)
    assert any(name.startswith("S3 secret key") for name in secrets)
    assert found == {place: [] for place in found}, "a secret was found"


def _handle_secrets_once_more(stack, whmcs, sim, known_secrets) -> None:
    [sid] = active_services(stack, whmcs, 1)
    base = f"/services/{sid}"
    unknown = whmcs.request(
        "POST", "/services/999999/change-password", {"password": REFUSED_PASSWORD}
    )
    assert unknown.status_code == 404, unknown.text
    changed = whmcs.request("POST", f"{base}/change-password", {"password": NEW_PASSWORD})
    assert changed.status_code == 200, changed.text
    shown = whmcs.request("GET", f"{base}?include_password=true").json()
    known_secrets.add("root password shown to WHMCS", shown.get("password"))
    sim.post("/clock/advance", json={"seconds": 120})
    rescue = whmcs.request("POST", f"{base}/rescue", {})
    assert rescue.status_code == 202, rescue.text
    known_secrets.add("rescue password", rescue.json()["rescue_password"])

    clear_account(stack)
    storage = str(int(sid) + 900_000)
    ordered = whmcs.request("POST", f"/services/{storage}/object-storage", storage_order())
    assert ordered.status_code == 202, ordered.text
    for _ in range(6):
        stack.run_job("ProvisioningWorkerFunction")
        sim.post("/clock/advance", json={"seconds": 120})
        if whmcs.request("GET", f"/services/{storage}").json()["state"] == "active":
            break
    keys = whmcs.request("GET", f"/services/{storage}/object-storage/credentials")
    assert keys.status_code == 200, keys.text
    known_secrets.add("S3 secret key shown to WHMCS", keys.json().get("secret_key"))
    clear_account(stack)


def _idempotency_records(stack) -> list[str]:
    table = stack.names.physical("IdempotencyTable")
    pages = boto3.client("dynamodb").get_paginator("scan").paginate(TableName=table)
    return [json.dumps(item, default=str) for page in pages for item in page["Items"]]
