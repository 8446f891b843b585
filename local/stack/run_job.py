"""``make run-job JOB=<job>``: run a scheduled job now on the running stack.

Jobs have the short names the admin API and the addon use (``provisioning``, ``status-sync``,
``catalog-sync``, ``usage-sync``, ``action-queue``, and locally ``heartbeat``); the older
logical ids (``ProvisioningWorkerFunction``) still work, with a note. Finds the stack through
``stack.json`` (LOCAL_STATE_DIR, default .local/), asks its API to run the job, prints the
outcome and exits non-zero if the job failed.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import httpx

from local.stack.jobs import UnknownJob, resolve_job
from local.stack.runner import STATE_FILE_NAME
from local.stack.template import REPO_ROOT


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m local.stack.run_job <job>  (e.g. provisioning)", file=sys.stderr)
        return 2
    try:
        job = resolve_job(argv[0])
    except UnknownJob as unknown:
        print(unknown, file=sys.stderr)
        return 2
    if job.note:
        print(f"note: {job.note}", file=sys.stderr)
    state_file = Path(os.environ.get("LOCAL_STATE_DIR", REPO_ROOT / ".local")) / STATE_FILE_NAME
    if not state_file.exists():
        print(f"no {state_file}: start the stack first (make dev)", file=sys.stderr)
        return 1
    state = json.loads(state_file.read_text())
    url = f"{state['api_root']}/__local/jobs/{job.name}/run"
    try:
        response = httpx.post(url, timeout=900)
    except httpx.TransportError as error:
        print(f"the stack in {state_file} does not answer ({error})", file=sys.stderr)
        return 1
    try:
        outcome = response.json()
    except ValueError:
        print(response.text)
        return 1
    print(f"{job.name}: {outcome.get('status', response.status_code)} in {outcome.get('ms')}ms")
    detail = outcome.get("result") if outcome.get("status") == "ok" else outcome.get("error")
    print(json.dumps(detail, indent=2, sort_keys=True, default=str))
    return 0 if response.is_success else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
