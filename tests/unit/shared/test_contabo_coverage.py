"""docs/contabo-coverage.md is what scripts/contabo_coverage.py computes now: every operation of
both spec copies counted (used by a feature, wrapped only, unused), every unused one with a
reason."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_the_coverage_page_is_current_and_every_unused_operation_has_a_reason():
    done = subprocess.run(
        [sys.executable, "scripts/contabo_coverage.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    page = (ROOT / "docs/contabo-coverage.md").read_text()
    assert "`assignIp` (VIP)" not in page.split("## Wrapped only")[1]  # moving extra IPs uses it
    for line in page.split("## Unused, with the reason")[1].strip().splitlines():
        assert line.rstrip().split("): ", 1)[1], line
