"""``python -m local.stack`` (``make dev``): the whole stack on localhost until Ctrl-C."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
import warnings
from pathlib import Path

from local.stack.moto_server import PortInUse
from local.stack.runner import RunningStack, start_local_stack
from local.stack.template import REPO_ROOT


def main(argv: list[str] | None = None) -> int:
    options = _parser().parse_args(argv)
    # One line per invocation from us; the SDKs only when something is wrong.
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(message)s", datefmt="%H:%M:%S")
    logging.getLogger("local.stack").setLevel(logging.INFO)
    # Powertools warns on every scheduled run that publishes no metric; locally that is noise.
    warnings.filterwarnings("ignore", message="No application metrics to publish")
    stopping = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stopping.set())
    try:
        stack = start_local_stack(
            api_port=options.api_port,
            moto_port=options.moto_port,
            sim_port=options.sim_port,
            speedup=options.speedup,
            schedules=not options.no_schedules,
            provision_seconds=options.provision_seconds,
            state_dir=options.state_dir,
        )
    except PortInUse as error:
        print(f"local stack: {error}", file=sys.stderr)
        return 1
    with stack:
        _print_banner(stack, options.speedup, options.no_schedules)
        stopping.wait()
        print("\nStopping the local stack...", flush=True)
    return 0


def _parser() -> argparse.ArgumentParser:
    env = os.environ
    parser = argparse.ArgumentParser(prog="python -m local.stack", description=__doc__)
    parser.add_argument("--api-port", type=int, default=int(env.get("LOCAL_API_PORT", 3000)))
    parser.add_argument("--moto-port", type=int, default=int(env.get("LOCAL_MOTO_PORT", 4566)))
    parser.add_argument("--sim-port", type=int, default=int(env.get("SIM_PORT", 8090)))
    parser.add_argument(
        "--speedup", type=float, default=1.0, help="run schedules N times faster (60: minutes→s)"
    )
    parser.add_argument("--no-schedules", action="store_true", help="no timers; run-job works")
    parser.add_argument(
        "--provision-seconds", type=float, default=None, help="simulator: time to provision"
    )
    parser.add_argument(
        "--state-dir",
        type=Path,
        default=Path(env.get("LOCAL_STATE_DIR", REPO_ROOT / ".local")),
        help="where stack.json goes (default .local/)",
    )
    return parser


def _print_banner(stack: RunningStack, speedup: float, no_schedules: bool) -> None:
    info = stack.info()
    server = info["whmcs_server"]
    credentials = info["contabo_credentials"]
    schedules = "off (make run-job JOB=...)" if no_schedules else f"on, speedup x{speedup:g}"
    lines = [
        "",
        "Local stack is up (Ctrl-C to stop)",
        f"  API            {stack.api_url}   (also without /Prod)",
        f"  routes         {', '.join(info['routes']) or '-'}",
        f"  schedules      {schedules}: {', '.join(info['jobs']) or '-'}",
        f"  moto           {info['moto_endpoint']}   (DynamoDB, Secrets Manager, EventBridge)",
        f"  Contabo sim    {info['simulator_url']}",
        "",
        "WHMCS server settings (Setup > Servers):",
        f"  Hostname       {server['hostname']}   (Secure: off)",
        f"  Username       {server['username']}   (signing key id)",
        f"  Password       {server['password']}   (signing secret)",
        "",
        "Demo Contabo credentials (accepted by the simulator):",
        *(f"  {key:<14} {value}" for key, value in credentials.items()),
        "",
        f"Written to {stack.state_file}",
        "",
    ]
    print("\n".join(lines), flush=True)


if __name__ == "__main__":
    sys.exit(main())
