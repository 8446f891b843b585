"""moto's state is process-wide: what one local stack leaves must never reach the next one, nor
a stack started while another runs in the same process (a test module's own stack beside the
suite's shared one). Checked in a fresh process, where the order of servers is known."""

from __future__ import annotations

import json
import subprocess
import sys

from local.stack.template import REPO_ROOT

_SCENARIO = """
import json, os
import boto3
from local.stack.moto_server import LocalMoto

def secrets(server):
    os.environ["MOTO_ACCOUNT_ID"] = server.account_id  # what the stack puts in its environment
    client = boto3.client(
        "secretsmanager", endpoint_url=server.endpoint, region_name="eu-central-1",
        aws_access_key_id="local", aws_secret_access_key="local",
    )
    return client

def names(server):
    return sorted(s["Name"] for s in secrets(server).list_secrets()["SecretList"])

seen = {}
first = LocalMoto(port=0).start()
secrets(first).create_secret(Name="first-stack", SecretString="x")
nested = LocalMoto(port=0).start()
seen["nested_sees"] = names(nested)
secrets(nested).create_secret(Name="nested-stack", SecretString="y")
nested.stop()
seen["first_keeps"] = names(first)
first.stop()
later = LocalMoto(port=0).start()
seen["later_sees"] = names(later)
seen["accounts"] = [first.account_id, nested.account_id, later.account_id]
later.stop()
print(json.dumps(seen))
"""


def test_a_stack_never_sees_what_another_stack_in_the_process_holds_or_left() -> None:
    done = subprocess.run(  # noqa: S603 (our own interpreter and scenario)
        [sys.executable, "-c", _SCENARIO],
        cwd=REPO_ROOT,
        env={"PYTHONPATH": f"{REPO_ROOT}:{REPO_ROOT / 'layers' / 'common'}", "PATH": "/usr/bin"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["nested_sees"] == []  # its own account, beside the running one
    assert seen["first_keeps"] == ["first-stack"]  # the nested one's stop reset nothing of it
    assert seen["later_sees"] == []  # the last stop reset moto
    first, nested, later = seen["accounts"]
    assert first == later != nested
