"""Provisioning write-back delay: from Contabo's `running` to the service record complete, and
to WHMCS (the backend's push, and the module's AfterCronJob hook pulling).

The local stack runs in this process with its schedules on, ``--speedup`` times faster (the
provisioning worker's `rate(1 minute)` fires every 60/speedup real seconds). Orders arrive at
random moments, so `running` falls anywhere in the worker's period. Measured, in wall time:

- running: a watcher applies the simulator's due status changes every 20 ms and notes when
  each instance turns `running` (Contabo's moment, to within 20 ms);
- record complete: the worker's own ``details.ready_at`` on the service row;
- WHMCS, push: when a stand-in WHMCS API (tests/integration/lifecycle/fake_whmcs_api.py)
  received the worker's UpdateClientProduct;
- WHMCS, pull: the module's AfterCronJob hook code (ProvisioningSync, as hooks.php runs it) in
  a php CLI process against the stack, with WHMCS's database replaced by the test suite's
  in-memory repository and localAPI by its recording stub; it runs back to back (0.25 s apart)
  instead of WHMCS's cron interval, which a real install adds on top of this path.

The delay from running to record complete is reported in worker periods (what carries over to
production, where a period is 60 s) and in local seconds. The worker's own run time is counted
in local seconds too, so a high speedup overstates it in periods.

    make bench
    PYTHONPATH=layers/common:. python bench/provisioning_writeback.py --services 20 --speedup 10

Prints figures only; no timing is asserted anywhere. Results: docs/performance.md.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from _support import REPO_ROOT, machine, quiet_output, stack_names

NAMES = stack_names("bench-writeback")

WORKER = "ProvisioningWorkerFunction"
ORDER = {
    "client_id": "7",
    "client_email": "ada@example.com",
    "product_id": "V92",
    "region": "EU",
    "image_id": "ubuntu-22.04",
    "hostname": "writeback.example.com",
}

# The AfterCronJob hook's body (hooks.php) with the test suite's WHMCS stand-ins; one JSON line
# per run: when it ended, how long it took, which services it completed.
HOOK_LOOP_PHP = r"""<?php
declare(strict_types=1);

use Tests\Php\Stubs\FakePendingServiceRepository;
use WHMCS\Module\Server\Contabo\Provisioning\PendingService;
use WHMCS\Module\Server\Contabo\Provisioning\ProvisioningSync;

[$root, $config] = [$argv[1], json_decode((string) file_get_contents($argv[2]), true)];
require $root . '/tests/php/stubs/Whmcs.php';
require $root . '/tests/php/stubs/whmcs_functions.php';
require $root . '/whmcs_module/modules/servers/contabo/lib/autoload.php';
require $root . '/tests/php/stubs/FakePendingServiceRepository.php';

$pending = array_map(
    // The client the orders were for (ORDER): the hook writes back only its servers.
    static fn ($id) => new PendingService((int) $id, 1, ['userid' => 7] + $config['server'], '', 7),
    $config['services'],
);
$repository = new FakePendingServiceRepository($pending);
$sync = new ProvisioningSync($repository, 'localAPI');
$deadline = microtime(true) + (float) $config['timeout'];
while ($repository->pending !== [] && microtime(true) < $deadline) {
    $started = microtime(true);
    $outcome = $sync->run();
    $ended = microtime(true);
    echo json_encode([
        'ended' => $ended, 'ms' => ($ended - $started) * 1000,
        'asked' => count($repository->pending), 'ready' => $outcome['ready'],
    ]), "\n";
    // WHMCS's own repository stops listing a service once its dedicated IP is written.
    $repository->pending = array_values(array_filter(
        $repository->pending,
        static fn ($service) => !in_array($service->serviceId, $outcome['ready'], true),
    ));
    usleep(250_000);
}
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=20)
    parser.add_argument("--speedup", type=float, default=10.0, help="schedules run N x faster")
    parser.add_argument("--provision-seconds", type=float, default=3.0, help="simulator")
    args = parser.parse_args(argv)

    from local.signed_client import SignedClient
    from local.stack.aws import DEMO_SIGNING_KEY_ID, DEMO_SIGNING_SECRET
    from local.stack.runner import start_local_stack
    from tests.integration.lifecycle.fake_whmcs_api import fake_whmcs_api

    with (
        quiet_output(),
        start_local_stack(
            api_port=0,
            moto_port=0,
            sim_port=0,
            schedules=True,
            speedup=args.speedup,
            provision_seconds=args.provision_seconds,
            names=NAMES,
            sim_validate=False,
        ) as stack,
        fake_whmcs_api(stack) as whmcs_api,
    ):
        _silence_handlers()
        whmcs = SignedClient(stack.api_url, DEMO_SIGNING_KEY_ID, DEMO_SIGNING_SECRET)
        bench = WritebackBench(stack, whmcs, whmcs_api, args)
        try:
            bench.run()
        finally:
            whmcs.close()
    bench.report()
    return 0


