"""The admin CLI against the local stack, through the stack.json `make dev` writes: jobs, a
service, the audit log, the Contabo connection, key rotation; secrets never printed but once."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import boto3
import pytest

from cli.contabo_admin.__main__ import main
from local.signed_client import SignedClient
from local.stack.aws import DEMO_SIGNING_KEY, DEMO_SIGNING_KEY_ID, DEMO_SIGNING_SECRET
from local.stack.runner import RunningStack, write_state
from local.stack.template import REPO_ROOT

ED25519 = (
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl ada@laptop"
)
ORDER = {
    "client_id": "7",
    "client_email": "ada@example.com",
    "product_id": "V92",
    "region": "EU",
    "image_id": "ubuntu-22.04",
    "hostname": "web1.example.com",
    "ssh_keys": [ED25519],
}
SEEDED_SERVICE = "9100"
T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def state_dir(local_stack: RunningStack, tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("local-state")
    write_state(local_stack, directory)
    return directory


@pytest.fixture(scope="module")
def whmcs(local_stack: RunningStack) -> Iterator[SignedClient]:
    client = SignedClient(local_stack.api_url, DEMO_SIGNING_KEY_ID, DEMO_SIGNING_SECRET)
    yield client
    client.close()


@pytest.fixture(scope="module")
def seeded_audit(local_stack: RunningStack) -> None:
    """Actions an hour apart; the last one made a Contabo call under its trace id."""
    from contabo_reseller.adapters import audit_log

    rows = [
        {"action": "suspend", "request_id": "trace-a", "now": T0},
        {
            "action": "unsuspend",
            "request_id": "trace-b",
            "outcome": "refused",
            "message": 'The service, is "terminated".',
            "now": T0 + timedelta(hours=1),
        },
        {"action": "suspend", "request_id": "trace-c", "now": T0 + timedelta(hours=2)},
    ]
    for row in rows:
        audit_log.record(
            kind="action",
            service_id=SEEDED_SERVICE,
            trace_id=row["request_id"],
            **{"outcome": "ok", **row},
        )
    audit_log.record(
        kind="contabo_call",
        action="shutdown",
        outcome="ok",
        service_id=SEEDED_SERVICE,
        request_id="x-request-1",
        trace_id="trace-c",
        status_code=201,
        method="POST",
        path="/v1/compute/instances/1/actions/shutdown",
        duration_ms=42,
        now=T0 + timedelta(hours=2, seconds=1),
    )


def admin(state_dir: Path, *args: str) -> tuple[int, str, str]:
    out, notes = io.StringIO(), io.StringIO()
    code = main(["--local", "--state-dir", str(state_dir), *args], out, notes)
    return code, out.getvalue(), notes.getvalue()


def search(state_dir: Path, *args: str) -> list[dict[str, str]]:
    code, out, notes = admin(state_dir, "audit", "search", "--csv", *args)
    assert code == 0, notes
    return list(csv.DictReader(io.StringIO(out)))


def test_run_job_speaks_the_admin_apis_job_names(state_dir: Path) -> None:
    code, out, notes = admin(state_dir, "--json", "run-job", "heartbeat")
    assert code == 0, notes
    printed = json.loads(out)
    assert printed["job"] == "heartbeat" and printed["function"] == "ScheduleHeartbeatFunction"
    assert printed["result"]["beat"] is True and notes == ""

    code, out, notes = admin(state_dir, "run-job", "heartbeat")  # for a person
    assert code == 0, notes
    assert out.startswith("heartbeat (ScheduleHeartbeatFunction): ok\n")
    assert "beat" in out and "yes" in out


def test_run_job_still_takes_the_old_names_and_says_the_new_one(state_dir: Path) -> None:
    for name in ("schedule-heartbeat", "ScheduleHeartbeatFunction", "schedule_heartbeat"):
        code, out, notes = admin(state_dir, "run-job", name, "--json")
        assert code == 0, notes
        assert json.loads(out)["job"] == "heartbeat"
        assert f"'{name}' is now called 'heartbeat'" in notes


def test_run_job_names_the_jobs_when_it_does_not_know_one(state_dir: Path) -> None:
    code, out, notes = admin(state_dir, "run-job", "HealthFunction")  # an API function
    assert code == 1 and out == ""
    assert "no scheduled job 'HealthFunction'" in notes
    assert "provisioning" in notes and "status-sync" in notes


def test_service_show_prints_the_row_first_then_its_latest_audit(
    state_dir: Path, whmcs: SignedClient
) -> None:
    created = whmcs.request("POST", "/services/9001/create", ORDER)
    assert created.status_code == 202, created.text

    code, out, notes = admin(state_dir, "service", "show", "9001", "--audit", "3")

    assert code == 0, notes
    lines = out.splitlines()
    assert lines[0] == "service 9001"
    assert lines[1].split() == ["service_id", "9001"]
    assert lines[2].split() == ["state", "queued"] or lines[2].split()[0] == "state"
    assert any(line.split()[:2] == ["details.hostname", "web1.example.com"] for line in lines)
    audit_at = lines.index(next(line for line in lines if line.startswith("last ")))
    assert all(not line.startswith("20") for line in lines[:audit_at])  # the row comes first
    audit_lines = lines[audit_at + 1 :]
    assert 1 <= len(audit_lines) <= 3 and all(" 9001 " in line for line in audit_lines)
    assert len(lines) < 60

    code, out, notes = admin(state_dir, "service", "show", "9001", "--json")
    shown = json.loads(out)
    assert shown["service"]["service_id"] == "9001"
    assert shown["service"]["details"]["hostname"] == "web1.example.com"
    audit = shown["audit"]  # the order's action, and the worker's if it woke already
    assert "create" in [row["action"] for row in audit if row["kind"] == "action"]
    assert all(row["service_id"] == "9001" for row in audit)
    assert [row["time"] for row in audit] == sorted((row["time"] for row in audit), reverse=True)


def test_service_show_of_an_unknown_service_fails_clearly(state_dir: Path) -> None:
    code, out, notes = admin(state_dir, "service", "show", "404404")
    assert (code, out) == (1, "")
    assert "no service 404404" in notes


def test_an_empty_audit_search_says_no_rows(state_dir: Path) -> None:
    code, out, notes = admin(state_dir, "audit", "search", "--service", "777777")
    assert code == 0, notes
    assert out == "(no rows)\n"


def test_api_signs_any_admin_call(state_dir: Path) -> None:
    code, out, notes = admin(state_dir, "--json", "api", "get", "/admin/schedules")
    assert code == 0, notes
    assert json.loads(out)["items"][0]["job"] == "provisioning"

    code, out, notes = admin(state_dir, "api", "GET", "/admin/schedules")  # as a table
    assert code == 0, notes
    assert out.splitlines()[0] == "items:"
    assert out.splitlines()[1].split()[:2] == ["job", "deployed"]

    code, out, notes = admin(
        state_dir, "api", "PUT", "/admin/products/12/guardrails", "--data", '{"max_snapshots": "x"}'
    )
    assert code == 1 and "PUT /admin/products/12/guardrails answered 400: " in notes
    code, _, notes = admin(state_dir, "api", "GET", "/admin/jobs", "--data", "{nope")
    assert code == 1 and "--data is not JSON" in notes


def test_guardrails_set_changes_only_what_it_names(state_dir: Path, tmp_path: Path) -> None:
    code, out, notes = admin(state_dir, "guardrails", "set", "31", "allow_rescue=false")
    assert code == 0, notes
    assert any(line.split() == ["allow_rescue", "no"] for line in out.splitlines())
    code, out, notes = admin(state_dir, "guardrails", "set", "31", "max_snapshots=1", "--json")
    assert code == 0, notes
    shown = json.loads(out)
    assert shown["allow_rescue"] is False and shown["max_snapshots"] == 1
    code, out, _ = admin(state_dir, "--json", "guardrails", "show", "31")
    assert json.loads(out) == shown
    code, _, notes = admin(state_dir, "guardrails", "set", "31", "allow_rescue")
    assert code == 1 and "name=value" in notes


def test_pricing_show_set_and_export(state_dir: Path, tmp_path: Path) -> None:
    code, out, notes = admin(state_dir, "--json", "pricing", "show")
    assert code == 0, notes
    config = json.loads(out)
    saved = tmp_path / "pricing.json"
    saved.write_text(json.dumps(config))
    code, out, notes = admin(state_dir, "--json", "pricing", "set", "--data", f"@{saved}")
    assert code == 0, notes
    assert json.loads(out)["cost_currency"] == config["cost_currency"]
    code, out, notes = admin(state_dir, "pricing", "export")
    assert code == 0, notes and out.strip()


def test_jobs_reports_schedules_and_import_through_the_api(state_dir: Path) -> None:
    code, out, notes = admin(state_dir, "jobs", "list", "--status", "parked")
    assert code == 0, notes
    assert "(no rows)" in out
    code, _, notes = admin(state_dir, "jobs", "retry", "no-such-job")
    assert code == 1 and "POST /admin/jobs/no-such-job/retry answered 404" in notes
    code, _, notes = admin(state_dir, "jobs", "skip", "no-such-job")
    assert code == 1 and "answered 404" in notes
    code, out, notes = admin(state_dir, "schedules")
    assert code == 0, notes
    assert "provisioning" in out and "heartbeat" not in out
    assert admin(state_dir, "run-job", "status-sync")[0] == 0
    code, out, notes = admin(state_dir, "reports", "drift")
    assert code == 0, notes
    code, out, notes = admin(state_dir, "--json", "import", "candidates")
    assert code == 0, notes
    assert isinstance(json.loads(out), dict)
    code, _, notes = admin(state_dir, "import", "link", "9555", "7", "1")
    assert code == 1 and "POST /admin/import answered" in notes


@pytest.mark.usefixtures("seeded_audit")
def test_audit_search_by_service_action_and_time(state_dir: Path) -> None:
    rows = search(state_dir, "--service", SEEDED_SERVICE)
    assert [row["action"] for row in rows] == ["shutdown", "suspend", "unsuspend", "suspend"]

    suspends = search(state_dir, "--service", SEEDED_SERVICE, "--action", "suspend")
    assert [row["request_id"] for row in suspends] == ["trace-c", "trace-a"]

    window = search(
        state_dir,
        "--service",
        SEEDED_SERVICE,
        "--since",
        "2026-03-01T12:30:00",
        "--until",
        "2026-03-01T13:30:00+00:00",
    )
    assert [row["action"] for row in window] == ["unsuspend"]
    assert window[0]["message"] == 'The service, is "terminated".'  # CSV quoting holds


@pytest.mark.usefixtures("seeded_audit")
def test_audit_search_by_trace_id_finds_the_action_and_its_contabo_calls(state_dir: Path) -> None:
    rows = search(state_dir, "--request-id", "trace-c")
    assert [(row["kind"], row["request_id"]) for row in rows] == [
        ("contabo_call", "x-request-1"),
        ("action", "trace-c"),
    ]
    assert rows[0]["status_code"] == "201" and rows[0]["duration_ms"] == "42"


@pytest.mark.usefixtures("seeded_audit")
def test_audit_search_without_a_key_scans_and_says_so(state_dir: Path) -> None:
    code, out, notes = admin(
        state_dir, "audit", "search", "--action", "unsuspend", "--since", "2026-03-01"
    )
    assert code == 0
    assert "reading the whole audit table" in notes
    lines = [line for line in out.splitlines() if SEEDED_SERVICE in line]
    assert len(lines) == 1 and "refused" in lines[0] and "request_id=trace-b" in lines[0]


def test_audit_search_refuses_a_time_it_cannot_read(state_dir: Path) -> None:
    code, _, notes = admin(state_dir, "audit", "search", "--since", "last tuesday")
    assert code == 1 and "use an ISO date" in notes


def test_contabo_test_runs_test_connection_through_the_signed_api(state_dir: Path) -> None:
    code, out, notes = admin(state_dir, "contabo", "test")
    assert code == 0, notes
    assert out.strip().endswith("connection ok")
    assert "contabo:" in out
    assert "warning: The API accepts requests from any address" in out  # no WhmcsEgressIps
    assert DEMO_SIGNING_SECRET not in out + notes


@pytest.mark.parametrize("cwd", [REPO_ROOT, Path("/")], ids=["repo", "elsewhere"])
def test_the_script_runs_from_any_directory(state_dir: Path, cwd: Path) -> None:
    command = [str(REPO_ROOT / "cli" / "contabo-admin"), "--local", "--state-dir", str(state_dir)]
    completed = subprocess.run(  # noqa: S603 (our own script)
        [*command, "keys", "list"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.split() == [DEMO_SIGNING_KEY_ID, "installation=default", "use=admin"]


def test_object_storage_commands_reach_the_admin_routes(state_dir: Path) -> None:
    code, out, notes = admin(state_dir, "object-storage", "pools")
    assert code == 0 and "(no rows)" in out, notes  # no pool yet
    code, _out, notes = admin(state_dir, "object-storage", "migrate", "987654")
    assert code != 0
    assert "/admin/object-storage/services/987654/migrate answered 404" in notes


@pytest.fixture
def restored_keys(local_stack: RunningStack) -> Iterator[None]:
    """The key tests retire the demo key: the signing keys and revocation rows are put back for
    the tests after them on this module's stack (the next stack starts from nothing)."""
    from aws_lambda_powertools.utilities import parameters

    from contabo_reseller.adapters.tables import TokenItem
    from contabo_reseller.domain import signing

    secrets = boto3.client("secretsmanager")
    secret_id = local_stack.names.physical("WhmcsSigningKeysSecret")
    original = secrets.get_secret_value(SecretId=secret_id)["SecretString"]
    yield
    secrets.put_secret_value(SecretId=secret_id, SecretString=original)
    for key_id in json.loads(original):
        TokenItem(token_id=signing.revocation_token_id(key_id)).delete()
    parameters.clear_caches()


