"""``python -m local.stack`` (``make dev``): the whole stack on localhost until Ctrl-C."""

from __future__ import annotations

import argparse
import io
import logging
import os
import signal
import sys
import threading
import warnings
from pathlib import Path
from typing import TextIO

from local.ports import API_PORT, MOTO_PORT, SIM_PORT
from local.stack.gateway import routes_from_template
from local.stack.jobs import job_names
from local.stack.moto_server import PortInUse
from local.stack.runner import RunningStack, start_local_stack
from local.stack.template import REPO_ROOT, function_properties


def main(argv: list[str] | None = None) -> int:
    options = _parser().parse_args(argv)
    terminal = sys.stdout
    log_file = _capture_function_logs(options.state_dir / "logs", options.verbose, terminal)
    # One line per request and per job run from us; the SDKs only when something is wrong.
    logging.basicConfig(
        level=logging.WARNING,
        format="%(asctime)s %(message)s",
        datefmt="%H:%M:%S",
        stream=terminal,
        force=True,
    )
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
            persist_dir=options.state_dir / "persist" if options.persist else None,
        )
    except PortInUse as error:
        print(f"local stack: {error}", file=sys.stderr)
        return 1
    with stack:
        _print_banner(stack, options, log_file, terminal)
        stopping.wait()
        print("\nStopping the local stack...", file=terminal, flush=True)
    return 0


def _parser() -> argparse.ArgumentParser:
    env = os.environ
    parser = argparse.ArgumentParser(prog="python -m local.stack", description=__doc__)
    parser.add_argument("--api-port", type=int, default=int(env.get("LOCAL_API_PORT", API_PORT)))
    parser.add_argument("--moto-port", type=int, default=int(env.get("LOCAL_MOTO_PORT", MOTO_PORT)))
    parser.add_argument("--sim-port", type=int, default=int(env.get("SIM_PORT", SIM_PORT)))
    parser.add_argument(
        "--speedup", type=float, default=1.0, help="run schedules N times faster (60: minutes→s)"
    )
    parser.add_argument("--no-schedules", action="store_true", help="no timers; run-job works")
    parser.add_argument(
        "--provision-seconds", type=float, default=None, help="simulator: time to provision"
    )
    parser.add_argument(
        "--verbose",
        action="store_true",
        help="also stream the functions' JSON logs and metrics here (always in <state-dir>/logs/)",
    )
    parser.add_argument(
        "--persist",
        action="store_true",
        help="keep tables, secrets and the simulator across restarts (<state-dir>/persist/)",
    )
    parser.add_argument(
        "--state-dir",
        type=Path,
        default=Path(env.get("LOCAL_STATE_DIR", REPO_ROOT / ".local")),
        help="where stack.json goes (default .local/)",
    )
    return parser


class _FunctionOutput(io.TextIOBase):
    """Where the functions' stdout goes: their Powertools JSON log lines and EMF metrics are
    appended to a file, and also shown with --verbose."""

    def __init__(self, file: TextIO, echo: TextIO | None) -> None:
        self._file = file
        self._echo = echo
        self._lock = threading.Lock()

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        with self._lock:
            self._file.write(text)
            self._file.flush()
            if self._echo is not None:
                self._echo.write(text)
                self._echo.flush()
        return len(text)


def _capture_function_logs(directory: Path, verbose: bool, terminal: TextIO) -> Path:
    """From here on, what is printed on stdout goes to <directory>/functions.jsonl (the
    functions print their JSON logs there); the stack's own lines go to ``terminal``."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "functions.jsonl"
    sys.stdout = _FunctionOutput(path.open("a", encoding="utf-8"), terminal if verbose else None)
    # Powertools' logger also hands its records to the root logger's handlers: keep them off the
    # terminal (they are in the file already).
    logging.getLogger("contabo-reseller").propagate = False
    return path


def _print_banner(
    stack: RunningStack, options: argparse.Namespace, log_file: Path, out: TextIO
) -> None:
    info = stack.info()
    server = info["whmcs_server"]
    credentials = info["contabo_credentials"]
    schedules = (
        "off (make run-job JOB=<job>)"
        if options.no_schedules
        else f"on, speedup x{options.speedup:g}"
    )
    state = (
        "kept across restarts (--persist)"
        if options.persist
        else "in memory: gone at stop (--persist keeps it)"
    )
    lines = [
        "",
        "Local stack is up (Ctrl-C to stop)",
        f"  API            {stack.api_url}   (also without /Prod)",
        f"  schedules      {schedules}: {', '.join(sorted(job_names())) or '-'}",
        f"  moto           {info['moto_endpoint']}   (DynamoDB, Secrets Manager, EventBridge)",
        f"  Contabo sim    {info['simulator_url']}",
        f"  logs           {log_file}"
        + (
            "   (streamed here too: --verbose)"
            if options.verbose
            else "   (--verbose streams them)"
        ),
        f"  state          {state}",
        "",
        "Routes, by function:",
        *route_lines(stack),
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
        "One line per request (method, path, status, time) and per job run follows.",
        "",
    ]
    print("\n".join(lines), file=out, flush=True)


def route_lines(stack: RunningStack) -> list[str]:
    """One line per route, grouped under the function's code folder."""
    by_function: dict[str, list[str]] = {}
    for route in routes_from_template(stack.template):
        folder = str(function_properties(stack.template, route.function_id)["CodeUri"])
        by_function.setdefault(folder.rstrip("/").split("/")[-1], []).append(
            f"{route.method:<6} /{route.stage}{route.resource}"
        )
    width = max((len(name) for name in by_function), default=0)
    lines = []
    for name in sorted(by_function):
        for index, route in enumerate(sorted(by_function[name], key=lambda r: r.split()[1])):
            lines.append(f"  {name if index == 0 else '':<{width}}  {route}")
    return lines


if __name__ == "__main__":
    sys.exit(main())
