"""What every benchmark needs: the repo on sys.path, the stack's names in the environment
before the shared package reads its settings, the machine line, quiet stack output."""

from __future__ import annotations

import contextlib
import os
import platform
import sys
from collections.abc import Iterator
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
for _path in (REPO_ROOT, REPO_ROOT / "layers" / "common"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from local.stack.template import LocalNames, load_template, shared_environment  # noqa: E402


def stack_names(stack_name: str) -> LocalNames:
    """The bench stack's names, put in the environment: settings are read at import."""
    names = LocalNames(stack_name=stack_name)
    os.environ.update(shared_environment(load_template(), names))
    return names


def machine() -> str:
    return f"Python {platform.python_version()}, {os.cpu_count()} CPUs, {_cpu_model()}"


def _cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.partition(":")[2].strip()
    return platform.processor() or "unknown CPU"


@contextlib.contextmanager
def quiet_output() -> Iterator[None]:
    """The stack's JSON logs and EMF metrics still get formatted (a real cost), unseen."""
    with open(os.devnull, "w") as devnull, contextlib.redirect_stdout(devnull):
        yield