@pytest.mark.usefixtures("restored_keys")
def test_keys_rotate_prints_the_new_secret_once_and_retire_removes_the_old_key(
    state_dir: Path, local_stack: RunningStack
) -> None:
    from aws_lambda_powertools.utilities import parameters

    code, out, notes = admin(state_dir, "keys", "rotate")
    assert code == 0, notes
    key_id = out.split("key id (WHMCS server Username): ")[1].split()[0]
    secret = out.split("secret (WHMCS server Password): ")[1].split()[0]
    stored = json.loads(
        boto3.client("secretsmanager").get_secret_value(
            SecretId=local_stack.names.physical("WhmcsSigningKeysSecret")
        )["SecretString"]
    )
    assert stored == {
        DEMO_SIGNING_KEY_ID: DEMO_SIGNING_KEY,
        key_id: {"secret": secret, "installation": "default", "admin": False},
    }
    assert len(secret) == 48 and secret.isalnum()
    assert out.count(secret) == 1 and secret not in notes
    assert DEMO_SIGNING_SECRET not in out + notes

    parameters.clear_caches()  # what the functions' 5-minute secret cache does in time
    assert _signature_accepted(local_stack, key_id, secret)
    assert _signature_accepted(local_stack, DEMO_SIGNING_KEY_ID, DEMO_SIGNING_SECRET)

    code, retired, notes = admin(state_dir, "keys", "retire", DEMO_SIGNING_KEY_ID)
    assert code == 0, notes
    assert admin(state_dir, "keys", "list")[1].split()[0] == key_id
    # No cache cleared: the warm functions still hold the old secret, the revocation row wins.
    assert not _signature_accepted(local_stack, DEMO_SIGNING_KEY_ID, DEMO_SIGNING_SECRET)
    assert _signature_accepted(local_stack, key_id, secret)

    code, _, last = admin(state_dir, "keys", "retire", key_id)
    assert code == 1 and "only signing key" in last
    assert secret not in retired + notes + last


