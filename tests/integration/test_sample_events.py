"""`make invoke`: every sample event in events/, signed afresh, runs its function's handler on
a running local stack without failing (a 4xx for a sample id that does not exist is fine, a
5xx, an unsigned refusal or a crash is not)."""

from __future__ import annotations

from pathlib import Path

import pytest

from local.events import expected_events
from local.stack import invoke
from local.stack.runner import RunningStack, write_state
from local.stack.template import REPO_ROOT

SAMPLES = expected_events()


@pytest.fixture(scope="module")
def state_dir(local_stack: RunningStack, tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("local-state")
    write_state(local_stack, directory)
    return directory


@pytest.mark.parametrize("sample", SAMPLES, ids=[s.relative_path for s in SAMPLES])
def test_every_sample_event_runs_its_handler(
    sample, state_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = invoke.main([sample.folder, str(sample.path)], state_dir=state_dir)
    printed = capsys.readouterr()
    assert code == 0, printed.out + printed.err
    if sample.event_type == "Api":
        # (the in-process functions print their metrics on stdout too)
        status = int(
            next(line for line in printed.out.splitlines() if line.startswith("HTTP "))[5:]
        )
        assert status not in {401, 403}, printed.out  # signed afresh: never refused as unsigned
        assert status < 500, printed.out


def test_invoke_by_job_name_uses_the_first_sample(
    state_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert invoke.main(["heartbeat"], state_dir=state_dir) == 0
    printed = capsys.readouterr()
    assert "ScheduleHeartbeatFunction <- events/schedule_heartbeat/" in printed.err
    assert '"beat": true' in printed.out


def test_a_signed_sample_is_accepted_where_the_stored_one_is_stale(
    state_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    event = REPO_ROOT / "events" / "get_service" / "GetService.json"
    assert invoke.main(["GetServiceFunction", str(event)], state_dir=state_dir) == 0
    out = capsys.readouterr().out
    assert "HTTP 200" in out or "HTTP 404" in out, out  # signed and routed, never a 401


def test_unknown_functions_and_a_missing_stack_are_said_plainly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert invoke.main(["nope"], state_dir=tmp_path) == 1
    assert "no function 'nope'; the functions are:" in capsys.readouterr().err
    assert invoke.main(["health"], state_dir=tmp_path) == 1
    assert "start the stack first (make dev)" in capsys.readouterr().err