class WritebackBench:
    def __init__(self, stack: Any, whmcs: Any, whmcs_api: Any, args: Any) -> None:
        self.stack = stack
        self.whmcs = whmcs
        self.args = args
        self.period = _worker_period_seconds(stack) / args.speedup  # local seconds
        first = 700_000 + int(time.time()) % 10_000 * 10
        self.service_ids = [str(first + n) for n in range(args.services)]
        self.running_at: dict[str, float] = {}
        self.complete_at: dict[str, float] = {}
        self.pushed_at: dict[str, float] = {}
        self.pulled_at: dict[str, float] = {}
        self.hook_runs: list[dict[str, Any]] = []
        self.worker_ms: list[float] = []
        self.stop = threading.Event()
        whmcs_api.posts = _TimedPosts(self.pushed_at)
        self._time_worker_runs()

    def run(self) -> None:
        if shutil.which("php") is None:
            raise SystemExit("php CLI not found: the hook (pull) part needs it")
        watcher = threading.Thread(target=self._watch_contabo, name="watch", daemon=True)
        watcher.start()
        with self._hook_loop() as hook:
            rng = random.Random(9)
            for sid in self.service_ids:  # random arrival: `running` at any phase of a period
                created = self.whmcs.request("POST", f"/services/{sid}/create", ORDER)
                if created.status_code != 202:
                    raise SystemExit(f"create {sid}: {created.status_code} {created.text}")
                time.sleep(rng.uniform(0, self.period))
            deadline = time.monotonic() + 20 * self.period + 60
            while time.monotonic() < deadline and not self._all_done():
                self._read_records()
                time.sleep(0.2)
            try:
                hook_out, _ = hook.communicate(timeout=60)
            except subprocess.TimeoutExpired:  # a service never completed: report what we have
                hook.kill()
                hook_out, _ = hook.communicate()
        self.stop.set()
        watcher.join()
        self._read_records()
        for line in hook_out.splitlines():
            run = json.loads(line)
            self.hook_runs.append(run)
            for sid in run["ready"]:
                self.pulled_at[str(sid)] = run["ended"]

    @contextlib.contextmanager
    def _hook_loop(self) -> Iterator[subprocess.Popen[str]]:
        """The php process running the hook back to back until every service is written."""
        info = self.stack.info()["whmcs_server"]
        server = {
            "serverhostname": info["hostname"],
            "serverip": "",
            "serversecure": "",
            "serverusername": info["username"],
            "serverpassword": info["password"],
        }
        timeout = self.args.services * self.period + 20 * self.period + 60
        with tempfile.TemporaryDirectory() as folder:
            script, config = Path(folder, "hook_loop.php"), Path(folder, "config.json")
            script.write_text(HOOK_LOOP_PHP)
            config.write_text(
                json.dumps({"server": server, "services": self.service_ids, "timeout": timeout})
            )
            process = subprocess.Popen(  # noqa: S603 - php from PATH, our own script
                ["php", str(script), str(REPO_ROOT), str(config)],  # noqa: S607
                cwd=REPO_ROOT,
                stdout=subprocess.PIPE,
                text=True,
            )
            try:
                yield process
            finally:
                if process.poll() is None:
                    process.kill()
                    process.wait()

    def _watch_contabo(self) -> None:
        from contabo_reseller.domain.service import display_name_for

        names = {display_name_for(sid): sid for sid in self.service_ids}
        state = self.stack.sim.state
        while not self.stop.is_set():
            state.tick()
            now = time.time()
            with state.lock:
                for instance in state.instances.values():
                    sid = names.get(instance["displayName"])
                    if sid and instance["status"] == "running" and sid not in self.running_at:
                        self.running_at[sid] = now
            time.sleep(0.02)

    def _read_records(self) -> None:
        from contabo_reseller.adapters import service_store

        for sid in self.service_ids:
            if sid in self.complete_at:
                continue
            record = service_store.get(sid)
            ready = record and (record.details or {}).get("ready_at")
            if ready:
                self.complete_at[sid] = datetime.fromisoformat(ready).timestamp()

    def _all_done(self) -> bool:
        return all(
            sid in self.complete_at and sid in self.pushed_at for sid in self.service_ids
        ) and all(sid in self.running_at for sid in self.service_ids)

    def _time_worker_runs(self) -> None:
        scheduler = self.stack.scheduler
        run_now = scheduler.run_now

        def timed(function_id: str, schedule: Any = None) -> dict[str, Any]:
            outcome: dict[str, Any] = run_now(function_id, schedule)
            if function_id == WORKER:
                self.worker_ms.append(outcome["ms"])
            return outcome

        scheduler.run_now = timed

    def report(self) -> None:
        args = self.args
        print(f"Provisioning write-back: {args.services} services, schedules x{args.speedup:g}")
        print(machine())
        print(
            f"worker period: {self.period * args.speedup:.0f} s in production, "
            f"{self.period:.2f} s here; worker runs: {len(self.worker_ms)}, "
            f"median {_median(self.worker_ms):.0f} ms, max {max(self.worker_ms, default=0):.0f} ms"
        )
        complete = self._delays(self.complete_at)
        push = self._delays(self.pushed_at)
        pull = self._delays(self.pulled_at)
        print(f"{'from Contabo running to':<34}{'n':>4}{'median':>9}{'p90':>9}{'max':>9}")
        self._row("record complete (periods)", [d / self.period for d in complete], "")
        self._row("record complete (local s)", complete, " s")
        self._row("WHMCS via push (local s)", push, " s")
        self._row("WHMCS via hook pull (local s)", pull, " s")
        after = [
            self.pulled_at[s] - self.complete_at[s]
            for s in self.service_ids
            if s in self.pulled_at and s in self.complete_at
        ]
        self._row("  of which record -> hook (s)", after, " s")
        runs = [run["ms"] for run in self.hook_runs]
        asked = max((run["asked"] for run in self.hook_runs), default=0)
        print(
            f"hook runs: {len(runs)}, median {_median(runs):.0f} ms, max "
            f"{max(runs, default=0):.0f} ms (at most {asked} pending services per run)"
        )
        missing = [
            s for s in self.service_ids if s not in self.pulled_at or s not in self.pushed_at
        ]
        print(f"services not written to WHMCS by both paths: {len(missing)}")
        print("production adds WHMCS's cron interval (5 min by default) to the pull path only")

    def _delays(self, moments: dict[str, float]) -> list[float]:
        return [
            moments[sid] - self.running_at[sid]
            for sid in self.service_ids
            if sid in moments and sid in self.running_at
        ]

    @staticmethod
    def _row(label: str, values: list[float], unit: str) -> None:
        if not values:
            print(f"{label:<34}{0:>4}")
            return
        ordered = sorted(values)
        p90 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.9))]
        print(
            f"{label:<34}{len(values):>4}{_median(values):>7.2f}{unit or '  '}"
            f"{p90:>7.2f}{unit or '  '}{ordered[-1]:>7.2f}{unit or '  '}"
        )


class _TimedPosts(list[dict[str, str]]):
    """The stand-in WHMCS API's received posts, noting when each service's update arrived."""

    def __init__(self, arrivals: dict[str, float]) -> None:
        super().__init__()
        self._arrivals = arrivals

    def append(self, post: dict[str, str]) -> None:
        if post.get("action") == "UpdateClientProduct":
            self._arrivals.setdefault(post.get("serviceid", ""), time.time())
        super().append(post)


def _worker_period_seconds(stack: Any) -> float:
    schedule = next(s for s in stack.scheduler.schedules if s.function_id == WORKER)
    assert schedule.expression.period is not None, "the worker runs on a rate() schedule"
    return float(schedule.expression.period.total_seconds())


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def _silence_handlers() -> None:
    """Powertools' Logger kept the real stdout from import time; point it at /dev/null too."""
    import logging

    devnull = open(os.devnull, "w")  # noqa: SIM115 (lives as long as the process)
    for item in logging.root.manager.loggerDict.values():
        if isinstance(item, logging.Logger):
            for handler in item.handlers:
                if isinstance(handler, logging.StreamHandler):
                    handler.setStream(devnull)


if __name__ == "__main__":
    sys.exit(main())
