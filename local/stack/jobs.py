"""The one vocabulary of scheduled jobs: the short names the admin API and the addon use
(``provisioning``, ``status-sync``...), mapped to the template's functions.

``make run-job``, ``make invoke`` and the admin CLI all resolve names here. The admin API's
names come from ``domain.jobs.SCHEDULE_FUNCTION_SETTINGS`` and their functions from
AdminSchedulesFunction's environment in template.yaml, so neither list is copied.
``heartbeat`` is local and CLI only: the admin API does not run it because it is the proof
that the schedules fire by themselves.
Older spellings (logical ids such as ``ProvisioningWorkerFunction``, code folders such as
``provisioning_worker``) are still accepted, with a note naming the short name.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from typing import Any

from local.stack.template import REPO_ROOT, function_events, function_properties, load_template

# The shared package ships as a Lambda layer, not an installed distribution.
if str(REPO_ROOT / "layers" / "common") not in sys.path:
    sys.path.append(str(REPO_ROOT / "layers" / "common"))

from contabo_reseller.domain.jobs import SCHEDULE_FUNCTION_SETTINGS

SCHEDULE_EVENT_TYPES = {"Schedule", "ScheduleV2"}
# Jobs the admin API does not run (see the module docstring), by their short name.
LOCAL_ONLY_JOBS = {"heartbeat": "ScheduleHeartbeatFunction"}
_ADMIN_FUNCTION = "AdminSchedulesFunction"


@dataclass(frozen=True)
class JobName:
    name: str  # the short name, as in the admin API
    function_id: str  # the template's logical id
    note: str = ""  # set when an older spelling was used


class UnknownJob(LookupError):
    def __init__(self, given: str, known: list[str]) -> None:
        super().__init__(f"no scheduled job {given!r}; the jobs are: {', '.join(known)}")
        self.known = known


def job_names(template: dict[str, Any] | None = None) -> dict[str, str]:
    """Short name -> logical id, for every scheduled function in the template."""
    template = template or load_template()
    variables = function_properties(template, _ADMIN_FUNCTION)["Environment"]["Variables"]
    names = {}
    for name, setting in SCHEDULE_FUNCTION_SETTINGS.items():
        reference = variables[setting.upper()]
        names[name] = reference["Ref"] if isinstance(reference, dict) else str(reference)
    names.update(LOCAL_ONLY_JOBS)
    return names


def scheduled_function_ids(template: dict[str, Any] | None = None) -> set[str]:
    template = template or load_template()
    return {function_id for function_id, _, _ in function_events(template, SCHEDULE_EVENT_TYPES)}


def resolve_job(given: str, template: dict[str, Any] | None = None) -> JobName:
    """The job a name means: its short name, or an older spelling (with a note)."""
    template = template or load_template()
    names = job_names(template)
    if given in names:
        return JobName(given, names[given])
    wanted = _normalized(given)
    for name, function_id in names.items():
        folder = str(function_properties(template, function_id)["CodeUri"]).rstrip("/")
        spellings = (function_id, function_id.removesuffix("Function"), folder.split("/")[-1])
        if wanted in {_normalized(spelling) for spelling in (*spellings, name)}:
            return JobName(name, function_id, f"'{given}' is now called '{name}'")
    raise UnknownJob(given, sorted(names))


def _normalized(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())
