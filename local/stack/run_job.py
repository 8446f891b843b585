"""``make run-job JOB=<FunctionLogicalId>``: run a scheduled function now on the running stack.

Finds the stack through ``stack.json`` (LOCAL_STATE_DIR, default .local/) and asks its API to
run the job; prints the outcome and exits non-zero if the job failed.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import httpx

from local.stack.runner import STATE_FILE_NAME
from local.stack.template import REPO_ROOT


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m local.stack.run_job <FunctionLogicalId>", file=sys.stderr)
        return 2
    state_file = Path(os.environ.get("LOCAL_STATE_DIR", REPO_ROOT / ".local")) / STATE_FILE_NAME
    if not state_file.exists():
        print(f"no {state_file}: start the stack first (make dev)", file=sys.stderr)
        return 1
    state = json.loads(state_file.read_text())
    url = f"{state['api_root']}/__local/jobs/{argv[0]}/run"
    try:
        response = httpx.post(url, timeout=120)
    except httpx.TransportError as error:
        print(f"the stack in {state_file} does not answer ({error})", file=sys.stderr)
        return 1
    print(response.text)
    if response.status_code == 404:
        print(f"scheduled functions: {', '.join(state['jobs'])}", file=sys.stderr)
    return 0 if response.is_success else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
