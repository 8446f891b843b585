"""`make demo` as a newcomer runs it: `make dev` in one process, the demo order in another."""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from local.signed_client import SignedClient
from local.stack.template import REPO_ROOT

pytestmark = pytest.mark.slow

IPV4 = r"\d{1,3}(?:\.\d{1,3}){3}"


@pytest.fixture(scope="module")
def running_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    """`python -m local.stack` (what `make dev` runs), its state in a temp dir."""
    state_dir = tmp_path_factory.mktemp("demo-stack")
    env = {**os.environ, "LOCAL_STATE_DIR": str(state_dir)}  # never the developer's .local/
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
            "--provision-seconds",
            "2",
        ],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    state_file = state_dir / "stack.json"
    try:
        deadline = time.monotonic() + 60
        while not state_file.exists():
            assert process.poll() is None, "the local stack exited during start-up"
            assert time.monotonic() < deadline, "no stack.json after 60 s"
            time.sleep(0.1)
        state = json.loads(state_file.read_text())
        assert httpx.get(f"{state['api_url']}/health", timeout=30).status_code == 200
        yield {**state, "state_dir": state_dir, "env": env}
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _demo(stack: dict, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our interpreter, the test's own arguments
        [sys.executable, "-m", "local.demo_order", *args],
        cwd=REPO_ROOT,
        env=stack["env"],
        capture_output=True,
        text=True,
        timeout=180,
    )


def _root_password(stack: dict, service_id: str) -> str:
    client = SignedClient(stack["api_url"], stack["signing_key_id"], stack["signing_secret"])
    try:
        view = client.request("GET", f"/services/{service_id}?include_password=true").json()
    finally:
        client.close()
    assert view["password"], view
    return view["password"]


def test_demo_order_becomes_active_with_its_ip_and_never_prints_the_password(running_stack):
    first = _demo(running_stack, "--timeout", "60")
    assert first.returncode == 0, first.stdout + first.stderr
    summary = re.search(rf"Service (\d+): active, instance \d+, IPv4 ({IPV4}),", first.stdout)
    assert summary, first.stdout
    service_id, ipv4 = summary.groups()
    assert service_id == "1001"  # the first free WHMCS service id on a fresh stack
    assert f'"ipv4": "{ipv4}"' in first.stdout  # the full service view is printed too
    assert "root password ready for WHMCS (not shown)" in first.stdout
    assert _root_password(running_stack, service_id) not in first.stdout + first.stderr
    assert running_stack["signing_secret"] not in first.stdout + first.stderr

    second = _demo(running_stack, "--timeout", "60")
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Service 1002: active" in second.stdout  # a new order, not the first one again


def test_demo_order_without_a_running_stack_says_to_start_it(tmp_path: Path):
    result = subprocess.run(  # noqa: S603 - our interpreter, a temp dir
        [sys.executable, "-m", "local.demo_order", "--state-dir", str(tmp_path)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "start the local stack first (make dev" in result.stderr


@pytest.mark.skipif(shutil.which("php") is None, reason="php is not installed")
def test_demo_order_through_the_whmcs_module_writes_ip_and_sends_the_welcome_email(running_stack):
    result = _demo(running_stack, "--whmcs-module", "--service-id", "2001", "--timeout", "60")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Test Connection: success" in output
    assert "contabo_CreateAccount (service 2001): success" in output
    assert re.search(rf"dedicatedip: {IPV4}\n", output), output
    assert "servicepassword: (set, not shown)" in output
    assert "welcome email sent: Dedicated/VPS Server Welcome Email" in output
    assert "Service 2001: active" in output
    assert _root_password(running_stack, "2001") not in output
    assert running_stack["signing_secret"] not in output
