"""Runs every lifecycle action (and its usual failures) through the local stack and scans all
log output, and the audit table, for the secrets the run knew: none may appear."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest

from contabo_reseller.adapters.tables import AuditEntry
from contabo_reseller.domain.service import display_name_for
from contabo_reseller.observability import logger
from local.signed_client import SignedClient
from local.stack.aws import DEMO_CONTABO_CREDENTIALS, DEMO_SIGNING_KEY_ID, DEMO_SIGNING_SECRET
from tests.integration.lifecycle.conftest import settle
from tests.integration.lifecycle.fake_whmcs_api import (
    API_ACCESS_KEY,
    API_SECRET,
    FakeWhmcsApi,
    fake_whmcs_api,
)
from tests.integration.lifecycle.test_create_and_provision import order
from tests.log_scan import MIN_SECRET_LENGTH, captured_logs, find_secrets

NEW_PASSWORD = "N3w!Root#Pass-7781"
UNUSED_PASSWORD = "Other!Root#Pass-4412"


@pytest.fixture
def whmcs_api(stack) -> Iterator[FakeWhmcsApi]:
    with fake_whmcs_api(stack) as api:
        yield api


@pytest.fixture
def debug_logging() -> Iterator[None]:
    """Our own debug lines must be clean too, not only what production's INFO level shows."""
    level = logger.log_level
    logger.setLevel("DEBUG")
    yield
    logger.setLevel(level)


def test_no_known_secret_appears_in_any_log_line_or_audit_row(
    stack, whmcs, sim, service_id, whmcs_api, debug_logging, capfd
):
    seen: dict[str, str] = {}  # secrets met along the way (terminate deletes Contabo's)
    with captured_logs() as logs:
        _run_every_action(stack, whmcs, sim, service_id, seen)
        view = whmcs.request("GET", f"/services/{service_id}?include_password=true").json()
    printed = capfd.readouterr()
    _remember_contabo_secrets(stack, service_id, seen)

    secrets = {
        "WHMCS signing secret": DEMO_SIGNING_SECRET,
        "Contabo client secret": DEMO_CONTABO_CREDENTIALS["client_secret"],
        "Contabo API password": DEMO_CONTABO_CREDENTIALS["api_password"],
        "new root password (change-password)": NEW_PASSWORD,
        "password sent for an unknown service": UNUSED_PASSWORD,
        "WHMCS API secret": API_SECRET,
        "WHMCS API access key": API_ACCESS_KEY,
        **seen,
    }
    assert view["state"] == "terminated"
    assert "generated root password" in secrets
    assert any(name.startswith("Contabo access token") for name in secrets)
    # The capture works: the handlers' own lines are in it.
    for line in ('"message":"request refused"', '"auth_failure"', '"scheduled job ran"'):
        assert line in logs.text

    everything = logs.text + printed.out + printed.err
    assert find_secrets(everything, secrets) == [], "a secret reached the logs"
    audit_rows = "\n".join(
        json.dumps(row.attribute_values, default=str) for row in AuditEntry.scan()
    )
    assert service_id in audit_rows
    assert find_secrets(audit_rows, secrets) == [], "a secret reached the audit table"
    assert whmcs_api.posts and whmcs_api.posts[0]["servicepassword"]  # the push carried one


def _remember_contabo_secrets(stack, service_id: str, seen: dict[str, str]) -> None:
    """What the simulator holds now: access tokens, this service's password secrets, and the
    S3 secret keys of the account (the stack is shared with other tests' services)."""
    state = stack.sim.state
    for token in state.tokens:
        seen[f"Contabo access token {token[:6]}"] = token
    for secret_id, secret in state.secrets.items():
        if secret["type"] == "password" and secret["name"].startswith(display_name_for(service_id)):
            seen[f"Contabo password secret {secret_id}"] = secret["value"]
    for user_id, keys in state.s3_keys.items():  # one key pair per Contabo user
        if len(keys["secretKey"]) >= MIN_SECRET_LENGTH:
            seen[f"S3 secret key of user {user_id}"] = keys["secretKey"]


def _run_every_action(stack, whmcs, sim, service_id: str, seen: dict[str, str]) -> None:
    def ok(response: httpx.Response, *statuses: int) -> None:
        assert response.status_code in (statuses or (200,)), response.text

    def settle_contabo() -> None:
        sim.post("/clock/advance", json={"seconds": 120})

    base = f"/services/{service_id}"
    ok(whmcs.request("POST", f"{base}/create", order()), 202)
    settle(stack, whmcs, service_id, "provisioning")
    settle_contabo()
    settle(stack, whmcs, service_id, "active")

    ready = whmcs.request("GET", f"{base}?include_password=true")
    ok(ready)
    seen["generated root password"] = ready.json()["password"]
    ok(whmcs.request("GET", "/services?limit=50"))
    ok(whmcs.request("GET", "/connection"))
    ok(whmcs.request("POST", f"{base}/suspend", {"reason": "overdue"}))
    ok(whmcs.request("POST", f"{base}/change-password", {"password": NEW_PASSWORD}), 422)
    ok(whmcs.request("POST", f"{base}/unsuspend", {}))
    settle_contabo()
    ok(whmcs.request("POST", f"{base}/power/restart", {}), 202)
    settle_contabo()
    ok(whmcs.request("POST", f"{base}/change-password", {"password": NEW_PASSWORD}))
    ok(
        whmcs.request("POST", "/services/999999999/change-password", {"password": UNUSED_PASSWORD}),
        404,
    )
    ok(whmcs.request("POST", f"{base}/change-password", {"password": "short"}), 400)
    settle_contabo()
    ok(whmcs.request("POST", f"{base}/change-package", {"add_ons": {"backup": True}}))
    ok(whmcs.request("POST", f"{base}/renew", {"next_due_date": "2030-01-01"}))

    # Failures that log: a forged signature, Contabo down, an expired Contabo token.
    forged = SignedClient(whmcs.api_url, DEMO_SIGNING_KEY_ID, "forged-secret-0123456789")
    ok(forged.request("GET", base), 401)
    forged.close()
    sim.post("/faults", json={"error_rates": {"retrieveInstancesList": 1.0}})
    ok(whmcs.request("GET", "/connection"), 200, 503)
    sim.post("/faults/reset")
    _remember_contabo_secrets(stack, service_id, seen)
    sim.post("/tokens/expire")
    ok(whmcs.request("POST", f"{base}/terminate", {"snapshot_policy": "delete"}))
