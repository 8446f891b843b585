"""The documents quote what the code does: ports from local/ports.py, `make` targets the
Makefile has, admin CLI commands its parser takes, job names the one vocabulary knows, and
curl lines that do not hard-code a port."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from cli.contabo_admin.__main__ import _parser
from contabo_reseller.domain.service import ServiceState
from local import ports
from local.stack.jobs import job_names
from local.stack.template import REPO_ROOT

DOCUMENTS = sorted(
    [
        REPO_ROOT / "README.md",
        *(REPO_ROOT / "docs").rglob("*.md"),
        *(REPO_ROOT / "local").rglob("README.md"),
        REPO_ROOT / "whmcs_module" / "README.md",
        *(REPO_ROOT / "events").rglob("*.md"),
    ]
)
DEFAULT_PORTS = {ports.API_PORT, ports.MOTO_PORT, ports.SIM_PORT, ports.PREVIEW_PORT}
PORT_OPTIONS = {
    "--api-port": ports.API_PORT,
    "LOCAL_API_PORT": ports.API_PORT,
    "--moto-port": ports.MOTO_PORT,
    "LOCAL_MOTO_PORT": ports.MOTO_PORT,
    "--sim-port": ports.SIM_PORT,
    "SIM_PORT": ports.SIM_PORT,
}
MAKE_TARGETS = set(
    re.findall(r"^([a-z][a-z0-9-]*):", (REPO_ROOT / "Makefile").read_text(), re.MULTILINE)
)


def _lines(document: Path) -> list[tuple[int, str]]:
    return list(enumerate(document.read_text().splitlines(), start=1))


def _where(document: Path, number: int) -> str:
    return f"{document.relative_to(REPO_ROOT)}:{number}"


def test_every_local_address_uses_a_default_port_from_local_ports() -> None:
    wrong = [
        f"{_where(doc, n)}: {port}"
        for doc in DOCUMENTS
        for n, line in _lines(doc)
        for port in re.findall(r"(?:127\.0\.0\.1|localhost):(\d+)", line)
        if int(port) not in DEFAULT_PORTS
    ]
    assert not wrong, f"ports not in local/ports.py: {wrong}"


def test_every_quoted_default_port_is_the_one_in_local_ports() -> None:
    wrong = [
        f"{_where(doc, n)}: {option} ({value})"
        for doc in DOCUMENTS
        for n, line in _lines(doc)
        for option, value in re.findall(r"`?(--[a-z]+-port|[A-Z_]+PORT)`? \((\d+)\)", line)
        if option in PORT_OPTIONS and int(value) != PORT_OPTIONS[option]
    ]
    assert not wrong, f"defaults that local/ports.py does not have: {wrong}"


def test_curl_lines_do_not_hard_code_a_local_port() -> None:
    hard_coded = [
        _where(doc, n)
        for doc in DOCUMENTS
        for n, line in _lines(doc)
        if "curl " in line and re.search(r"(127\.0\.0\.1|localhost):\d+", line)
    ]
    assert not hard_coded, f"take the URL from .local/stack.json instead: {hard_coded}"


def _make_targets_quoted(line: str) -> list[str]:
    """`make x ...` in an inline code span, or a code line starting with make."""
    spans = [span for span in re.findall(r"`([^`]+)`", line) if span.startswith("make ")]
    if line.startswith("make "):
        spans.append(line)
    return [re.match(r"make ([a-z][a-z0-9-]*)", span).group(1) for span in spans]  # type: ignore[union-attr]


def test_every_make_target_quoted_exists() -> None:
    missing = [
        f"{_where(doc, n)}: make {target}"
        for doc in DOCUMENTS
        for n, line in _lines(doc)
        for target in _make_targets_quoted(line)
        if target not in MAKE_TARGETS
    ]
    assert not missing, f"no such Makefile target: {missing}"


def _admin_commands() -> list[tuple[str, list[str]]]:
    """Every admin CLI command line the documents quote, as argument lists."""
    found = []
    for doc in DOCUMENTS:
        for n, line in _lines(doc):
            for quoted in re.findall(r'make admin ARGS="([^"]+)"', line):
                found.append((_where(doc, n), quoted))
            for quoted in re.findall(
                r"(?:python -m cli\.contabo_admin|cli/contabo-admin) ([^`#\n]+)", line
            ):
                found.append((_where(doc, n), quoted.strip()))
    return [
        (where, shlex.split(text.replace("<", "'<").replace(">", ">'"))) for where, text in found
    ]


ADMIN_COMMANDS = _admin_commands()


def test_the_documents_quote_admin_commands() -> None:
    assert len(ADMIN_COMMANDS) > 10


@pytest.mark.parametrize(("where", "argv"), ADMIN_COMMANDS, ids=[w for w, _ in ADMIN_COMMANDS])
def test_every_quoted_admin_command_parses(where: str, argv: list[str]) -> None:
    if argv[-1:] == ["..."]:
        argv = [*argv[:-1], "--help"] if len(argv) > 1 else ["--help"]
    parser = _parser()
    if "--help" in argv:
        return
    try:
        options = parser.parse_args(argv)
    except SystemExit:
        pytest.fail(f"{where}: the admin CLI does not take {shlex.join(argv)}")
    if options.command == "run-job" and not options.job.startswith("<"):
        assert options.job in job_names(), f"{where}: say the job's short name, not {options.job}"


def test_make_run_job_is_quoted_with_short_job_names() -> None:
    quoted = [
        (_where(doc, n), job)
        for doc in DOCUMENTS
        for n, line in _lines(doc)
        for job in re.findall(r"make run-job JOB=([A-Za-z0-9_<>-]+)", line)
        if not job.startswith("<")
    ]
    assert quoted
    wrong = [item for item in quoted if item[1] not in job_names()]
    assert not wrong, f"use the jobs' short names ({', '.join(sorted(job_names()))}): {wrong}"


def test_the_lifecycle_api_says_create_answers_queued() -> None:
    text = (REPO_ROOT / "docs" / "lifecycle-api.md").read_text()
    row = next(line for line in text.splitlines() if "/services/{serviceId}/create`" in line)
    assert f'`state: "{ServiceState.QUEUED.value}"`' in row
