"""One vocabulary of jobs: the admin API's names, the addon's, `make run-job`'s and the CLI's."""

from __future__ import annotations

import re
import typing

import pytest

from contabo_reseller.domain.jobs import ScheduleName
from contabo_reseller.services.jobs.scheduled_jobs import SCHEDULES
from local.stack import run_job
from local.stack.jobs import LOCAL_ONLY_JOBS, UnknownJob, job_names, resolve_job
from local.stack.jobs import scheduled_function_ids as scheduled
from local.stack.template import REPO_ROOT

ADDON_API = REPO_ROOT / "whmcs_module/modules/addons/contabo_admin/lib/Api/AdminApi.php"


def test_every_scheduled_function_has_one_short_name() -> None:
    names = job_names()
    assert sorted(names.values()) == sorted(scheduled())
    assert len(set(names.values())) == len(names)


def test_the_admin_api_the_addon_and_the_tools_use_the_same_names() -> None:
    api_names = list(typing.get_args(ScheduleName))
    assert list(SCHEDULES) == api_names
    addon = re.search(r"const SCHEDULES = \[([^\]]*)\]", ADDON_API.read_text())
    assert addon is not None
    assert re.findall(r"'([^']+)'", addon.group(1)) == api_names
    assert sorted(job_names()) == sorted([*api_names, *LOCAL_ONLY_JOBS])


@pytest.mark.parametrize(
    ("given", "name"),
    [
        ("ProvisioningWorkerFunction", "provisioning"),
        ("provisioning-worker", "provisioning"),
        ("provisioning_worker", "provisioning"),
        ("ActionQueueWorkerFunction", "action-queue"),
        ("ScheduleHeartbeatFunction", "heartbeat"),
    ],
)
def test_old_spellings_still_work_and_say_the_new_name(given: str, name: str) -> None:
    job = resolve_job(given)
    assert job.name == name
    assert job.note == f"'{given}' is now called '{name}'"


def test_short_names_resolve_without_a_note() -> None:
    job = resolve_job("status-sync")
    assert (job.function_id, job.note) == ("StatusSyncFunction", "")


def test_an_api_function_is_no_job_and_the_error_lists_the_jobs() -> None:
    with pytest.raises(
        UnknownJob,
        match="the jobs are: action-queue, automatic-snapshots, catalog-sync, domain-sync, "
        "heartbeat",
    ):
        resolve_job("HealthFunction")


def test_make_run_job_refuses_an_unknown_name_before_looking_for_a_stack(capsys) -> None:
    assert run_job.main(["nope"]) == 2
    assert "no scheduled job 'nope'" in capsys.readouterr().err