@pytest.mark.usefixtures("restored_keys")
def test_only_admin_keys_reach_admin_routes_and_installations_are_listed(
    state_dir: Path, local_stack: RunningStack
) -> None:
    from aws_lambda_powertools.utilities import parameters

    module_out = admin(state_dir, "keys", "rotate", "--installation", "staging")[1]
    admin_out = admin(state_dir, "keys", "rotate", "--admin")[1]
    module_key = module_out.split("key id (WHMCS server Username): ")[1].split()[0]
    module_secret = module_out.split("secret (WHMCS server Password): ")[1].split()[0]
    admin_key = admin_out.split("key id (addon: Signing key id): ")[1].split()[0]
    admin_secret = admin_out.split("secret (addon: Signing secret): ")[1].split()[0]
    parameters.clear_caches()
    listed = admin(state_dir, "keys", "list")[1]
    try:
        assert f"{module_key}  installation=staging  use=module" in listed
        assert f"{admin_key}  installation=default  use=admin" in listed
        module = SignedClient(local_stack.api_url, module_key, module_secret)
        refused = module.request("GET", "/admin/jobs")
        assert refused.status_code == 401
        assert "admin key" in refused.json()["error"]["message"]
        assert module.request("GET", "/services/9001").status_code == 404  # a module route
        allowed = SignedClient(local_stack.api_url, admin_key, admin_secret)
        assert allowed.request("GET", "/admin/jobs").status_code == 200
        code, _, bad = admin(state_dir, "keys", "rotate", "--installation", "Bad!")
        assert code == 1 and "not an installation name" in bad
    finally:
        admin(state_dir, "keys", "retire", module_key)
        admin(state_dir, "keys", "retire", admin_key)


def test_python_m_works_from_any_directory_through_the_venvs_path_file(tmp_path: Path) -> None:
    """What `make venv` writes (a .pth naming the repository) lets -m find the package."""
    assert "contabo-reseller-repo.pth" in (REPO_ROOT / "Makefile").read_text()
    (tmp_path / "contabo-reseller-repo.pth").write_text(f"{REPO_ROOT}\n")
    code = (
        "import runpy, site, sys; site.addsitedir(sys.argv[1]); sys.argv = ['x', '--help'];"
        "runpy.run_module('cli.contabo_admin', run_name='__main__')"
    )
    completed = subprocess.run(  # noqa: S603 (our own interpreter and module)
        [sys.executable, "-I", "-c", code, str(tmp_path)],
        cwd="/",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert "guardrails" in completed.stdout


def _signature_accepted(local_stack: RunningStack, key_id: str, secret: str) -> bool:
    client = SignedClient(local_stack.api_url, key_id, secret)
    try:
        return client.request("GET", "/services/9001").status_code != 401
    finally:
        client.close()
