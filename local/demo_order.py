"""``make demo``: a test order on the running ``make dev``, watched until the server is active.

Does what WHMCS does for a new order, with no WHMCS: CreateAccount (signed
``POST /services/{id}/create``), the provisioning job that buys and sets up the server (run
now instead of waiting for its one-minute schedule), then the service as WHMCS's cron hook
reads it. ``--whmcs-module`` places the order through the PHP server module instead (needs
``php``). The root password is never printed, only whether it is ready for WHMCS.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

from local.stack.runner import STATE_FILE_NAME
from local.stack.template import REPO_ROOT

# The shared package ships as a Lambda layer, not an installed distribution: the signed client
# takes the request signing from it.
_LAYER = REPO_ROOT / "layers" / "common"
if str(_LAYER) not in sys.path:
    sys.path.append(str(_LAYER))

from local.signed_client import SignedClient  # noqa: E402

PROVISIONING_JOB = "ProvisioningWorkerFunction"
FIRST_SERVICE_ID = 1001
SETTLED_STATES = ("active", "failed", "terminated")
PHP_SCRIPT = REPO_ROOT / "local" / "demo_order.php"


class DemoError(Exception):
    """Something the newcomer can fix (stack not running, php missing); printed plainly."""


def main(argv: list[str] | None = None) -> int:
    options = _parser().parse_args(argv)
    try:
        return _run(options)
    except DemoError as error:
        print(f"demo: {error}", file=sys.stderr)
        return 1


def _run(options: argparse.Namespace) -> int:
    state_file = options.state_dir / STATE_FILE_NAME
    state = _read_state(state_file)
    api = SignedClient(state["api_url"], state["signing_key_id"], state["signing_secret"])
    try:
        print(f"Local stack   {state['api_url']}   (from {state_file})")
        _check_stack(api)
        service_id = options.service_id or _free_service_id(api)
        if options.whmcs_module:
            _order_through_module(state_file, service_id, options)
        else:
            _order(api, service_id, options)
            _provision(api, state, service_id, options.timeout)
        return _show(api, service_id)
    finally:
        api.close()


def _read_state(state_file: Path) -> dict[str, Any]:
    if not state_file.exists():
        raise DemoError(
            f"no {state_file}: start the local stack first (make dev, in another terminal)"
        )
    return json.loads(state_file.read_text())


def _check_stack(api: SignedClient) -> None:
    try:
        health = _json(api.request("GET", "/health"))
    except httpx.TransportError as error:
        raise DemoError(
            f"the local stack does not answer ({error}); is make dev still running?"
        ) from None
    print(f"GET /health   {health['status']}")
    connection = _json(api.request("GET", "/connection"))
    print(f"GET /connection   ok={connection['ok']}   (WHMCS's Test Connection)")
    if not connection["ok"]:
        raise DemoError(
            f"the connection test fails: {connection['checks']}; see docs/troubleshooting.md"
        )


def _free_service_id(api: SignedClient) -> str:
    """The first WHMCS service id from 1001 up that the backend does not know yet."""
    service_id = FIRST_SERVICE_ID
    while api.request("GET", f"/services/{service_id}").status_code != 404:
        service_id += 1
    return str(service_id)


def _order(api: SignedClient, service_id: str, options: argparse.Namespace) -> None:
    order = {
        "client_id": "1",
        "client_email": "demo@example.com",
        "product_id": options.product,
        "region": options.region,
        "image_id": options.image,
        "period": 1,
        "hostname": f"demo{service_id}.example.com",
        "whmcs_product_id": "1",
    }
    print(f"\nCreateAccount: POST /services/{service_id}/create")
    print(f"  {json.dumps(order)}")
    # The same idempotency key WHMCS's module would send again on a retry of this order.
    response = api.request(
        "POST", f"/services/{service_id}/create", order, idempotency_key=f"demo-create-{service_id}"
    )
    view = _json(response)
    print(f"  -> {response.status_code} state={view['state']}: {view['status_message']}")


def _provision(api: SignedClient, state: dict[str, Any], service_id: str, timeout: float) -> None:
    print(f"\nRunning {PROVISIONING_JOB} now until the service settles (at most {timeout:.0f} s)")
    started = time.monotonic()
    last = None
    while True:
        run = httpx.post(f"{state['api_root']}/__local/jobs/{PROVISIONING_JOB}/run", timeout=120)
        if not run.is_success:
            raise DemoError(f"running {PROVISIONING_JOB} answered {run.status_code}: {run.text}")
        view = _json(api.request("GET", f"/services/{service_id}"))
        seen = (view["state"], view.get("instance_status"))
        if seen != last:
            elapsed = time.monotonic() - started
            instance = view.get("instance_status") or "-"
            print(
                f"  {elapsed:5.1f} s  state={view['state']:<12} instance={instance:<14} "
                + view["status_message"]
            )
            last = seen
        if view["state"] in SETTLED_STATES:
            return
        if time.monotonic() - started > timeout:
            raise DemoError(
                f"service {service_id} is still {view['state']} after {timeout:.0f} s "
                "(make dev --provision-seconds sets how long the simulator takes)"
            )
        time.sleep(1)


def _order_through_module(state_file: Path, service_id: str, options: argparse.Namespace) -> None:
    php = shutil.which("php")
    if php is None:
        raise DemoError(
            "--whmcs-module needs php (apt-get install -y php-cli php-curl php-mbstring)"
        )
    command = [
        php,
        str(PHP_SCRIPT),
        str(state_file),
        service_id,
        options.product,
        options.region,
        options.image,
        str(int(options.timeout)),
    ]
    # Our own script and arguments parsed above: nothing from outside reaches a shell.
    if subprocess.run(command, cwd=REPO_ROOT, check=False).returncode != 0:  # noqa: S603
        raise DemoError("the order through the WHMCS module did not complete (see above)")


def _show(api: SignedClient, service_id: str) -> int:
    view = _json(api.request("GET", f"/services/{service_id}"))
    with_password = _json(api.request("GET", f"/services/{service_id}?include_password=true"))
    password = "ready for WHMCS (not shown)" if with_password.get("password") else "not yet"
    print(f"\nGET /services/{service_id}")
    print(json.dumps(view, indent=2))
    print(
        f"\nService {service_id}: {view['state']}, instance {view.get('instance_id')}, "
        f"IPv4 {view.get('ipv4')}, IPv6 {view.get('ipv6')}, user {view.get('username')}, "
        f"root password {password}"
    )
    print(
        'Next: make admin ARGS="--local service show '
        f'{service_id}"   (its row and audit trail; docs/first-hour.md)'
    )
    return 0 if view["state"] == "active" else 1


def _json(response: httpx.Response) -> dict[str, Any]:
    if not response.is_success:
        raise DemoError(
            f"{response.request.method} {response.request.url.path} answered "
            f"{response.status_code}: {response.text}"
        )
    return response.json()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m local.demo_order",
        description="Place a test order on the running `make dev` and watch it become active.",
    )
    parser.add_argument(
        "--service-id", help="the WHMCS service id (default: the first free from 1001)"
    )
    parser.add_argument("--product", default="V92", help="Contabo product id (default V92)")
    parser.add_argument("--region", default="EU", help="region (default EU)")
    parser.add_argument(
        "--image", default="ubuntu-22.04", help="image name or id (default ubuntu-22.04)"
    )
    parser.add_argument(
        "--timeout", type=float, default=180, help="seconds to wait for active (180)"
    )
    parser.add_argument(
        "--whmcs-module",
        action="store_true",
        help="order through the PHP server module and its cron hook (needs php)",
    )
    parser.add_argument(
        "--state-dir",
        type=Path,
        default=Path(os.environ.get("LOCAL_STATE_DIR", REPO_ROOT / ".local")),
        help="where `make dev` wrote stack.json (default .local/, or LOCAL_STATE_DIR)",
    )
    return parser


if __name__ == "__main__":
    sys.exit(main())
