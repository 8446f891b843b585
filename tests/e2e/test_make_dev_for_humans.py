"""`make dev` as a person reads it: one line per request and per job run, the routes one per
line by function, the functions' JSON logs in <state dir>/logs/ (streamed with --verbose), and
with --persist the tables and the simulator's account survive a restart."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from local.signed_client import SignedClient
from local.stack.template import REPO_ROOT

pytestmark = pytest.mark.slow

ORDER = {
    "client_id": "7",
    "client_email": "ada@example.com",
    "product_id": "V92",
    "region": "EU",
    "image_id": "ubuntu-22.04",
    "hostname": "web1.example.com",
}


STACK = [sys.executable, "-m", "local.stack", "--api-port", "0", "--moto-port", "0"]
STACK += ["--sim-port", "0"]


def _start(state_dir: Path, *flags: str) -> tuple[subprocess.Popen[str], dict]:
    process = subprocess.Popen(  # noqa: S603 (our interpreter and module)
        [*STACK, "--no-schedules", "--provision-seconds", "1", *flags],
        cwd=REPO_ROOT,
        env={**os.environ, "LOCAL_STATE_DIR": str(state_dir)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    state_file = state_dir / "stack.json"
    deadline = time.monotonic() + 60
    while not state_file.exists():
        assert process.poll() is None, process.communicate()[0]
        assert time.monotonic() < deadline, "no stack.json after 60 s"
        time.sleep(0.1)
    return process, json.loads(state_file.read_text())


def _stop(process: subprocess.Popen[str]) -> str:
    process.send_signal(signal.SIGINT)
    output, _ = process.communicate(timeout=60)
    assert process.returncode == 0, output
    return output


def _run_job(state_dir: Path, job: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 (our interpreter and module)
        [sys.executable, "-m", "local.stack.run_job", job],
        cwd=REPO_ROOT,
        env={**os.environ, "LOCAL_STATE_DIR": str(state_dir)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_terminal_gets_one_line_per_request_and_job_and_the_logs_a_file(tmp_path: Path):
    process, state = _start(tmp_path)
    try:
        assert httpx.get(f"{state['api_url']}/health", timeout=30).status_code == 200
        assert httpx.get(f"{state['api_url']}/services/1", timeout=30).status_code == 401
        job = _run_job(tmp_path, "heartbeat")
        assert job.returncode == 0, job.stderr
        assert job.stdout.startswith("heartbeat: ok in ")
        old = _run_job(tmp_path, "ScheduleHeartbeatFunction")
        assert old.returncode == 0 and "is now called 'heartbeat'" in old.stderr
    finally:
        output = _stop(process) if process.poll() is None else process.communicate()[0]

    lines = output.splitlines()
    assert not [line for line in lines if line.lstrip().startswith("{")]  # no JSON, no EMF
    assert max(len(line) for line in lines) < 160
    assert re.search(r"^\d\d:\d\d:\d\d GET /Prod/health 200 \d+ms  HealthFunction$", output, re.M)
    assert re.search(
        r"^\d\d:\d\d:\d\d GET /Prod/services/1 401 \d+ms  GetServiceFunction$", output, re.M
    )
    assert re.search(r"^\d\d:\d\d:\d\d job heartbeat ok \d+ms", output, re.M)
    routes = lines.index("Routes, by function:")
    assert re.match(r"^  admin_audit +GET +/Prod/admin/audit$", lines[routes + 1])
    assert re.search(r"^  create_service +POST +/Prod/services/\{serviceId\}/create$", output, re.M)
    assert re.search(
        r"^ +DELETE /Prod/services/\{serviceId\}/snapshots/\{snapshotId\}$", output, re.M
    )

    logged = [json.loads(line) for line in (tmp_path / "logs" / "functions.jsonl").open()]
    assert any(entry.get("message") == "request rejected" for entry in logged)


def test_verbose_streams_the_json_logs_too(tmp_path: Path):
    process, state = _start(tmp_path, "--verbose")
    try:
        assert httpx.get(f"{state['api_url']}/services/1", timeout=30).status_code == 401
    finally:
        output = _stop(process)
    assert '"message":"request rejected"' in output


def test_persist_keeps_the_tables_and_the_simulator_across_a_restart(tmp_path: Path):
    process, state = _start(tmp_path, "--persist")
    try:
        whmcs = SignedClient(state["api_url"], state["signing_key_id"], state["signing_secret"])
        created = whmcs.request("POST", "/services/5150/create", ORDER)
        assert created.status_code == 202, created.text
        assert _run_job(tmp_path, "provisioning").returncode == 0
        deadline = time.monotonic() + 60
        while (service := whmcs.request("GET", "/services/5150").json())["state"] != "active":
            assert time.monotonic() < deadline, service
            time.sleep(1)
            _run_job(tmp_path, "provisioning")
        whmcs.close()
    finally:
        output = _stop(process)
    assert "persist: saved" in output
    assert (tmp_path / "persist" / "simulator.json").exists()

    process, state = _start(tmp_path, "--persist")
    try:
        whmcs = SignedClient(state["api_url"], state["signing_key_id"], state["signing_secret"])
        again = whmcs.request("GET", "/services/5150")
        assert again.status_code == 200, again.text
        assert again.json()["state"] == "active"
        ips = {name: value for name, value in service.items() if "ip" in name and value}
        assert ips and ips == {name: again.json()[name] for name in ips}
        refreshed = whmcs.request("POST", "/services/5150/refresh", {})  # the simulator knows it
        assert refreshed.status_code == 200, refreshed.text
        whmcs.close()
    finally:
        output = _stop(process)
    assert "persist: restored" in output
