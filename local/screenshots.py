"""``make screenshots``: docs/screenshots/*.png of the main preview pages, by headless Chromium.

Starts its own local stack (temporary state, free ports) and ``make preview`` on it, so the
pictures never show a developer's own data; one browser takes every picture.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from local import preview
from local.browser import Browser, chromium_path
from local.stack.template import REPO_ROOT

SHOTS = {
    "client-overview.png": (f"id={preview.SERVICES['compute']}", "english", 1100),
    "client-overview-german-phone.png": (f"id={preview.SERVICES['compute']}", "german", 390),
    "client-firewall-french.png": (
        f"id={preview.SERVICES['compute']}&modop=custom&a=firewall",
        "french",
        1100,
    ),
    "client-object-storage.png": (f"id={preview.SERVICES['storage']}", "english", 1100),
    "client-failed-order-spanish.png": (f"id={preview.SERVICES['failed']}", "spanish", 1100),
    "addon-settings.png": ("addon:settings", "english", 1100),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make screenshots", description=__doc__)
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "docs" / "screenshots")
    options = parser.parse_args(argv)
    executable = chromium_path()
    if executable is None:
        print(
            "screenshots: chromium is not installed (apt-get install -y chromium)", file=sys.stderr
        )
        return 1
    options.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="screenshots-stack-") as state_dir:
        stack = _start_stack(Path(state_dir))
        try:
            site = preview.start(Path(state_dir), _free_port(), quiet=True)
            browser = Browser(executable)
            try:
                for name, (target, language, width) in SHOTS.items():
                    if target.startswith("addon:"):
                        page = f"addonmodules.php?module=contabo_admin&page={target[6:]}"
                    else:
                        page = f"clientarea.php?action=productdetails&{target}"
                    browser.open(
                        f"{site.url}/{page}&language={language}", width, mobile=width < 500
                    )
                    browser.screenshot(options.out / name)
                    print(f"wrote {options.out / name}")
            finally:
                browser.close()
                site.stop()
        finally:
            stack.terminate()
            stack.wait(timeout=30)
    return 0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start_stack(state_dir: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "local.stack", "--api-port", "0", "--moto-port", "0"]
    command += ["--sim-port", "0", "--no-schedules", "--provision-seconds", "2"]
    process = subprocess.Popen(  # noqa: S603 - our interpreter, fixed arguments
        command,
        cwd=REPO_ROOT,
        env={**os.environ, "LOCAL_STATE_DIR": str(state_dir)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    state_file = state_dir / "stack.json"
    deadline = time.monotonic() + 90
    while not state_file.exists():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise SystemExit("screenshots: the local stack did not start")
        time.sleep(0.2)
    httpx.get(f"{json.loads(state_file.read_text())['api_url']}/health", timeout=60)
    return process


if __name__ == "__main__":
    raise SystemExit(main())
