"""`make dev` as a developer runs it: a process that serves, writes stack.json, stops on Ctrl-C."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from local.stack.template import REPO_ROOT

pytestmark = pytest.mark.slow


def _port_is_free(port: int) -> bool:
    """Nothing listens there: a restarted server could bind it (SO_REUSEADDR, as servers do;
    without it the closed connections' TIME_WAIT would block the bind for a minute)."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def test_python_m_local_stack_serves_and_stops_cleanly_on_sigint(tmp_path: Path):
    state_file = tmp_path / "stack.json"
    env = {**os.environ, "LOCAL_STATE_DIR": str(tmp_path)}  # never the developer's .local/
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "local.stack",
            "--api-port",
            "0",
            "--moto-port",
            "0",
            "--sim-port",
            "0",
            "--no-schedules",
        ],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while not state_file.exists():
            assert process.poll() is None, process.communicate()[0]
            assert time.monotonic() < deadline, "no stack.json after 30 s"
            time.sleep(0.1)
        state = json.loads(state_file.read_text())
        assert state["pid"] == process.pid
        assert state["api_url"].endswith("/Prod")
        assert state["whmcs_server"]["username"] and state["whmcs_server"]["password"]

        health = httpx.get(f"{state['api_url']}/health", timeout=30)
        assert health.status_code == 200, health.text
        assert health.json()["status"] == "ok"
        job = subprocess.run(
            [sys.executable, "-m", "local.stack.run_job", "heartbeat"],
            cwd=REPO_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert job.returncode == 0, job.stderr
        assert job.stdout.startswith("heartbeat: ok in ")

        process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()

    assert process.returncode == 0, output
    assert "Local stack is up" in output
    assert "job heartbeat ok" in output  # the one line per run
    assert not state_file.exists()
    ports = state["ports"]
    assert all(_port_is_free(port) for port in ports.values()), ports
