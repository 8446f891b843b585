"""``make preview``: the module's client-area and addon pages in a browser, on ``make dev``.

Places three example orders the way WHMCS would (a cloud server, an object storage and one the
simulator fails, as a refused verification does), runs the provisioning job until they settle,
then serves a small WHMCS-like shell (local/preview/router.php) on PHP's built-in server and
prints its address. Nothing here ships: WHMCS draws the same templates in production.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from local.ports import PREVIEW_PORT
from local.stack.runner import STATE_FILE_NAME
from local.stack.template import REPO_ROOT

_LAYER = REPO_ROOT / "layers" / "common"
if str(_LAYER) not in sys.path:
    sys.path.append(str(_LAYER))

from local.signed_client import SignedClient  # noqa: E402

ROUTER = REPO_ROOT / "local" / "preview" / "router.php"
BOOTSTRAP_CSS = Path("/usr/share/javascript/bootstrap4/css/bootstrap.min.css")
SERVICES = {"compute": "9101", "storage": "9102", "failed": "9103"}
PRODUCT = "V92"
FAILING_PRODUCT = "V8"  # the simulator ends its provisioning in "verification_required"
STORAGE_REGION = "US-central"
PROVISIONING_JOB = "ProvisioningWorkerFunction"
SETTLED = ("active", "failed")
DEFAULT_PORT = PREVIEW_PORT


class PreviewError(Exception):
    """Something the person can fix (stack not running, php missing); printed plainly."""


@dataclass
class Preview:
    process: subprocess.Popen[bytes]
    url: str
    config: dict[str, Any]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make preview", description=__doc__)
    parser.add_argument(
        "--port", type=int, default=int(os.environ.get("PREVIEW_PORT", DEFAULT_PORT))
    )
    parser.add_argument(
        "--state-dir",
        type=Path,
        default=Path(os.environ.get("LOCAL_STATE_DIR", REPO_ROOT / ".local")),
    )
    options = parser.parse_args(argv)
    try:
        preview = start(options.state_dir, options.port)
    except PreviewError as error:
        print(f"preview: {error}", file=sys.stderr)
        return 1
    print(f"\nOpen {preview.url}/   (Ctrl-C stops the preview; make dev keeps running)")
    page = f"{preview.url}/clientarea.php?action=productdetails&id="
    print(f"  cloud server    {page}{SERVICES['compute']}")
    print(f"  object storage  {page}{SERVICES['storage']}")
    print(f"  failed order    {page}{SERVICES['failed']}")
    print(f"  admin addon     {preview.url}/addonmodules.php?module=contabo_admin")
    print("  another language: add &language=german (spanish, french, portuguese-br)")
    try:
        preview.process.wait()
    except KeyboardInterrupt:
        pass
    finally:
        preview.stop()
    return 0


def start(state_dir: Path, port: int, *, quiet: bool = False) -> Preview:
    """Seeds the example services on the stack in state_dir and starts the shell on port."""
    if shutil.which("php") is None:
        raise PreviewError(
            "php is not installed (apt-get install -y php-cli php-curl php-intl smarty4)"
        )
    if not Path("/usr/share/php/smarty4/Smarty.class.php").exists():
        raise PreviewError("Smarty is not installed (apt-get install -y smarty4)")
    if not BOOTSTRAP_CSS.exists() and not quiet:
        print("preview: Bootstrap 4 not found (apt-get install -y libjs-bootstrap4): plain styles")
    state = _read_state(state_dir / STATE_FILE_NAME)
    _seed(state, quiet)
    work = state_dir / "preview"
    work.mkdir(parents=True, exist_ok=True)
    database = work / "whmcs.sqlite"
    database.unlink(missing_ok=True)  # a fresh WHMCS database each start
    server = state["whmcs_server"]
    config = {
        "api_url": state["api_url"],
        "server": {
            "hostname": server["hostname"],
            "username": server["username"],
            "password": server["password"],
            "secure": server["secure"],
        },
        "services": SERVICES,
        "product": PRODUCT,
        "storage_region": STORAGE_REGION,
        "database": str(database),
    }
    config_file = work / "config.json"
    config_file.write_text(json.dumps(config, indent=2) + "\n")
    url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "PREVIEW_CONFIG": str(config_file),
        "PREVIEW_LOG": str(work / "module.log"),
    }
    process = subprocess.Popen(  # noqa: S603 - our own router script on a loopback port
        [  # noqa: S607 - php from PATH, as make test runs phpunit
            "php",
            "-d",
            "display_errors=stderr",
            "-S",
            f"127.0.0.1:{port}",
            "-t",
            str(ROUTER.parent),
            str(ROUTER),
        ],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(work / "php.log", "ab"),  # noqa: SIM115 - the server's own log, kept open as long as it runs
    )
    deadline = time.monotonic() + 15
    while True:
        if process.poll() is not None:
            raise PreviewError(
                f"php -S stopped at once; is port {port} free? (see {work / 'php.log'})"
            )
        try:
            httpx.get(f"{url}/favicon.ico", timeout=2)
            break
        except httpx.TransportError:
            if time.monotonic() > deadline:
                process.kill()
                raise PreviewError(f"php -S does not answer on port {port}") from None
            time.sleep(0.1)
    return Preview(process, url, config)


def _read_state(state_file: Path) -> dict[str, Any]:
    if not state_file.exists():
        raise PreviewError(
            f"no {state_file}: start the local stack first (make dev, in another terminal)"
        )
    return json.loads(state_file.read_text())


def _seed(state: dict[str, Any], quiet: bool) -> None:
    api = SignedClient(state["api_url"], state["signing_key_id"], state["signing_secret"])
    try:
        try:
            api.request("GET", "/health")
        except httpx.TransportError:
            raise PreviewError(
                "the local stack does not answer; is make dev still running?"
            ) from None
        httpx.post(
            f"{state['simulator_url']}/__sim/faults",
            json={"product_failures": {FAILING_PRODUCT: "verification_required"}},
            timeout=10,
        ).raise_for_status()
        orders = {
            "compute": ("create", _server_order(SERVICES["compute"], PRODUCT)),
            "failed": ("create", _server_order(SERVICES["failed"], FAILING_PRODUCT)),
            "storage": ("object-storage", _storage_order()),
        }
        for kind, (route, body) in orders.items():
            service_id = SERVICES[kind]
            if api.request("GET", f"/services/{service_id}").status_code != 404:
                continue
            answer = api.request(
                "POST",
                f"/services/{service_id}/{route}",
                body,
                idempotency_key=f"preview-{service_id}",
            )
            if answer.status_code >= 400:
                raise PreviewError(
                    f"ordering the {kind} example answered {answer.status_code}: {answer.text}"
                )
        _settle(api, state, quiet)
    finally:
        api.close()


def _server_order(service_id: str, product: str) -> dict[str, Any]:
    return {
        "client_id": "1",
        "client_email": "preview@example.com",
        "product_id": product,
        "region": "EU",
        "image_id": "ubuntu-22.04",
        "period": 1,
        "hostname": f"web{service_id}.example.com",
        "whmcs_product_id": "1",
    }


def _storage_order() -> dict[str, Any]:
    return {
        "client_id": "1",
        "client_email": "preview@example.com",
        "region": STORAGE_REGION,
        "size_tb": 0.25,
        "whmcs_product_id": "2",
    }


def _settle(api: SignedClient, state: dict[str, Any], quiet: bool, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while True:
        states = {
            kind: api.request("GET", f"/services/{sid}").json().get("state")
            for kind, sid in SERVICES.items()
        }
        if all(value in SETTLED for value in states.values()):
            if not quiet:
                print(
                    "Example services: "
                    + ", ".join(f"{k} {SERVICES[k]} {v}" for k, v in states.items())
                )
            return
        if time.monotonic() > deadline:
            raise PreviewError(f"the example services did not settle in {timeout:.0f} s: {states}")
        run = httpx.post(f"{state['api_root']}/__local/jobs/{PROVISIONING_JOB}/run", timeout=120)
        if not run.is_success:
            raise PreviewError(f"running {PROVISIONING_JOB} answered {run.status_code}: {run.text}")
        time.sleep(0.5)


if __name__ == "__main__":
    raise SystemExit(main())
